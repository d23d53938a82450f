/**
 * The lobby's API: `POST /api/games` creates a game for a host. The machine version's lobby support
 * turns the host's cast into its roster (and names the fields of the host's request that init
 * issues concern); the lobby creates the room through the same documented init handoff an external
 * lobby uses, has the room sign one invite token per player and an admin token, and answers with
 * invite and host links, and when the game first moves on by itself (`startsAt`).
 *
 * Cast members may carry a `userId`, the stable identity their gold follows across games: the lobby
 * checks it (a short slug, once per cast), reads each such member's wallet from D1 and hands it to
 * the version's roster (machine-version.ts `LobbyCastMember`), for versions that declare wallets
 * only. `GET /api/wallets/:userId` looks a wallet up.
 */
import { getServerByName } from 'partyserver';
import { z } from 'zod';
import { catalog } from '../machines/catalog';
import { DEFAULT_MODE } from '../machines/lobby-modes';
import { refOf, type LobbyCastMember } from '../machines/machine-version';
import { USER_ID_PATTERN, USER_ID_RULE } from '../machines/wallet';
import type { MachineRegistry } from '../machines/registry';
import { requireLobbySecret } from './auth';
import { readJson } from './request-body';
import { RoomError, errorResponse } from './room-error';
import { MAX_INIT_BYTES } from './room-routes';
import { readWallet, readWallets } from './wallet/wallets';

/** The version a request that names none creates (one declaration for the API and the lobby page). */
export const DEFAULT_MACHINE = DEFAULT_MODE;

const CreateGame = z.object({
  machine: z.string().min(1).max(100).optional(),
  cast: z
    .array(z.object({ name: z.unknown(), bio: z.unknown().optional(), avatarUrl: z.unknown().optional(), userId: z.unknown().optional() }))
    .max(50),
  manifest: z.unknown(),
});

/** Unguessable room ids (16 characters, 80 bits): not a secret, but not enumerable either. */
function newRoomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => 'abcdefghijkmnpqrstuvwxyz23456789'[b % 32]).join('');
}

/** `registry`: the versions the lobby may create (those with lobby support); tests pass fixtures. */
export async function createGame(request: Request, env: Env, registry: MachineRegistry = catalog): Promise<Response> {
  try {
    const secret = await requireLobbySecret(request, env);
    const parsed = CreateGame.safeParse(await readJson(request, MAX_INIT_BYTES));
    if (!parsed.success) {
      throw new RoomError('BAD_REQUEST', 'the body needs `cast` (a list of `{ name, bio? }`) and `manifest`', {
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      });
    }
    const { cast, manifest, machine = DEFAULT_MACHINE } = parsed.data;
    const lobby = registry.get(machine)?.lobby;
    if (!lobby) {
      throw new RoomError('UNKNOWN_MACHINE', `the lobby cannot create "${machine.slice(0, 100)}" games`, {
        known: registry
          .list()
          .filter((version) => version.lobby)
          .map(refOf),
      });
    }
    const userIds = castUserIds(cast);
    if (userIds.some((id) => id !== undefined) && !registry.get(machine)?.payouts) {
      throw new RoomError('WALLETS_NOT_SUPPORTED', `"${machine}" games pay no gold into wallets; send the cast without \`userId\``);
    }
    const wallets = await readWallets(
      env.DB,
      userIds.filter((id) => id !== undefined),
    );
    const members: LobbyCastMember[] = cast.map(({ name, bio, avatarUrl }, i) => {
      const userId = userIds[i];
      return { name, bio, avatarUrl, ...(userId !== undefined ? { userId, wallet: { gold: wallets.get(userId) ?? 0 } } : {}) };
    });
    const roster = lobby.rosterOf(members);
    const roomId = newRoomId();
    const room = await getServerByName(env.GameServer, roomId);
    const call = (action: string, body?: unknown) =>
      room.fetch(
        new Request(`https://lobby.internal/parties/game-server/${roomId}/${action}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
    const init = await call('init', { machine, roster, manifest });
    if (init.status !== 201) {
      const answer = (await init.json()) as { error: { issues?: { path: string; message: string }[] } };
      if (answer.error.issues) answer.error.issues = answer.error.issues.map((i) => ({ ...i, path: lobby.requestPathOf(i.path) }));
      return Response.json(answer, { status: init.status });
    }
    const tokens = (await (await call('tokens', {})).json()) as { players: Record<string, string>; admin: string; expiresAt: number };
    const startsAt = firstTimerDue((await (await call('status')).json()) as { timers?: { dueAt: number }[] });
    const link = (path: string, token: string) => `${path}#room=${roomId}&token=${encodeURIComponent(token)}`;
    return Response.json(
      {
        roomId,
        machine,
        players: roster.map((entry, i) => ({
          playerId: entry.playerId,
          name: cast[i]!.name,
          ...(members[i]!.userId !== undefined ? { userId: members[i]!.userId, carriedGold: members[i]!.wallet!.gold } : {}),
          invite: link('/play', tokens.players[entry.playerId]!),
        })),
        host: link('/host', tokens.admin),
        expiresAt: tokens.expiresAt,
        startsAt,
      },
      { status: 201 },
    );
  } catch (error) {
    if (error instanceof RoomError) return errorResponse(error);
    throw error;
  }
}

/**
 * Each member's user id, checked (a short slug, once per cast); undefined where none is given (an
 * empty field is none). Throws INVALID_USER_ID with an issue per bad member.
 */
function castUserIds(cast: readonly { userId?: unknown }[]): (string | undefined)[] {
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  const ids = cast.map(({ userId }, i) => {
    if (userId === undefined || userId === '') return undefined;
    if (typeof userId !== 'string' || !USER_ID_PATTERN.test(userId)) {
      issues.push({ path: `cast.${i}.userId`, message: USER_ID_RULE });
      return undefined;
    }
    if (seen.has(userId))
      issues.push({ path: `cast.${i}.userId`, message: `User id "${userId}" appears twice; a user plays once per game.` });
    seen.add(userId);
    return userId;
  });
  if (issues.length > 0) throw new RoomError('INVALID_USER_ID', 'a user id in the cast is not valid', { issues });
  return ids;
}

/**
 * `GET /api/wallets/:userId` (lobby secret): the user's gold and latest credits; a user never
 * credited has zero gold (see wallet/wallets.ts).
 */
export async function lookUpWallet(request: Request, env: Env, userId: string): Promise<Response> {
  try {
    await requireLobbySecret(request, env);
    if (!USER_ID_PATTERN.test(userId)) {
      throw new RoomError('INVALID_USER_ID', USER_ID_RULE, { issues: [{ path: 'userId', message: USER_ID_RULE }] });
    }
    return Response.json(await readWallet(env.DB, userId));
  } catch (error) {
    if (error instanceof RoomError) return errorResponse(error);
    throw error;
  }
}

/**
 * When a new game first moves on by itself: its earliest durable timer (for `pecking-order@1`,
 * day 1's morning). Null when nothing is scheduled: an ADMIN game starts when the host advances it.
 */
function firstTimerDue(status: { timers?: { dueAt: number }[] }): number | null {
  const due = (status.timers ?? []).map((timer) => timer.dueAt);
  return due.length > 0 ? Math.min(...due) : null;
}

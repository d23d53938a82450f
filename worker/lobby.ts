/**
 * The lobby's API: `POST /api/games` creates a game for a host. The machine version's lobby support
 * turns the host's cast into its roster (and names the fields of the host's request that init
 * issues concern); the lobby creates the room through the same documented init handoff an external
 * lobby uses, has the room sign one invite token per player and an admin token, and answers with
 * invite and host links, and when the game first moves on by itself (`startsAt`).
 */
import { getServerByName } from 'partyserver';
import { z } from 'zod';
import { catalog } from '../machines/catalog';
import { refOf } from '../machines/machine-version';
import type { MachineRegistry } from '../machines/registry';
import { requireLobbySecret } from './auth';
import { readJson } from './request-body';
import { RoomError, errorResponse } from './room-error';
import { MAX_INIT_BYTES } from './room-routes';

export const DEFAULT_MACHINE = 'pecking-order@2';

const CreateGame = z.object({
  machine: z.string().min(1).max(100).optional(),
  cast: z.array(z.object({ name: z.unknown(), bio: z.unknown().optional(), avatarUrl: z.unknown().optional() })).max(50),
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
    const roster = lobby.rosterOf(cast);
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
 * When a new game first moves on by itself: its earliest durable timer (for `pecking-order@1`,
 * day 1's morning). Null when nothing is scheduled: an ADMIN game starts when the host advances it.
 */
function firstTimerDue(status: { timers?: { dueAt: number }[] }): number | null {
  const due = (status.timers ?? []).map((timer) => timer.dueAt);
  return due.length > 0 ? Math.min(...due) : null;
}

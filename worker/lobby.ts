/**
 * The lobby's API: `POST /api/games` creates a game for a host. It assigns player ids, creates
 * the room through the same documented init handoff an external lobby uses, has the room sign one
 * invite token per player and an admin token, and answers with invite and host links.
 */
import { getServerByName } from 'partyserver';
import { z } from 'zod';
import { requireLobbySecret } from './auth';
import { readJson } from './request-body';
import { RoomError, errorResponse } from './room-error';
import { MAX_INIT_BYTES } from './room-routes';

export const DEFAULT_MACHINE = 'pecking-order@1';

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

/** Issues about `roster.N…` are about the host's `cast.N…`. */
function castPath(path: string): string {
  return path.startsWith('roster') ? `cast${path.slice('roster'.length)}` : path;
}

export async function createGame(request: Request, env: Env): Promise<Response> {
  try {
    const secret = await requireLobbySecret(request, env);
    const parsed = CreateGame.safeParse(await readJson(request, MAX_INIT_BYTES));
    if (!parsed.success) {
      throw new RoomError('BAD_REQUEST', 'the body needs `cast` (a list of `{ name, bio? }`) and `manifest`', {
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      });
    }
    const { cast, manifest, machine = DEFAULT_MACHINE } = parsed.data;
    const roster = cast.map((member, i) => ({
      playerId: `p${i + 1}`,
      name: member.name,
      ...(member.bio !== undefined && member.bio !== '' ? { bio: member.bio } : {}),
      ...(member.avatarUrl !== undefined && member.avatarUrl !== '' ? { avatarUrl: member.avatarUrl } : {}),
    }));
    const roomId = newRoomId();
    const room = await getServerByName(env.GameServer, roomId);
    const call = (action: string, body: unknown) =>
      room.fetch(
        new Request(`https://lobby.internal/parties/game-server/${roomId}/${action}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    const init = await call('init', { machine, roster, manifest });
    if (init.status !== 201) {
      const answer = (await init.json()) as { error: { issues?: { path: string; message: string }[] } };
      if (answer.error.issues) answer.error.issues = answer.error.issues.map((i) => ({ ...i, path: castPath(i.path) }));
      return Response.json(answer, { status: init.status });
    }
    const tokens = (await (await call('tokens', {})).json()) as { players: Record<string, string>; admin: string; expiresAt: number };
    const link = (path: string, token: string) => `${path}#room=${roomId}&token=${encodeURIComponent(token)}`;
    return Response.json(
      {
        roomId,
        machine,
        players: roster.map((member) => ({
          playerId: member.playerId,
          name: member.name,
          invite: link('/play', tokens.players[member.playerId]!),
        })),
        host: link('/host', tokens.admin),
        expiresAt: tokens.expiresAt,
      },
      { status: 201 },
    );
  } catch (error) {
    if (error instanceof RoomError) return errorResponse(error);
    throw error;
  }
}

/**
 * The Worker entry: rooms under `/parties/game-server/:roomId` (partyserver routing), the lobby's
 * API under `/api/`, static assets (client and inspector builds) for everything else.
 */
import { createGame, lookUpWallet } from './lobby';
import { routeToRoom } from './refused-sockets';
import { roomAddressProblem } from './room-address';
import { RoomError, errorResponse } from './room-error';

export { GameServer } from './game-server';

const WALLETS_PATH = '/api/wallets/';

/** The path's user id, decoded; a malformed escape is passed on as it is, for the lobby to refuse. */
function userIdOf(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const { pathname } = new URL(request.url);
    // Before partyserver: an unknown party or a malformed room id never reaches a room (HTTP or WebSocket).
    const refused = roomAddressProblem(pathname, env);
    if (refused) return errorResponse(refused);
    // partyserver routing; a WebSocket the room refuses is cut a second after its close frame (refused-sockets.ts).
    const routed = await routeToRoom(request, env, ctx);
    if (routed) return routed;
    if (pathname === '/api/games') {
      if (request.method !== 'POST') return errorResponse(new RoomError('METHOD_NOT_ALLOWED', 'POST /api/games creates a game'));
      return createGame(request, env);
    }
    if (pathname.startsWith(WALLETS_PATH)) {
      if (request.method !== 'GET') return errorResponse(new RoomError('METHOD_NOT_ALLOWED', 'GET /api/wallets/:userId looks a wallet up'));
      return lookUpWallet(request, env, userIdOf(pathname.slice(WALLETS_PATH.length)));
    }
    if (pathname.startsWith('/api/')) {
      return errorResponse(new RoomError('NOT_FOUND', 'the API has POST /api/games and GET /api/wallets/:userId; see docs/protocol.md'));
    }
    if (pathname.startsWith('/parties/')) {
      return errorResponse(new RoomError('NOT_FOUND', 'rooms live at /parties/game-server/:roomId'));
    }
    return env.ASSETS ? env.ASSETS.fetch(request) : errorResponse(new RoomError('NOT_FOUND', 'no such page'));
  },
} satisfies ExportedHandler<Env>;

/**
 * The Worker entry: rooms under `/parties/game-server/:roomId` (partyserver routing), static assets
 * (client and inspector builds) for everything else.
 */
import { routePartykitRequest } from 'partyserver';
import { RoomError, errorResponse } from './room-error';

export { GameServer } from './game-server';

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const routed = await routePartykitRequest(request, env);
    if (routed) return routed;
    if (new URL(request.url).pathname.startsWith('/parties/')) {
      return errorResponse(new RoomError('NOT_FOUND', 'rooms live at /parties/game-server/:roomId'));
    }
    return env.ASSETS ? env.ASSETS.fetch(request) : errorResponse(new RoomError('NOT_FOUND', 'no such page'));
  },
} satisfies ExportedHandler<Env>;

/**
 * A refused WebSocket ends right after its close frame, whatever the client does.
 *
 * A room refuses a connection by closing it with a documented code (protocol/close-codes.ts). The
 * close frame leaves at once, but workerd keeps the TCP connection open until the client answers
 * it (one that never does kept it open past 30 s), and a hibernatable socket that the room closed
 * (partyserver accepts every connection as one before `onConnect` runs) stays open even after the
 * answer, until the Durable Object goes idle: about 10 s in a quiet room, for as long as players
 * keep a busy one awake. Browsers and Node report the close only when the connection ends, so a
 * refused player waited that long to learn why.
 *
 * A room cannot end a socket it accepted: a WebSocket has `close()`, which waits for the peer, and
 * no abort. A WebSocket that the Worker fetched with an AbortSignal can be cut. So the Worker routes
 * every upgrade to its room with a signal, the room marks the 101 of a connection it refused, and
 * the Worker aborts that one once the close frame has had time to reach the client.
 */
import { routePartykitRequest } from 'partyserver';

/** Set by the room on the 101 of a connection `onConnect` refused; the Worker removes it. */
const REFUSED_HEADER = 'X-Room-Refused';

/**
 * How long the Worker lets the close frame, queued before the room's 101 left, travel from the
 * room to the client before it cuts the connection. A safety margin: locally the frame is through in
 * milliseconds, but a busy room or a distant Worker may hold it back.
 */
const REFUSED_SOCKET_GRACE_MS = 1_000;

/** The room's side: marks the 101 of a connection it refused. */
export function markRefused(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set(REFUSED_HEADER, '1');
  return new Response(null, { status: response.status, headers, webSocket: response.webSocket });
}

/** The Worker's side: routes to the room (partyserver); a refused WebSocket is cut after the grace. */
export async function routeToRoom(request: Request, env: Env, ctx: ExecutionContext): Promise<Response | null> {
  const refusal = new AbortController();
  const routed = await routePartykitRequest(request, env, {
    onBeforeConnect: (upgrade) => new Request(upgrade, { signal: refusal.signal }),
  });
  if (!routed?.webSocket || !routed.headers.has(REFUSED_HEADER)) return routed;
  ctx.waitUntil(new Promise((resolve) => setTimeout(resolve, REFUSED_SOCKET_GRACE_MS)).then(() => refusal.abort()));
  const headers = new Headers(routed.headers);
  headers.delete(REFUSED_HEADER);
  return new Response(null, { status: routed.status, headers, webSocket: routed.webSocket });
}

/**
 * The local relay between a room's inspection socket and `@statelyai/inspect`'s receivers. Upstream
 * it authenticates as the room's inspectors do (the credential in the first frame, never in the
 * URL) over partysocket, which reconnects; each reconnect's hello repeats the history, and
 * {@link StatelyStream} passes on only what is new. Downstream it serves, on a loopback WebSocket,
 * the events exactly as the package's WebSocket inspector sends them: one bare event per frame. A
 * receiver that connects is sent the history first, then the live stream.
 *
 * The local socket needs no credential (`createWebSocketReceiver` cannot send one), so it listens on
 * loopback only and refuses any connection that carries an `Origin` not allowed by name: a web page
 * in the developer's browser could otherwise read the room's secrets from it.
 */
import type { IncomingMessage } from 'node:http';
import ReconnectingWebSocket from 'partysocket/ws';
import { WebSocket, WebSocketServer } from 'ws';
import { closeReasonOf, InspectorFrame, type CloseReason, type InspectorAuthFrame } from '../protocol';
import { rootActorEvent, StatelyStream } from '../inspector/inspection/stately-stream';
import { catalog } from '../machines/catalog';

export interface RelayOptions {
  /** The deployment, e.g. http://localhost:8787 or https://pecking-order.example.workers.dev. */
  url: string;
  room: string;
  /** The room's admin token or the lobby secret. */
  token: string;
  /** The local port (0: any free one). */
  port: number;
  /** Loopback by default; the local socket has no credential of its own. */
  host?: string;
  /** Browser origins allowed to connect (a connection with any other `Origin` is refused). */
  allowOrigins?: readonly string[];
  log?: (line: string) => void;
}

export interface Relay {
  /** The local port it listens on. */
  port: number;
  /** Resolves at the room's first hello; rejects when the room refuses the credential. */
  ready: Promise<void>;
  /** Resolves with the room's refusal when it refuses the credential (the relay then closes). */
  refused: Promise<CloseReason>;
  close(): Promise<void>;
}

/** The room's inspection socket for a deployment URL. */
export function inspectionUrl(url: string, room: string): string {
  const base = new URL(url);
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  base.pathname = `/parties/game-server/${encodeURIComponent(room)}/inspect`;
  base.search = '';
  base.hash = '';
  return base.toString();
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const log = options.log ?? (() => {});
  const stream = new StatelyStream();
  const allowed = new Set(options.allowOrigins ?? []);
  const server = new WebSocketServer({
    host: options.host ?? '127.0.0.1',
    port: options.port,
    verifyClient: ({ req }: { req: IncomingMessage }) => req.headers.origin === undefined || allowed.has(req.headers.origin),
  });
  await new Promise<void>((resolve, reject) => (server.once('listening', resolve), server.once('error', reject)));
  const port = (server.address() as { port: number }).port;

  const send = (client: WebSocket, events: readonly unknown[]) => {
    for (const event of events) if (client.readyState === WebSocket.OPEN) client.send(JSON.stringify(event));
  };
  server.on('connection', (client) => send(client, stream.history()));

  let markReady!: () => void;
  let markRefused!: (reason: CloseReason) => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const refused = new Promise<CloseReason>((resolve) => (markRefused = resolve));
  const ok = new Promise<void>((resolve, reject) => {
    ready.then(resolve);
    refused.then((reason) => reject(new Error(`the room refused the inspection credential: ${reason}`)));
  });
  ok.catch(() => {}); // the caller may await ready or refused, not both

  const upstream = new ReconnectingWebSocket(inspectionUrl(options.url, options.room), [], {
    // A refusal is final (fail closed): a refused credential would only be refused again.
    shouldReconnectOnClose: (event) => closeReasonOf(event.code) === null,
    maxEnqueuedMessages: 0,
  });
  upstream.addEventListener('open', () => {
    const auth: InspectorAuthFrame = { type: 'auth', token: options.token };
    upstream.send(JSON.stringify(auth));
  });
  upstream.addEventListener('message', (message) => {
    let frame: InspectorFrame;
    try {
      frame = InspectorFrame.parse(JSON.parse(String(message.data)));
    } catch {
      return log('ignored a frame that is not an inspection frame');
    }
    if (frame.type === 'inspect.status') return;
    const records = frame.type === 'inspect.hello' ? frame.history : frame.records;
    // A history trimmed past the room's start has no root actor event, without which a receiver
    // draws nothing: one is made from the machine version this build knows.
    const made =
      frame.type === 'inspect.hello' && stream.history().length === 0 && records.length > 0
        ? rootActorEvent(records, catalog.get(frame.status.machine ?? '')?.machine)
        : null;
    const fresh = stream.add(records);
    if (made) stream.prepend(made), fresh.unshift(made);
    for (const client of server.clients) send(client, fresh);
    if (frame.type === 'inspect.hello') {
      log(`connected to room ${frame.roomId} (${frame.status.machine ?? 'no machine yet'}); ${stream.history().length} events so far`);
      markReady();
    }
  });
  upstream.addEventListener('close', (event) => {
    const reason = closeReasonOf(event.code);
    if (reason) {
      log(`the room refused the connection: ${reason}`);
      void close();
      markRefused(reason);
    } else log('lost the room; reconnecting');
  });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      upstream.close();
      for (const client of server.clients) client.terminate();
      server.close(() => resolve());
    }));
  return { port, ready: ok, refused, close };
}

/**
 * The inspection stream of one room: a WebSocket to `/parties/game-server/:roomId/inspect` whose
 * first frame is the credential (never the URL), then the room's hello, records and status.
 * partysocket reconnects after a drop, with backoff, and each reconnect sends the credential again;
 * refusals (the protocol's close codes) are final, and say what to do.
 * A small external store for `useSyncExternalStore`.
 */
import ReconnectingWebSocket from 'partysocket/ws';
import type { MachineDefinition } from '../../machines/definition';
import {
  InspectorFrame,
  closeReasonOf,
  type CloseReason,
  type InspectionRecord,
  type InspectorAuthFrame,
  type RoomStatusBody,
} from '../../protocol';

export type ConnectionPhase = 'connecting' | 'open' | 'reconnecting' | 'refused' | 'closed';

export interface RoomInspectionState {
  roomId: string;
  phase: ConnectionPhase;
  refusal: { code: number; reason: string; message: string } | null;
  definition: MachineDefinition | null;
  records: InspectionRecord[];
  status: RoomStatusBody | null;
}

/** What each refusal means for the person at the keyboard of the inspector (docs/protocol.md, close codes). */
export const REFUSALS: Record<CloseReason, string> = {
  TOKEN_MISSING: 'No token was sent: enter the admin token or the lobby secret.',
  TOKEN_INVALID: 'The token is malformed, signed for another purpose, or not an admin token.',
  TOKEN_EXPIRED: 'The token has expired: mint a new admin token.',
  TOKEN_WRONG_ROOM: 'The token was issued for another room.',
  NOT_A_PLAYER: 'The token does not name a member of this room.',
  ROOM_NOT_FOUND: 'This room was never initialised.',
  AUTH_NOT_CONFIGURED: 'The server has no LOBBY_SECRET configured and refuses every connection.',
  TOO_MANY_CONNECTIONS: 'Too many connections of the same player; the oldest was closed.',
};

/** One frame of the stream, or null (with a warning: the room and this build disagree) when it does not fit the protocol. */
function parseFrame(data: unknown): InspectorFrame | null {
  let json: unknown;
  try {
    json = JSON.parse(String(data));
  } catch {
    return null;
  }
  const frame = InspectorFrame.safeParse(json);
  if (!frame.success) console.warn('inspector: a frame that does not fit the protocol was dropped', frame.error.issues.slice(0, 3));
  return frame.success ? frame.data : null;
}

export function inspectUrl(roomId: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/parties/game-server/${encodeURIComponent(roomId)}/inspect`;
}

/** A close code the room refuses with: retrying would only be refused again. */
const isRefusal = (code: number) => closeReasonOf(code) !== null;

export class RoomInspection {
  private readonly socket: ReconnectingWebSocket;
  private listeners = new Set<() => void>();
  private stopped = false;
  private recordListeners = new Set<(records: InspectionRecord[]) => void>();
  state: RoomInspectionState;

  constructor(
    readonly roomId: string,
    private readonly token: string,
  ) {
    this.state = { roomId, phase: 'connecting', refusal: null, definition: null, records: [], status: null };
    this.socket = new ReconnectingWebSocket(inspectUrl(roomId), [], {
      shouldReconnectOnClose: (event) => !isRefusal(event.code),
      // The first retry soon (a deploy or an eviction is over in a moment), then up to 10 s apart.
      minReconnectionDelay: 500,
      reconnectionDelayGrowFactor: 2,
      maxReconnectionDelay: 10_000,
      // Nothing is sent before the socket opens; the credential goes in its open handler, once per connection.
      maxEnqueuedMessages: 0,
    });
    this.listen();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.state;

  /** Called with every batch of new records (the hello's history included). */
  onRecords(listener: (records: InspectionRecord[]) => void): () => void {
    this.recordListeners.add(listener);
    return () => this.recordListeners.delete(listener);
  }

  close(): void {
    this.stopped = true;
    this.socket.close(1000, 'inspector closed');
    this.update({ phase: 'closed' });
  }

  private update(patch: Partial<RoomInspectionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private listen(): void {
    const socket = this.socket;
    socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'auth', token: this.token } satisfies InspectorAuthFrame)));
    socket.addEventListener('message', (message) => {
      const frame = parseFrame(message.data);
      if (frame) this.receive(frame);
    });
    socket.addEventListener('close', (event) => {
      if (this.stopped) return;
      if (isRefusal(event.code)) {
        const reason = closeReasonOf(event.code);
        const message = reason ? REFUSALS[reason] : 'The room refused the connection.';
        this.update({ phase: 'refused', refusal: { code: event.code, reason: event.reason, message } });
        return;
      }
      this.update({ phase: 'reconnecting' });
    });
  }

  private receive(frame: InspectorFrame): void {
    switch (frame.type) {
      case 'inspect.hello':
        // machines/definition.ts owns the definition's shape; the protocol carries it as it is.
        this.update({
          phase: 'open',
          refusal: null,
          definition: frame.definition as MachineDefinition | null,
          records: frame.history,
          status: frame.status,
        });
        this.emitRecords(frame.history);
        return;
      case 'inspect.records': {
        const last = this.state.records.at(-1)?.n ?? 0;
        const fresh = frame.records.filter((r) => r.n > last);
        if (fresh.length === 0) return;
        this.update({ records: [...this.state.records, ...fresh] });
        this.emitRecords(fresh);
        return;
      }
      case 'inspect.status':
        this.update({ status: frame.status });
        return;
    }
  }

  private emitRecords(records: InspectionRecord[]): void {
    for (const listener of this.recordListeners) listener(records);
  }
}

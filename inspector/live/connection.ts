/**
 * The inspection stream of one room: a WebSocket to `/parties/game-server/:roomId/inspect` whose
 * first frame is the credential (never the URL), then the room's hello, records and status. Drops
 * reconnect with backoff; refusals (close codes 4001–4007) do not, and say what to do.
 * A small external store for `useSyncExternalStore`.
 */
import type { MachineDefinition } from '../../machines/definition';
import type { InspectionRecord, InspectorFrame, RoomStatus } from '../inspection/records';

export type ConnectionPhase = 'connecting' | 'open' | 'reconnecting' | 'refused' | 'closed';

export interface RoomInspectionState {
  roomId: string;
  phase: ConnectionPhase;
  refusal: { code: number; reason: string; message: string } | null;
  definition: MachineDefinition | null;
  records: InspectionRecord[];
  status: RoomStatus | null;
}

/** What each refusal means for the person at the keyboard (docs/protocol.md, close codes). */
export const REFUSALS: Record<number, string> = {
  4001: 'No token was sent: enter the admin token or the lobby secret.',
  4002: 'The token is malformed, signed for another purpose, or not an admin token.',
  4003: 'The token has expired: mint a new admin token.',
  4004: 'The token was issued for another room.',
  4005: 'The token does not name a member of this room.',
  4006: 'This room was never initialised.',
  4007: 'The server has no LOBBY_SECRET configured and refuses every connection.',
};

export function inspectUrl(roomId: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/parties/game-server/${encodeURIComponent(roomId)}/inspect`;
}

export class RoomInspection {
  private socket: WebSocket | null = null;
  private listeners = new Set<() => void>();
  private retry = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private recordListeners = new Set<(records: InspectionRecord[]) => void>();
  state: RoomInspectionState;

  constructor(readonly roomId: string, private readonly token: string) {
    this.state = { roomId, phase: 'connecting', refusal: null, definition: null, records: [], status: null };
    this.open();
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
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.close(1000, 'inspector closed');
    this.update({ phase: 'closed' });
  }

  private update(patch: Partial<RoomInspectionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private open(): void {
    const socket = new WebSocket(inspectUrl(this.roomId));
    this.socket = socket;
    socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'auth', token: this.token })));
    socket.addEventListener('message', (message) => {
      let frame: InspectorFrame;
      try {
        frame = JSON.parse(String(message.data));
      } catch {
        return;
      }
      this.receive(frame);
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket || this.stopped) return;
      if (event.code >= 4000 && event.code < 4100) {
        const message = REFUSALS[event.code] ?? 'The room refused the connection.';
        this.update({ phase: 'refused', refusal: { code: event.code, reason: event.reason, message } });
        return;
      }
      const delay = Math.min(10_000, 500 * 2 ** this.retry++);
      this.update({ phase: 'reconnecting' });
      this.retryTimer = setTimeout(() => this.open(), delay);
    });
  }

  private receive(frame: InspectorFrame): void {
    switch (frame.type) {
      case 'inspect.hello':
        this.retry = 0;
        this.update({ phase: 'open', refusal: null, definition: frame.definition, records: frame.history, status: frame.status });
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

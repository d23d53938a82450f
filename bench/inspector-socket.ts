/**
 * An admin's inspection stream of one room (`/parties/game-server/:room/inspect`, authenticated by
 * its first frame): the room's status after every persisted transition and, when asked for, the
 * inspection records (each with `at`, when the room handled it).
 */
import type { RoomStatus } from './room-api';
import { socketUrl } from './room-api';

export interface InspectionRecord {
  n: number;
  seq: number;
  at: number;
  event: { type: string; sessionId: string; event?: { type?: string } };
}

export interface InspectorOptions {
  /** Parse `inspect.records` frames (they carry snapshots: skip them when only the status matters). */
  records?: boolean;
  /** Keep the last `inspect.records` frame unparsed (see {@link lastRecords}). */
  keepLast?: boolean;
  onStatus?: (status: RoomStatus, receivedAt: number) => void;
  onRecords?: (records: InspectionRecord[], receivedAt: number) => void;
}

export class InspectorSocket {
  hello: { status: RoomStatus; history: InspectionRecord[] } | null = null;
  private lastRecordsFrame: string | null = null;
  private readonly ws: WebSocket;

  private constructor(
    url: string,
    secret: string,
    private readonly options: InspectorOptions,
  ) {
    this.ws = new WebSocket(url);
    this.ws.addEventListener('open', () => this.ws.send(JSON.stringify({ type: 'auth', token: secret })));
    this.ws.addEventListener('message', (event) => this.onFrame(String(event.data)));
  }

  /** Connects and waits for the hello (status and stored history). */
  static async open(
    baseUrl: string,
    roomId: string,
    secret: string,
    options: InspectorOptions = {},
    timeoutMs = 15_000,
  ): Promise<InspectorSocket> {
    const socket = new InspectorSocket(socketUrl(baseUrl, 'game-server', roomId, {}, '/inspect'), secret, options);
    const deadline = Date.now() + timeoutMs;
    while (!socket.hello) {
      if (Date.now() > deadline) {
        socket.close();
        throw new Error(`no inspect.hello from room ${roomId} within ${timeoutMs} ms`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    return socket;
  }

  /** The records of the last `inspect.records` frame (with `keepLast`), parsed now. */
  lastRecords(): (InspectionRecord & { event: { snapshot?: { context?: Record<string, unknown> } } })[] {
    return this.lastRecordsFrame ? JSON.parse(this.lastRecordsFrame).records : [];
  }

  close(): void {
    try {
      this.ws.close(1000, 'bench done');
    } catch {
      // already closing
    }
  }

  private onFrame(data: string): void {
    const receivedAt = Date.now();
    if (data.startsWith('{"type":"inspect.records"')) {
      if (this.options.keepLast) this.lastRecordsFrame = data;
      if (this.options.records) this.options.onRecords?.(JSON.parse(data).records, receivedAt);
      return;
    }
    const frame = JSON.parse(data) as { type: string; status?: RoomStatus; history?: InspectionRecord[] };
    if (frame.type === 'inspect.hello') this.hello = { status: frame.status!, history: frame.history ?? [] };
    else if (frame.type === 'inspect.status') this.options.onStatus?.(frame.status!, receivedAt);
  }
}

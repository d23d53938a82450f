/**
 * One player's WebSocket to a room (or to the baseline room), as a phone holds it: it records when
 * every `view`, `ack` and `error` frame arrived, keeps the latest view for the bot to decide on,
 * and sends game events with a `ref` to match their answers.
 *
 * Views are the bulk of the traffic (every player gets one after every transition), so their `seq`
 * is read from the frame's first bytes and the view itself is parsed only when a bot asks for it:
 * the measuring client must cost as little as it can on a 2-core machine it shares with the server.
 * A `patch` frame is applied to the view held, with the client's own code.
 */
import { patchedView } from '../client/play/view-patch';

export interface Arrival {
  seq: number;
  /** performance.now() when the frame arrived. */
  at: number;
}

export type Answer = { kind: 'ack'; seq: number; at: number } | { kind: 'error'; code: string; message: string; at: number };

const VIEW_PREFIX = '{"type":"view","seq":';
const PATCH_PREFIX = '{"type":"patch","seq":';
const OPEN_TIMEOUT_MS = 15_000;

let refCounter = 0;

export class PlayerSocket {
  /** Every view frame, in arrival order (seqs only grow on one connection). */
  readonly views: Arrival[] = [];
  readonly answers = new Map<string, Answer>();
  readonly errorCodes = new Map<string, number>();
  framesIn = 0;
  bytesIn = 0;
  messageFrames = 0;
  latestSeq = -1;
  closed: { code: number; reason: string } | null = null;
  /** When the socket was asked to open, and when its first view arrived (performance.now()). */
  readonly openedAt = performance.now();
  firstViewAt: number | null = null;
  welcome: { playerId?: string; role?: string } | null = null;

  private latestRaw: string | null = null;
  /** The view after the last patch applied, when the latest whole view is older. */
  private patched: unknown = null;
  /** The seq of the view held (whole or patched), and the patch frames not applied yet. */
  private heldSeq = -1;
  private pendingPatches: string[] = [];
  /** Waiting for pongs, oldest first: the room answers pings in order. */
  private pongWaiters: (() => void)[] = [];
  private parsed: { raw: string; view: unknown } | null = null;
  private readonly answerWaiters = new Map<string, (answer: Answer) => void>();
  private seqWaiters: { seq: number; resolve: (ok: boolean) => void }[] = [];
  private readonly ws: WebSocket;

  private constructor(
    readonly url: string,
    readonly label: string,
  ) {
    this.ws = new WebSocket(url);
    this.ws.addEventListener('message', (event) => this.onFrame(String(event.data)));
    this.ws.addEventListener('close', (event) => {
      this.closed = { code: event.code, reason: event.reason };
      for (const waiter of this.seqWaiters) waiter.resolve(false);
      this.seqWaiters = [];
      for (const [_ref, resolve] of this.answerWaiters)
        resolve({ kind: 'error', code: 'SOCKET_CLOSED', message: `closed ${event.code}`, at: performance.now() });
      this.answerWaiters.clear();
    });
  }

  /** Opens a socket and waits for its first view (a refused connection rejects with the close code). */
  static async open(url: string, label: string, timeoutMs = OPEN_TIMEOUT_MS): Promise<PlayerSocket> {
    const socket = new PlayerSocket(url, label);
    const ok = await socket.waitForSeq(0, timeoutMs);
    if (!ok) {
      socket.close();
      throw new Error(
        `${label}: no first view within ${timeoutMs} ms${socket.closed ? ` (closed ${socket.closed.code} ${socket.closed.reason})` : ''}`,
      );
    }
    return socket;
  }

  /** Sends a game event; returns its ref and when it was sent. */
  send(event: { type: string; [key: string]: unknown }): { ref: string; sentAt: number; frame: string } {
    const ref = `b${(++refCounter).toString(36)}`;
    const frame = JSON.stringify({ type: 'send', ref, event });
    return { ref, sentAt: this.sendRaw(frame), frame };
  }

  /** Sends a frame as is (a replayed trace); returns when it was sent. */
  sendRaw(frame: string): number {
    const sentAt = performance.now();
    this.ws.send(frame);
    return sentAt;
  }

  /** The ack or error for `ref`, or a timeout error. */
  answer(ref: string, timeoutMs = 10_000): Promise<Answer> {
    const known = this.answers.get(ref);
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.answerWaiters.delete(ref);
        resolve({ kind: 'error', code: 'TIMEOUT', message: `no answer within ${timeoutMs} ms`, at: performance.now() });
      }, timeoutMs);
      this.answerWaiters.set(ref, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
  }

  /**
   * Resolves once the room has handled everything this socket sent before, and this socket has
   * received everything the room sent it until then: the room answers a ping after all earlier
   * frames. A view that did not change never comes, so this, not a seq, is how to wait for "all of it".
   */
  sync(timeoutMs = 10_000): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pongWaiters = this.pongWaiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.pongWaiters.push(done);
      this.ws.send('{"type":"ping"}');
    });
  }

  /** Resolves true once a view with seq ≥ `seq` arrived, false on timeout or close. */
  waitForSeq(seq: number, timeoutMs = 10_000): Promise<boolean> {
    if (this.latestSeq >= seq) return Promise.resolve(true);
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter = {
        seq,
        resolve: (ok: boolean) => {
          clearTimeout(timer);
          resolve(ok);
        },
      };
      const timer = setTimeout(() => {
        this.seqWaiters = this.seqWaiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      this.seqWaiters.push(waiter);
    });
  }

  /** The latest view, parsed on demand, with the patches that came after it applied. */
  view<T = any>(): T | null {
    if (this.pendingPatches.length > 0) this.applyPatches();
    if (this.latestRaw === null) return (this.patched as T | null) ?? null;
    if (this.parsed?.raw !== this.latestRaw) this.parsed = { raw: this.latestRaw, view: JSON.parse(this.latestRaw).view };
    return this.parsed.view as T;
  }

  /** The first view arrival with seq ≥ `seq` (binary search), or undefined. */
  viewAtOrAfter(seq: number): Arrival | undefined {
    let lo = 0;
    let hi = this.views.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.views[mid]!.seq < seq) lo = mid + 1;
      else hi = mid;
    }
    return this.views[lo];
  }

  close(): void {
    try {
      this.ws.close(1000, 'bench done');
    } catch {
      // already closing
    }
  }

  private onFrame(data: string): void {
    const at = performance.now();
    this.framesIn++;
    this.bytesIn += data.length;
    if (data.startsWith(VIEW_PREFIX)) {
      const end = data.indexOf(',', VIEW_PREFIX.length);
      this.onView(Number(data.slice(VIEW_PREFIX.length, end)), at, data);
      return;
    }
    if (data.startsWith(PATCH_PREFIX)) {
      // Like views, applied only when a bot asks (see view()): the seq is read from the first bytes.
      const end = data.indexOf(',', PATCH_PREFIX.length);
      this.pendingPatches.push(data);
      this.onView(Number(data.slice(PATCH_PREFIX.length, end)), at, null);
      return;
    }
    if (data.startsWith('{"type":"messages"')) {
      this.messageFrames++;
      return;
    }
    let frame: { type?: string; ref?: string; seq?: number; code?: string; message?: string; view?: unknown };
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    switch (frame.type) {
      case 'pong':
        this.pongWaiters.shift()?.();
        return;
      case 'view':
        this.onView(frame.seq ?? 0, at, data);
        return;
      case 'welcome':
        this.welcome = frame as never;
        return;
      case 'ack':
        if (frame.ref) this.settle(frame.ref, { kind: 'ack', seq: frame.seq ?? 0, at });
        return;
      case 'error':
        this.errorCodes.set(frame.code ?? '?', (this.errorCodes.get(frame.code ?? '?') ?? 0) + 1);
        if (frame.ref) this.settle(frame.ref, { kind: 'error', code: frame.code ?? '?', message: frame.message ?? '', at });
        return;
    }
  }

  /** Applies the patches received since the view held, as the player app does; resyncs when one does not fit. */
  private applyPatches(): void {
    const patches = this.pendingPatches;
    this.pendingPatches = [];
    let view: unknown = this.latestRaw !== null ? JSON.parse(this.latestRaw).view : this.patched;
    let seq = this.heldSeq;
    for (const raw of patches) {
      const frame = JSON.parse(raw) as { seq: number; base: number; ops: unknown[] };
      const next = patchedView({ view, seq }, frame);
      if (next === null) {
        this.ws.send(JSON.stringify({ type: 'resync' }));
        break;
      }
      if (next !== 'stale') [view, seq] = [next, frame.seq];
    }
    this.latestRaw = null;
    this.patched = view;
    this.heldSeq = seq;
  }

  /** A view arrived whole (`raw`), or a patch did (null: applied when asked for). */
  private onView(seq: number, at: number, raw: string | null): void {
    this.views.push({ seq, at });
    this.latestSeq = Math.max(this.latestSeq, seq);
    if (raw !== null) {
      this.latestRaw = raw;
      this.heldSeq = seq;
      this.pendingPatches = [];
    }
    this.firstViewAt ??= at;
    if (this.seqWaiters.length > 0) {
      const ready = this.seqWaiters.filter((w) => w.seq <= seq);
      if (ready.length > 0) {
        this.seqWaiters = this.seqWaiters.filter((w) => w.seq > seq);
        for (const waiter of ready) waiter.resolve(true);
      }
    }
  }

  private settle(ref: string, answer: Answer): void {
    this.answers.set(ref, answer);
    const waiter = this.answerWaiters.get(ref);
    if (waiter) {
      this.answerWaiters.delete(ref);
      waiter(answer);
    }
  }
}

/** Test helpers: HTTP calls through the real Worker entry, and real WebSocket clients. */
import { env, runInDurableObject } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { expect } from 'vitest';
import type { GameServer } from './entry';

export const SECRET = 'test-lobby-secret';
export const ORIGIN = 'http://rooms.test';

export const labInit = (
  overrides: Partial<{ ringAfterMs: number; tickEveryMs: number; echoAfterMs: number }> = {},
  players = ['ana', 'ben', 'cy'],
) => ({
  machine: 'timer-lab@1',
  roster: players.map((playerId) => ({ playerId })),
  manifest: { ringAfterMs: 60_000, tickEveryMs: 3_600_000, echoAfterMs: 3_600_000, ...overrides },
});

export async function call(
  room: string,
  action: string,
  options: { method?: string; body?: unknown; auth?: string | null; rawBody?: string } = {},
): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const auth = options.auth === undefined ? SECRET : options.auth;
  if (auth !== null) headers.Authorization = `Bearer ${auth}`;
  const response = await (exports as any).default.fetch(`${ORIGIN}/parties/game-server/${room}/${action}`, {
    method: options.method ?? (options.body !== undefined || options.rawBody !== undefined ? 'POST' : 'GET'),
    headers,
    body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json };
}

export async function initRoom(room: string, payload: unknown = labInit()): Promise<void> {
  const { status, json } = await call(room, 'init', { body: payload });
  expect(status, JSON.stringify(json)).toBe(201);
}

export async function tokens(room: string): Promise<{ players: Record<string, string>; admin: string }> {
  const { status, json } = await call(room, 'tokens', { body: {} });
  expect(status, JSON.stringify(json)).toBe(200);
  return json;
}

export function stub(room: string): DurableObjectStub<GameServer> {
  return env.GameServer.get(env.GameServer.idFromName(room)) as unknown as DurableObjectStub<GameServer>;
}

/** Runs `fn` inside the room's Durable Object (for reading its SQLite or moving its test clock). */
export function inRoom<R>(room: string, fn: (server: GameServer, state: DurableObjectState) => R | Promise<R>): Promise<R> {
  return runInDurableObject(stub(room), fn);
}

export async function storedEnvelope(room: string): Promise<{ machine: string; snapshot: any; seq: number } | undefined> {
  return inRoom(room, (_server, state) => {
    const row = state.storage.sql
      .exec<{ machine: string; snapshot: string; seq: number }>('SELECT machine, snapshot, seq FROM envelope')
      .toArray()[0];
    return row && { machine: row.machine, snapshot: JSON.parse(row.snapshot), seq: row.seq };
  });
}

export async function timerTasks(room: string): Promise<{ id: string; description: string; time: number }[]> {
  return inRoom(room, (_server, state) =>
    state.storage.sql
      .exec<{ id: string; description: string; time: number }>(
        "SELECT id, description, time FROM tasks WHERE kind = 'machine-timer' ORDER BY time, seq",
      )
      .toArray(),
  );
}

/** A real WebSocket client, connected through the Worker entry, that queues what it receives. */
export class TestSocket {
  /** Frames not yet consumed by {@link next}. */
  readonly frames: any[] = [];
  /** Every frame ever received, in order. */
  readonly received: any[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.addEventListener('message', (event) => {
      const frame = JSON.parse(String(event.data));
      this.frames.push(frame);
      this.received.push(frame);
      this.wake();
    });
    ws.addEventListener('close', (event) => {
      this.closed = { code: event.code, reason: event.reason };
      this.wake();
    });
  }

  static async open(room: string, query: string): Promise<TestSocket> {
    const response = await (exports as any).default.fetch(`${ORIGIN}/parties/game-server/${room}?${query}`, {
      headers: { Upgrade: 'websocket' },
    });
    const ws = response.webSocket as WebSocket | null;
    if (!ws) throw new Error(`no WebSocket: ${response.status} ${await response.text()}`);
    ws.accept();
    return new TestSocket(ws);
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Waits for the first queued frame matching `predicate` (and removes it and everything before it). */
  async next(predicate: (frame: any) => boolean = () => true, timeoutMs = 5_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex(predicate);
      if (index >= 0) return this.frames.splice(0, index + 1)[index];
      if (this.closed) throw new Error(`socket closed (${this.closed.code} ${this.closed.reason}) while waiting`);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  async waitClosed(timeoutMs = 5_000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('socket did not close');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
    return this.closed;
  }

  close(): void {
    try {
      this.ws.close(1000, 'done');
    } catch {
      // already closed
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const tokenCache = new Map<string, Promise<{ players: Record<string, string>; admin: string }>>();
let refs = 0;

/** Sends one player event over a real socket and returns the `ack` or `error` frame that answers it. */
export async function play(room: string, playerId: string, event: { type: string; [k: string]: unknown }): Promise<any> {
  if (!tokenCache.has(room)) tokenCache.set(room, tokens(room));
  const token = (await tokenCache.get(room)!).players[playerId];
  const socket = await TestSocket.open(room, `token=${token}`);
  try {
    await socket.next((f) => f.type === 'welcome');
    // A fresh ref per action: the room answers a repeated ref with the first outcome (exactly once).
    const ref = `play-${++refs}`;
    socket.send({ type: 'send', ref, event });
    return await socket.next((f) => (f.type === 'ack' || f.type === 'error') && f.ref === ref);
  } finally {
    socket.close();
  }
}

/** Moves the room's test clock forward. */
export const advance = (room: string, ms: number) => inRoom(room, (server) => server.advanceClock(ms));

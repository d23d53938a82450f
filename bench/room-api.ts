/**
 * The HTTP side of a deployment, as a lobby or host uses it (docs/protocol.md): create a game with
 * `POST /api/games`, read a room's `/status`, send admin events. Privileged calls carry the lobby
 * secret. Every request has a time limit.
 */

export interface Target {
  /** e.g. `http://127.0.0.1:8787` or `https://pecking-order.example.workers.dev` */
  baseUrl: string;
  secret: string;
}

export interface CreatedGame {
  roomId: string;
  /** Player id → token, from the invite links. */
  tokens: Map<string, string>;
  adminToken: string;
}

export interface TimerStatus {
  actorPath: string;
  timerId: string;
  event: string;
  dueAt: number;
}

export interface RoomStatus {
  roomId: string;
  status: 'running' | 'finished' | 'uninitialised' | 'restore_failed';
  value: unknown;
  seq: number;
  envelopeBytes: number;
  timers: TimerStatus[];
  writes: { transitions: number; bytes: number; lastTransitionBytes: number };
  connections: number;
  lastError: unknown;
}

const REQUEST_TIMEOUT_MS = 15_000;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${body.slice(0, 400)}`);
  }
}

/**
 * A pooled keep-alive connection to a server that has since restarted on the same port fails at
 * once, before the request reached anyone (`UND_ERR_SOCKET`, "other side closed"): that one is
 * sent again, on a new connection. Other failures are not retried.
 */
export async function send(url: URL, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code !== 'UND_ERR_SOCKET' && cause?.code !== 'ECONNRESET') throw error;
    return fetch(url, init);
  }
}

async function call<T>(target: Target, method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(new URL(path, target.baseUrl), {
    method,
    headers: { Authorization: `Bearer ${target.secret}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new ApiError(response.status, text, `${method} ${path}`);
  return JSON.parse(text) as T;
}

/** The token in an invite link's fragment (`/play#room=…&token=…`). */
function tokenOf(link: string): string {
  const token = new URLSearchParams(link.split('#')[1] ?? '').get('token');
  if (!token) throw new Error(`No token in the link ${link}`);
  return token;
}

export interface GameSpec {
  players: number;
  manifest: Record<string, unknown>;
  machine?: string;
}

/** `POST /api/games` with a cast of `players` bots. */
export async function createGame(target: Target, spec: GameSpec): Promise<CreatedGame> {
  const cast = Array.from({ length: spec.players }, (_, i) => ({ name: `Bot ${i + 1}`, bio: `Benchmark bot number ${i + 1}.` }));
  const answer = await call<{ roomId: string; players: { playerId: string; invite: string }[]; host: string }>(
    target,
    'POST',
    '/api/games',
    { ...(spec.machine ? { machine: spec.machine } : {}), cast, manifest: spec.manifest },
  );
  return {
    roomId: answer.roomId,
    tokens: new Map(answer.players.map((p) => [p.playerId, tokenOf(p.invite)])),
    adminToken: tokenOf(answer.host),
  };
}

export function roomStatus(target: Target, roomId: string): Promise<RoomStatus> {
  return call(target, 'GET', `/parties/game-server/${roomId}/status`);
}

export function adminEvent(target: Target, roomId: string, event: { type: string; [key: string]: unknown }) {
  return call<{ accepted: true; seq: number; value: unknown }>(target, 'POST', `/parties/game-server/${roomId}/admin`, event);
}

/** The WebSocket URL of a room (`party`: `game-server` or `baseline-room`). */
export function socketUrl(baseUrl: string, party: string, roomId: string, query: Record<string, string> = {}, suffix = ''): string {
  const url = new URL(`/parties/${party}/${roomId}${suffix}`, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

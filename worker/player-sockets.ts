/**
 * Player (and admin) WebSocket connections: authentication on connect, client frames, and the
 * per-connection fan-out of views and messages after every persisted transition.
 */
import type { Connection } from 'partyserver';
import { ADMIN_SENDER } from '../machines/machine-version';
import {
  CLOSE_CODES,
  ClientFrame,
  FRAME_ERRORS,
  MAX_FRAME_BYTES,
  PROTOCOL_VERSION,
  RATE_BURST,
  RATE_PER_SECOND,
  type ChatMessage,
  type CloseReason,
  type ServerFrame,
} from '../protocol';
import { configuredSecret, verifyToken } from './auth';
import { CATCH_UP_PAGE, MessageLog } from './message-log';
import { TokenBucket } from './rate-limit';
import type { RoomEngine, TransitionOutcome } from './room-engine';
import { RoomError } from './room-error';

/** What a connection carries across hibernation (its WebSocket attachment). */
export interface ConnectionState {
  playerId: string;
  /** `inspector-pending`: an inspector connection that has not sent its auth frame yet. */
  role: 'player' | 'admin' | 'inspector' | 'inspector-pending';
}

export type RoomConnection = Connection<ConnectionState>;

export function sendFrame(connection: Connection, frame: ServerFrame): void {
  try {
    connection.send(JSON.stringify(frame));
  } catch {
    // The socket closed under us; its close handler cleans up.
  }
}

export function refuse(connection: Connection, reason: CloseReason): void {
  connection.close(CLOSE_CODES[reason].code, reason);
}

/** The lobby secret, or null after closing the connection: with no secret, no socket opens. */
export function secretOrRefuse(connection: Connection, env: Env): string | null {
  try {
    return configuredSecret(env);
  } catch {
    refuse(connection, 'AUTH_NOT_CONFIGURED');
    return null;
  }
}

/** Authenticates a new connection from its `token` query parameter; closes it with a documented code if refused. */
export async function admitConnection(
  connection: RoomConnection,
  request: Request,
  env: Env,
  engine: RoomEngine,
  roomId: string,
  now: number,
): Promise<ConnectionState | null> {
  const secret = secretOrRefuse(connection, env);
  if (!secret) return null;
  const token = new URL(request.url).searchParams.get('token');
  if (!token) return refuse(connection, 'TOKEN_MISSING'), null;
  const claims = await verifyToken(secret, token, roomId, now);
  if (typeof claims === 'string') return refuse(connection, claims), null;
  if (!engine.room) return refuse(connection, 'ROOM_NOT_FOUND'), null;
  if (claims.role === 'player') {
    const players = engine.version?.playerIds(engine.init) ?? rosterIds(engine.room.init.roster);
    if (!players.includes(claims.subject)) return refuse(connection, 'NOT_A_PLAYER'), null;
  }
  const state: ConnectionState = { playerId: claims.role === 'admin' ? ADMIN_SENDER : claims.subject, role: claims.role };
  connection.setState(state);
  return state;
}

/** Player ids straight from a stored roster, for when the room's version cannot be loaded. */
function rosterIds(roster: unknown): string[] {
  return Array.isArray(roster) ? roster.map((p) => (p as { playerId?: unknown })?.playerId).filter((id): id is string => typeof id === 'string') : [];
}

/** Greets an admitted connection: who it is, its view, and the messages after its cursor. */
export function greet(connection: RoomConnection, engine: RoomEngine, roomId: string, cursor: number): void {
  const state = connection.state!;
  sendFrame(connection, {
    type: 'welcome',
    protocol: PROTOCOL_VERSION,
    roomId,
    playerId: state.playerId,
    role: state.role === 'player' ? 'player' : 'admin',
    machine: engine.machineRef ?? '',
  });
  sendView(connection, engine);
  sendMessagesAfter(connection, engine, cursor);
}

function reader(state: ConnectionState): string | null {
  return state.role === 'player' ? state.playerId : null;
}

export function sendView(connection: RoomConnection, engine: RoomEngine, cache?: Map<string, unknown>): void {
  const state = connection.state;
  if (!state || state.role !== 'player' || !engine.version) return;
  let view = cache?.get(state.playerId);
  if (view === undefined) {
    view = engine.project(state.playerId);
    cache?.set(state.playerId, view);
  }
  sendFrame(connection, { type: 'view', seq: engine.seq, view });
}

export function sendMessagesAfter(connection: RoomConnection, engine: RoomEngine, after: number): void {
  const state = connection.state!;
  const page = engine.messages.after(reader(state), after);
  const cursor = page.length > 0 ? page[page.length - 1]!.seq : after;
  sendFrame(connection, { type: 'messages', messages: page, cursor, more: page.length >= CATCH_UP_PAGE });
}

/**
 * After a persisted transition: every connection gets its own view and the new messages it may
 * read. When only messages were written (state and timers untouched), no view can have changed:
 * players get a small `unchanged` frame for that seq instead of a re-projected view.
 */
export function fanOut(connections: Iterable<RoomConnection>, engine: RoomEngine, outcome: TransitionOutcome): void {
  if (!outcome.persisted && outcome.messages.length === 0) return;
  const views = new Map<string, unknown>();
  const unchanged = outcome.stateChanged === false;
  for (const connection of connections) {
    const state = connection.state;
    if (!state || state.role === 'inspector' || state.role === 'inspector-pending') continue;
    if (outcome.persisted && unchanged && state.role === 'player') sendFrame(connection, { type: 'view', seq: engine.seq, unchanged: true });
    else if (outcome.persisted) sendView(connection, engine, views);
    const visible = outcome.messages.filter((m: ChatMessage) => MessageLog.visibleTo(m, reader(state)));
    if (visible.length > 0) {
      sendFrame(connection, { type: 'messages', messages: visible, cursor: visible[visible.length - 1]!.seq, more: false });
    }
  }
}

const buckets = new WeakMap<object, TokenBucket>();

/**
 * Handles one client frame. Returns the outcome of a game event (to fan out), or null when the
 * frame changed nothing. Errors go to the sender only.
 */
export function handleFrame(
  connection: RoomConnection,
  raw: string | ArrayBuffer | ArrayBufferView,
  engine: RoomEngine,
  now: number,
): TransitionOutcome | null {
  const state = connection.state;
  if (!state) return null;
  // In memory only: after hibernation a connection starts with a full bucket, which is harmless.
  let bucket = buckets.get(connection);
  if (!bucket) buckets.set(connection, (bucket = new TokenBucket(RATE_BURST, RATE_PER_SECOND, now)));
  if (!bucket.take(now)) {
    sendFrame(connection, { type: 'error', code: 'RATE_LIMITED', message: FRAME_ERRORS.RATE_LIMITED });
    return null;
  }
  const text = typeof raw === 'string' ? raw : null;
  if (text === null) {
    sendFrame(connection, { type: 'error', code: 'BAD_FRAME', message: 'frames are JSON text, not binary' });
    return null;
  }
  if (new TextEncoder().encode(text).byteLength > MAX_FRAME_BYTES) {
    sendFrame(connection, { type: 'error', code: 'FRAME_TOO_LARGE', message: FRAME_ERRORS.FRAME_TOO_LARGE });
    return null;
  }
  let frame: ClientFrame;
  try {
    const parsed = ClientFrame.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message);
    frame = parsed.data;
  } catch {
    sendFrame(connection, { type: 'error', code: 'BAD_FRAME', message: FRAME_ERRORS.BAD_FRAME });
    return null;
  }
  switch (frame.type) {
    case 'ping':
      sendFrame(connection, { type: 'pong' });
      return null;
    case 'sync':
      sendMessagesAfter(connection, engine, frame.after);
      return null;
    case 'send':
      return sendGameEvent(connection, state, frame, engine);
  }
}

function sendGameEvent(
  connection: RoomConnection,
  state: ConnectionState,
  frame: Extract<ClientFrame, { type: 'send' }>,
  engine: RoomEngine,
): TransitionOutcome | null {
  const fail = (code: string, message: string) => {
    sendFrame(connection, { type: 'error', ...(frame.ref ? { ref: frame.ref } : {}), code, message });
    return null;
  };
  if (state.role !== 'player') return fail('READ_ONLY', FRAME_ERRORS.READ_ONLY);
  const version = engine.version;
  if (!version) return fail('RESTORE_FAILED', engine.problem?.message ?? 'the room is not running');
  const { type, ...payload } = frame.event;
  const schema = version.playerEvents[type];
  if (!schema) return fail('INVALID_EVENT', `"${type}" is not a player event of ${engine.machineRef}`);
  // The server sets the sender; a `senderId` in the payload is not the client's to choose.
  delete (payload as Record<string, unknown>).senderId;
  const checked = schema.safeParse(payload);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return fail('INVALID_EVENT', `${type}: ${issue?.path.join('.') || 'payload'} ${issue?.message ?? 'is malformed'}`);
  }
  let outcome: TransitionOutcome;
  try {
    outcome = engine.send({ ...(checked.data as object), type, senderId: state.playerId });
  } catch (error) {
    if (error instanceof RoomError) return fail(error.code, error.message);
    throw error;
  }
  const refusal = outcome.refusals.find((r) => r.to === state.playerId);
  if (refusal) fail(refusal.code, refusal.message);
  else sendFrame(connection, { type: 'ack', ...(frame.ref ? { ref: frame.ref } : {}), seq: engine.seq });
  return outcome;
}

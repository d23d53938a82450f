/**
 * Player (and admin) WebSocket connections: authentication on connect, client frames, and the
 * per-connection fan-out of views and messages after every persisted step.
 */
import type { Connection } from 'partyserver';
import { ADMIN_SENDER } from '../machines/machine-version';
import {
  CLOSE_CODES,
  ClientFrame,
  FRAME_ERRORS,
  MAX_FRAME_BYTES,
  MAX_SOCKETS_PER_PLAYER,
  PROTOCOL_VERSION,
  RATE_BURST,
  RATE_PER_SECOND,
  type ChatMessage,
  type CloseReason,
  type MessageReactions,
  type PatchOperation,
  type ServerFrame,
} from '../protocol';
import type { ViewChange } from '../engine/host';
import { configuredSecret, verifyToken } from './auth';
import { outcomeFor, roomErrorOf, type HostedRoom, type RoomOutcome } from './hosted-room';
import { CATCH_UP_PAGE, MessageLog } from './message-log';
import { TokenBucket } from './rate-limit';
import { RoomError } from './room-error';

/** What a connection carries across hibernation (its WebSocket attachment). */
export interface ConnectionState {
  playerId: string;
  /** `inspector-pending`: an inspector connection that has not sent its auth frame yet. */
  role: 'player' | 'admin' | 'inspector' | 'inspector-pending';
  /** When it was admitted: the oldest of a player's connections is the one closed past the cap. */
  since?: number;
}

export type RoomConnection = Connection<ConnectionState>;

export function sendFrame(connection: Connection, frame: ServerFrame): void {
  sendText(connection, JSON.stringify(frame));
}

function sendText(connection: Connection, text: string): void {
  try {
    connection.send(text);
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

/**
 * Authenticates a new connection from its `token` query parameter; closes it with a documented
 * code if refused. A player beyond {@link MAX_SOCKETS_PER_PLAYER} connections closes their oldest.
 */
export async function admitConnection(
  connection: RoomConnection,
  request: Request,
  env: Env,
  room: HostedRoom,
  roomId: string,
  now: number,
  others: () => Iterable<RoomConnection>,
): Promise<ConnectionState | null> {
  const secret = secretOrRefuse(connection, env);
  if (!secret) return null;
  const token = new URL(request.url).searchParams.get('token');
  if (!token) return (refuse(connection, 'TOKEN_MISSING'), null);
  const claims = await verifyToken(secret, token, roomId, now);
  if (typeof claims === 'string') return (refuse(connection, claims), null);
  if (!room.room) return (refuse(connection, 'ROOM_NOT_FOUND'), null);
  // The version reads the roster. When it cannot run (a failed restore), the token, signed for this
  // room and player, is the word: the player may connect and hear why the game is paused.
  if (claims.role === 'player' && room.host && !room.players().some((p) => p.playerId === claims.subject)) {
    return (refuse(connection, 'NOT_A_PLAYER'), null);
  }
  const state: ConnectionState = { playerId: claims.role === 'admin' ? ADMIN_SENDER : claims.subject, role: claims.role, since: now };
  connection.setState(state);
  if (state.role === 'player') {
    const mine = [...others()].filter((c) => c !== connection && c.state?.role === 'player' && c.state.playerId === state.playerId);
    mine.sort((a, b) => (a.state?.since ?? 0) - (b.state?.since ?? 0));
    for (const old of mine.slice(0, Math.max(0, mine.length + 1 - MAX_SOCKETS_PER_PLAYER))) refuse(old, 'TOO_MANY_CONNECTIONS');
  }
  return state;
}

/** Greets an admitted connection: who it is, its view, and the messages after its cursor. */
export function greet(connection: RoomConnection, room: HostedRoom, roomId: string, cursor: number): void {
  const state = connection.state!;
  sendFrame(connection, {
    type: 'welcome',
    protocol: PROTOCOL_VERSION,
    roomId,
    playerId: state.playerId,
    role: state.role === 'player' ? 'player' : 'admin',
    machine: room.machineRef ?? '',
    ...(state.role === 'player' && room.pushKey ? { pushKey: room.pushKey } : {}),
  });
  if (state.role === 'player' && room.host) sendFrame(connection, { type: 'view', seq: room.seq, view: room.view(state.playerId) });
  sendMessagesAfter(connection, room, cursor);
}

function reader(state: ConnectionState): string | null {
  return state.role === 'player' ? state.playerId : null;
}

export function sendMessagesAfter(connection: RoomConnection, room: HostedRoom, after: number): void {
  const state = connection.state!;
  const page = room.messages.after(reader(state), after);
  const cursor = page.length > 0 ? page[page.length - 1]!.seq : after;
  // Reactions change after their message was delivered: what a client holds up to its cursor may be stale.
  if (after > 0) {
    const reacted = room.messages.reactionsUpTo(reader(state), after);
    if (reacted.length > 0) sendFrame(connection, { type: 'reactions', messages: reacted });
  }
  sendFrame(connection, { type: 'messages', messages: page, cursor, more: page.length >= CATCH_UP_PAGE });
}

/**
 * How a changed view travels: as a patch against the view the player held, when the host knows
 * it and the patch is smaller; otherwise whole. A client that cannot apply a patch asks to resync.
 */
export function viewFrame(seq: number, change: ViewChange): string {
  // The host's serialisation of the view is spliced in: serialising 20 views again per step was a twentieth of the room's CPU.
  const whole = () =>
    change.json !== undefined
      ? `{"type":"view","seq":${seq},"view":${change.json}}`
      : JSON.stringify({ type: 'view', seq, view: change.view } satisfies ServerFrame);
  if (!change.patch) return whole();
  const patch = JSON.stringify({
    type: 'patch',
    seq,
    base: change.patch.since,
    ops: change.patch.ops as PatchOperation[],
  } satisfies ServerFrame);
  // A patch under half the player's last whole view is smaller than this one too (a view grows by
  // far less than that in a step): no need to serialise the whole view only to compare lengths.
  // Should a view ever shrink by half in one step, the patch is still right, only not the smaller.
  if (change.wholeBytes !== undefined && patch.length * 2 < change.wholeBytes) return patch;
  const full = whole();
  return patch.length < full.length ? patch : full;
}

/**
 * After a persisted step: each player whose own view changed gets it, and every connection the new
 * messages it may read. A player whose view did not change hears nothing: even an identical frame
 * would tell them that someone did something secret (a ballot, a pick).
 */
export function fanOut(connections: Iterable<RoomConnection>, room: HostedRoom, outcome: RoomOutcome): void {
  const views = outcome.result?.views;
  const reactions = outcome.reactions ?? [];
  if ((!views || views.size === 0) && outcome.messages.length === 0 && reactions.length === 0) return;
  const seq = room.seq;
  // One frame per player, serialised once, for all of that player's connections.
  const frames = new Map<string, string>();
  // The messages and reactions frames, serialised once per distinct sight of them (see messagesFrame):
  // a group post is one string for the whole room, not one per connection.
  const messages = outcome.messages.map((message) => ({ message, quoted: room.messages.quotedWhisper(message) }));
  const messageFrames = new Map<string, string | null>();
  const reactionFrames = new Map<string, string | null>();
  for (const connection of connections) {
    const state = connection.state;
    if (!state || state.role === 'inspector' || state.role === 'inspector-pending') continue;
    const change = state.role === 'player' ? views?.get(state.playerId) : undefined;
    if (change) {
      let frame = frames.get(state.playerId);
      if (frame === undefined) frames.set(state.playerId, (frame = viewFrame(seq, change)));
      sendText(connection, frame);
    }
    const who = reader(state);
    if (messages.length > 0) {
      const frame = messagesFrame(messages, who, messageFrames);
      if (frame !== null) sendText(connection, frame);
    }
    if (reactions.length > 0) {
      const frame = reactionsFrame(reactions, who, reactionFrames);
      if (frame !== null) sendText(connection, frame);
    }
  }
}

/**
 * The `messages` frame `reader` gets for a step's new messages (null: none it may see), from
 * `cache` when a reader before it saw the same: which messages are visible and what of each is
 * sealed ({@link MessageLog.sealedFor}) is all that differs between readers.
 */
function messagesFrame(
  messages: readonly { message: ChatMessage; quoted: ReturnType<MessageLog['quotedWhisper']> }[],
  reader: string | null,
  cache: Map<string, string | null>,
): string | null {
  let key = '';
  for (const { message, quoted } of messages) {
    if (!MessageLog.visibleTo(message, reader)) key += '-';
    else {
      const sealed = MessageLog.sealedFor(message, reader, quoted);
      key += sealed.text ? (sealed.quote ? 'b' : 't') : sealed.quote ? 'q' : 'w';
    }
  }
  let frame = cache.get(key);
  if (frame !== undefined) return frame;
  const visible = messages
    .filter(({ message }) => MessageLog.visibleTo(message, reader))
    .map(({ message, quoted }) => MessageLog.asSeenBy(message, reader, quoted));
  frame =
    visible.length === 0
      ? null
      : JSON.stringify({
          type: 'messages',
          messages: visible,
          cursor: visible[visible.length - 1]!.seq,
          more: false,
        } satisfies ServerFrame);
  cache.set(key, frame);
  return frame;
}

/** The `reactions` frame `reader` gets (null: none it may see), once per set of visible messages: a DM's reactions go only to its members, as the DM does. */
function reactionsFrame(
  reactions: readonly (MessageReactions & { members: string[] | null })[],
  reader: string | null,
  cache: Map<string, string | null>,
): string | null {
  const key = reactions.map((r) => (MessageLog.visibleTo(r, reader) ? 'v' : '-')).join('');
  let frame = cache.get(key);
  if (frame !== undefined) return frame;
  const reacted = reactions
    .filter((r) => MessageLog.visibleTo(r, reader))
    .map(({ seq, reactions: counts }) => ({ seq, reactions: counts }));
  frame = reacted.length === 0 ? null : JSON.stringify({ type: 'reactions', messages: reacted } satisfies ServerFrame);
  cache.set(key, frame);
  return frame;
}

/** Players with at least one open socket, sorted (admins and inspectors are not in the cast). */
export function onlinePlayers(connections: Iterable<RoomConnection>, closing?: RoomConnection): string[] {
  const online = new Set<string>();
  for (const connection of connections) {
    if (connection !== closing && connection.state?.role === 'player') online.add(connection.state.playerId);
  }
  return [...online].sort();
}

/** Sends who is online to every player and admin connection. */
export function broadcastPresence(connections: Iterable<RoomConnection>, online: string[]): void {
  const frame = JSON.stringify({ type: 'presence', online } satisfies ServerFrame);
  for (const connection of connections) {
    const role = connection.state?.role;
    if (role === 'player' || role === 'admin') sendText(connection, frame);
  }
}

/** Rate limits by player, across all their connections. In memory: a woken room starts with full buckets. */
export class PlayerRateLimits {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly burst = RATE_BURST,
    private readonly perSecond = RATE_PER_SECOND,
  ) {}

  take(playerId: string, now: number): boolean {
    let bucket = this.buckets.get(playerId);
    if (!bucket) this.buckets.set(playerId, (bucket = new TokenBucket(this.burst, this.perSecond, now)));
    return bucket.take(now);
  }
}

const PING_FRAME = JSON.stringify({ type: 'ping' });

/** The `ref` of a frame that may not have parsed, so even a `BAD_FRAME` answer can name it. */
function refOf(parsed: unknown): string | undefined {
  const ref = (parsed as { ref?: unknown } | null)?.ref;
  return typeof ref === 'string' && ref.length > 0 && ref.length <= 64 ? ref : undefined;
}

/**
 * Whether `text` is over `limit` bytes as UTF-8. A UTF-16 code unit is one to three bytes, so the
 * length alone tells for nearly every frame; only one between a third of the limit and the limit
 * is encoded (encoding every frame to count its bytes allocated a copy of each).
 */
export function overUtf8Limit(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return new TextEncoder().encode(text).byteLength > limit;
}

/**
 * Handles one client frame. Returns the outcome of a game event (to fan out), or null when the
 * frame changed nothing. Errors go to the sender only, with the frame's `ref` when it had one.
 */
export function handleFrame(
  connection: RoomConnection,
  raw: string | ArrayBuffer | ArrayBufferView,
  room: HostedRoom,
  now: number,
  limits: PlayerRateLimits,
): RoomOutcome | null {
  const state = connection.state;
  if (!state) return null;
  // A ping is answered without touching the game: a pong costs no more than refusing it would.
  if (raw === PING_FRAME) return (sendFrame(connection, { type: 'pong' }), null);
  if (!limits.take(state.playerId, now)) {
    sendFrame(connection, { type: 'error', code: 'RATE_LIMITED', message: FRAME_ERRORS.RATE_LIMITED });
    return null;
  }
  const text = typeof raw === 'string' ? raw : null;
  if (text === null) {
    sendFrame(connection, { type: 'error', code: 'BAD_FRAME', message: 'frames are JSON text, not binary' });
    return null;
  }
  if (overUtf8Limit(text, MAX_FRAME_BYTES)) {
    sendFrame(connection, { type: 'error', code: 'FRAME_TOO_LARGE', message: FRAME_ERRORS.FRAME_TOO_LARGE });
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    sendFrame(connection, { type: 'error', code: 'BAD_FRAME', message: FRAME_ERRORS.BAD_FRAME });
    return null;
  }
  const parsed = ClientFrame.safeParse(json);
  if (!parsed.success) {
    const ref = refOf(json);
    sendFrame(connection, { type: 'error', ...(ref ? { ref } : {}), code: 'BAD_FRAME', message: FRAME_ERRORS.BAD_FRAME });
    return null;
  }
  const frame = parsed.data;
  switch (frame.type) {
    case 'ping':
      sendFrame(connection, { type: 'pong' });
      return null;
    case 'sync':
      sendMessagesAfter(connection, room, frame.after);
      return null;
    case 'resync':
      if (state.role === 'player' && room.host) sendFrame(connection, { type: 'view', seq: room.seq, view: room.view(state.playerId) });
      return null;
    case 'send':
      return sendGameEvent(connection, state, frame, room);
    case 'push.subscribe':
    case 'push.unsubscribe':
      return (pushFrame(connection, state, frame, room, now), null);
  }
}

/** A player's own push subscription: stored for them alone; answered like a game event. */
function pushFrame(
  connection: RoomConnection,
  state: ConnectionState,
  frame: Extract<ClientFrame, { type: 'push.subscribe' | 'push.unsubscribe' }>,
  room: HostedRoom,
  now: number,
): void {
  const ref = frame.ref ? { ref: frame.ref } : {};
  if (state.role !== 'player') {
    sendFrame(connection, { type: 'error', ...ref, code: 'READ_ONLY', message: FRAME_ERRORS.READ_ONLY });
    return;
  }
  if (frame.type === 'push.unsubscribe') room.push.unsubscribe(state.playerId, frame.endpoint);
  else if (!room.pushKey) {
    room.pushRefused();
    sendFrame(connection, { type: 'error', ...ref, code: 'PUSH_NOT_CONFIGURED', message: FRAME_ERRORS.PUSH_NOT_CONFIGURED });
    return;
  } else room.push.subscribe(state.playerId, frame.subscription, now);
  sendFrame(connection, { type: 'ack', ...ref, seq: room.seq });
}

function sendGameEvent(
  connection: RoomConnection,
  state: ConnectionState,
  frame: Extract<ClientFrame, { type: 'send' }>,
  room: HostedRoom,
): RoomOutcome | null {
  const ref = frame.ref;
  const answer = (outcome: { type: 'ack'; seq: number } | { type: 'error'; code: string; message: string }) =>
    sendFrame(connection, { ...outcome, ...(ref ? { ref } : {}) });
  const fail = (code: string, message: string) => (answer({ type: 'error', code, message }), null);
  if (state.role !== 'player') return fail('READ_ONLY', FRAME_ERRORS.READ_ONLY);
  if (!room.host) return fail('RESTORE_FAILED', room.problem?.message ?? 'the room is not running');
  // A frame sent again after its answer was lost: answer as the first time, apply nothing.
  const remembered = ref ? room.rememberedOutcome(state.playerId, ref) : undefined;
  if (remembered) return (answer(remembered), null);
  let outcome: RoomOutcome;
  try {
    outcome = room.input(
      { type: 'player', playerId: state.playerId, event: frame.event },
      ref ? { ref: { playerId: state.playerId, ref } } : {},
    );
  } catch (error) {
    if (error instanceof RoomError) return fail(error.code, error.message);
    throw error;
  }
  const result = outcome.result!;
  if (result.input.status === 'rejected') fail(roomErrorOf(result.input.error).code, result.input.error.message);
  else answer(outcomeFor(result, state.playerId));
  return outcome;
}

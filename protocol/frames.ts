/**
 * The frames of a player's (or admin's) WebSocket, both ways, and the limits the room holds a
 * connection to. The room checks client frames with {@link ClientFrame}; clients check what they
 * receive with {@link ServerFrame}.
 */
import { z } from 'zod';
import { ChatMessage, MessageReactions } from './messages';
import { PushSubscriptionBody } from './push';

export const PROTOCOL_VERSION = 1;

/** A client frame larger than this is refused without being parsed. */
export const MAX_FRAME_BYTES = 8 * 1024;

/** Per player, across all their connections: a burst of this many frames, refilled at {@link RATE_PER_SECOND}. */
export const RATE_BURST = 20;
export const RATE_PER_SECOND = 10;

/** Connections one player may hold at once (phone, laptop, a stale tab…); a new one closes the oldest. */
export const MAX_SOCKETS_PER_PLAYER = 5;

/** A game event as a client sends it: its type and payload. The room sets `senderId` itself. */
export const GameAction = z.object({ type: z.string().min(1).max(64) }).catchall(z.unknown());
export type GameAction = z.infer<typeof GameAction>;

/** One RFC 6902 JSON Patch operation. */
export const PatchOperation = z.object({
  op: z.enum(['add', 'remove', 'replace', 'move', 'copy', 'test']),
  path: z.string(),
  value: z.unknown().optional(),
  from: z.string().optional(),
});
export type PatchOperation = z.infer<typeof PatchOperation>;

/** Frames a client may send. */
export const ClientFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('send'),
    /** Echoed in the `ack` or `error` that answers this frame. */
    ref: z.string().max(64).optional(),
    event: GameAction,
  }),
  z.object({
    type: z.literal('sync'),
    /** The last message seq the client has; the room sends what came after. */
    after: z.number().int().min(0),
  }),
  z.object({ type: z.literal('ping') }),
  /** Send me my whole view: the client holds none, or a `patch` did not fit the view it holds. */
  z.object({ type: z.literal('resync') }),
  /** Send this player's pushes to this browser too (answered with `ack`, or `error` PUSH_NOT_CONFIGURED). */
  z.object({ type: z.literal('push.subscribe'), ref: z.string().max(64).optional(), subscription: PushSubscriptionBody }),
  /** Stop pushing to this endpoint (the player turned notifications off). */
  z.object({ type: z.literal('push.unsubscribe'), ref: z.string().max(64).optional(), endpoint: z.string().max(2048) }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

/** Frames the room sends. */
export const ServerFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    protocol: z.number().int(),
    roomId: z.string(),
    playerId: z.string(),
    role: z.enum(['player', 'admin']),
    /** The `name@version` the room runs. */
    machine: z.string(),
    /** The room's VAPID public key (base64url) when it sends Web Push; absent: it sends none. */
    pushKey: z.string().optional(),
  }),
  /**
   * This player's own projection as of `seq` (its shape is the machine version's). Sent only when
   * it changed: a player whose view did not change hears nothing.
   */
  z.object({ type: z.literal('view'), seq: z.number().int(), view: z.unknown() }),
  /**
   * The change of this player's own view at `seq`, as RFC 6902 operations against the view that
   * was current since `base`. Apply it when the view held is from `base` or later (and before
   * `seq`); otherwise send `resync` for the whole view.
   */
  z.object({ type: z.literal('patch'), seq: z.number().int(), base: z.number().int(), ops: z.array(PatchOperation) }),
  z.object({
    type: z.literal('messages'),
    messages: z.array(ChatMessage),
    /** The last seq in this batch: the cursor to sync or reconnect from. */
    cursor: z.number().int(),
    /** More messages follow: send a `sync` from `cursor`. */
    more: z.boolean(),
  }),
  /**
   * Reactions of messages this player may read: after a reaction is toggled (that message only),
   * and on connect or `sync` for every reacted message up to the cursor (messages after it carry
   * their own). Each entry replaces what the client held for that message.
   */
  z.object({ type: z.literal('reactions'), messages: z.array(MessageReactions) }),
  z.object({ type: z.literal('ack'), ref: z.string().optional(), seq: z.number().int() }),
  z.object({ type: z.literal('error'), ref: z.string().optional(), code: z.string(), message: z.string() }),
  z.object({ type: z.literal('pong') }),
  /**
   * Who is connected now (public: every player may know it), to every connection on connect and
   * whenever a player's first socket opens or last one closes. Outside the view on purpose: views
   * are persisted-state projections, and presence changes would otherwise patch every player's.
   */
  z.object({ type: z.literal('presence'), online: z.array(z.string()) }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

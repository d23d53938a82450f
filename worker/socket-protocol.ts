/**
 * The WebSocket protocol between the room and a player (or admin) connection: frames, limits and
 * close codes. docs/protocol.md lists these tables; a test keeps them equal.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;

/** A client frame larger than this is refused without being parsed. */
export const MAX_FRAME_BYTES = 8 * 1024;

/** Per player, across all their connections: a burst of this many frames, refilled at {@link RATE_PER_SECOND}. */
export const RATE_BURST = 20;
export const RATE_PER_SECOND = 10;

/** Connections one player may hold at once (phone, laptop, a stale tab…); a new one closes the oldest. */
export const MAX_SOCKETS_PER_PLAYER = 5;

/** Close codes the room uses when it refuses a connection. */
export const CLOSE_CODES = {
  TOKEN_MISSING: { code: 4001, meaning: 'No `token` query parameter: open the invite link again.' },
  TOKEN_INVALID: { code: 4002, meaning: 'The token is malformed or its signature is wrong.' },
  TOKEN_EXPIRED: { code: 4003, meaning: 'The token has expired: ask the host for a new invite link.' },
  TOKEN_WRONG_ROOM: { code: 4004, meaning: 'The token was issued for another room.' },
  NOT_A_PLAYER: { code: 4005, meaning: 'The token names a player who is not in this room’s roster.' },
  ROOM_NOT_FOUND: { code: 4006, meaning: 'The room was never initialised.' },
  AUTH_NOT_CONFIGURED: { code: 4007, meaning: 'The server has no LOBBY_SECRET configured and refuses every connection.' },
  TOO_MANY_CONNECTIONS: { code: 4008, meaning: 'The same player opened more connections than allowed; this, the oldest, was closed. Use the newest tab or device.' },
} as const satisfies Record<string, { code: number; meaning: string }>;

export type CloseReason = keyof typeof CLOSE_CODES;

/** Error codes in `error` frames that come from the socket layer itself (the room and machine add theirs). */
export const FRAME_ERRORS = {
  BAD_FRAME: 'The frame is not JSON of a known client frame type.',
  FRAME_TOO_LARGE: `The frame is over ${MAX_FRAME_BYTES} bytes.`,
  RATE_LIMITED: `More than ${RATE_BURST} frames in a burst or ${RATE_PER_SECOND} per second from this player (all connections together); the frame was dropped.`,
  INVALID_EVENT: 'The event type is not one players may send in this machine version, or its payload is malformed.',
  READ_ONLY: 'This connection may read but not send game events (admin connections send admin events over HTTP).',
} as const;

/** Frames a client may send. */
export const ClientFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('send'),
    /** Echoed in the `ack` or `error` that answers this frame. */
    ref: z.string().max(64).optional(),
    event: z.object({ type: z.string().min(1).max(64) }).catchall(z.unknown()),
  }),
  z.object({
    type: z.literal('sync'),
    /** The last message seq the client has; the room sends what came after. */
    after: z.number().int().min(0),
  }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

/** Frames the room sends. */
export type ServerFrame =
  | { type: 'welcome'; protocol: number; roomId: string; playerId: string; role: 'player' | 'admin'; machine: string }
  /** The player's own view after transition `seq`; sent only when that view changed. */
  | { type: 'view'; seq: number; view: unknown }
  | { type: 'messages'; messages: unknown[]; cursor: number; more: boolean }
  | { type: 'ack'; ref?: string; seq: number }
  | { type: 'error'; ref?: string; code: string; message: string }
  | { type: 'pong' };

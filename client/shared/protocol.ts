/**
 * The room's WebSocket protocol as the client speaks it (docs/protocol.md). The client may not
 * import worker/, so the frame types and the close codes' meanings are restated here; a test
 * (client/protocol-words.e2e.ts) keeps them equal to worker/socket-protocol.ts.
 */

/** A chat or DM message as the room stores and delivers it. `members` null: the group chat. */
export interface ChatMessage {
  seq: number;
  channel: string;
  members: string[] | null;
  from: string;
  text: string;
  at: number;
}

export type ServerFrame =
  | { type: 'welcome'; protocol: number; roomId: string; playerId: string; role: 'player' | 'admin'; machine: string }
  | { type: 'view'; seq: number; view: unknown }
  | { type: 'view'; seq: number; unchanged: true }
  | { type: 'messages'; messages: ChatMessage[]; cursor: number; more: boolean }
  | { type: 'ack'; ref?: string; seq: number }
  | { type: 'error'; ref?: string; code: string; message: string }
  | { type: 'pong' };

/** A game event as a client sends it; the room sets `senderId` itself. */
export interface GameAction {
  type: string;
  [field: string]: unknown;
}

export type ClientFrame = { type: 'send'; ref: string; event: GameAction } | { type: 'sync'; after: number } | { type: 'ping' };

/** The close codes a room refuses a connection with, and what they mean for the person holding the link. */
export const CLOSE_CODES: Readonly<Record<number, { reason: string; meaning: string }>> = {
  4001: { reason: 'TOKEN_MISSING', meaning: 'No `token` query parameter: open the invite link again.' },
  4002: { reason: 'TOKEN_INVALID', meaning: 'The token is malformed or its signature is wrong.' },
  4003: { reason: 'TOKEN_EXPIRED', meaning: 'The token has expired: ask the host for a new invite link.' },
  4004: { reason: 'TOKEN_WRONG_ROOM', meaning: 'The token was issued for another room.' },
  4005: { reason: 'NOT_A_PLAYER', meaning: 'The token names a player who is not in this room’s roster.' },
  4006: { reason: 'ROOM_NOT_FOUND', meaning: 'The room was never initialised.' },
  4007: { reason: 'AUTH_NOT_CONFIGURED', meaning: 'The server has no LOBBY_SECRET configured and refuses every connection.' },
};

/** Whether a close code means "refused": reconnecting with the same link cannot help. */
export function isRefusal(code: number): boolean {
  return code in CLOSE_CODES;
}

/** One frame from the room, or null when it is not one the protocol defines. */
export function parseServerFrame(data: unknown): ServerFrame | null {
  if (typeof data !== 'string') return null;
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof frame !== 'object' || frame === null) return null;
  const type = (frame as { type?: unknown }).type;
  switch (type) {
    case 'welcome':
    case 'view':
    case 'ack':
    case 'error':
    case 'pong':
      return frame as ServerFrame;
    case 'messages':
      return Array.isArray((frame as { messages?: unknown }).messages) ? (frame as ServerFrame) : null;
    default:
      return null;
  }
}

/** The WebSocket close codes a room refuses a connection with; the close reason is the code's name. */

export const CLOSE_CODES = {
  TOKEN_MISSING: { code: 4001, meaning: 'No `token` query parameter: open the invite link again.' },
  TOKEN_INVALID: {
    code: 4002,
    meaning: 'The token is malformed or its signature is wrong (a cut-short, mistyped or stale link): ask the host for a new invite link.',
  },
  TOKEN_EXPIRED: { code: 4003, meaning: 'The token has expired: ask the host for a new invite link.' },
  TOKEN_WRONG_ROOM: { code: 4004, meaning: 'The token was issued for another room.' },
  NOT_A_PLAYER: { code: 4005, meaning: 'The token names a player who is not in this room’s roster.' },
  ROOM_NOT_FOUND: { code: 4006, meaning: 'The room was never initialised.' },
  AUTH_NOT_CONFIGURED: { code: 4007, meaning: 'The server has no LOBBY_SECRET configured and refuses every connection.' },
  TOO_MANY_CONNECTIONS: {
    code: 4008,
    meaning: 'The same player opened more connections than allowed; this, the oldest, was closed. Use the newest tab or device.',
  },
} as const satisfies Record<string, { code: number; meaning: string }>;

export type CloseReason = keyof typeof CLOSE_CODES;

/** The refusal a close code stands for, or null for one the room does not refuse with (a drop, a normal close). */
export function closeReasonOf(code: number): CloseReason | null {
  for (const [reason, entry] of Object.entries(CLOSE_CODES)) if (entry.code === code) return reason as CloseReason;
  return null;
}

/**
 * What an error code means, in a sentence a player or host can act on. The machine's refusal codes
 * come with the machine's own sentences; the room's and the socket layer's codes are worded here.
 * A code nobody knows falls back to the server's message.
 */
import { REFUSALS } from '../../machines/pecking-order/v2/refusals';
import { closeReasonOf, type CloseReason } from '../../protocol';

const ROOM_AND_SOCKET: Readonly<Record<string, string>> = {
  RATE_LIMITED: 'You are sending too fast; wait a second and try again.',
  BAD_FRAME: 'The room did not understand what the app sent; reload the page.',
  FRAME_TOO_LARGE: 'That is too long to send in one message.',
  INVALID_EVENT: 'The room does not accept that action as sent; reload the page and try again.',
  READ_ONLY: 'This connection can watch the game but not play in it.',
  RESTORE_FAILED: 'The game could not be restored; the host has to repair it. Nothing was lost.',
  PERSIST_FAILED: 'The move could not be saved, so it did not happen; try again.',
  MACHINE_ERROR: 'The game failed on this move; nothing changed. Tell the host.',
  TIMER_OUT_OF_RANGE: 'The game could not schedule what this move starts; nothing changed. Tell the host.',
  INTERNAL_ERROR: 'Something went wrong in the room; nothing changed. Try again.',
  GAME_OVER: 'The game is over; it accepts no more moves.',
  PUSH_NOT_CONFIGURED: "This game's server sends no notifications; the app works the same without them.",
  CONNECTION_LOST: 'The link stopped working before the room confirmed this; check whether it happened.',
  TIMER_FAILED: 'The game is paused by a problem on the server; the host has been told. Try again later.',
  UNAUTHORIZED: 'The link or secret was not accepted.',
  FORBIDDEN: 'This link does not allow that.',
  ROOM_NOT_FOUND: 'There is no such game.',
  INVALID_ROOM_ID: 'That link names no game the server can have; open the invite link again.',
  BAD_REQUEST: 'The request was not understood.',
  AUTH_NOT_CONFIGURED: 'The server has no lobby secret configured, so it refuses all privileged access.',
};

export interface ExplainedError {
  /** What happened, as a sentence. */
  sentence: string;
  /** The server's own, more specific message when it says more than the sentence. */
  detail: string | null;
}

/** Explains an error `code`, keeping the server's `message` as detail when it adds something. */
export function explainError(code: string, message: string | null | undefined): ExplainedError {
  const known = (REFUSALS as Readonly<Record<string, string>>)[code] ?? ROOM_AND_SOCKET[code] ?? null;
  const serverMessage = message?.trim() || null;
  if (!known) return { sentence: serverMessage ?? `Refused (${code}).`, detail: null };
  return { sentence: known, detail: serverMessage && serverMessage !== known ? serverMessage : null };
}

/**
 * What a player whose link the room refused should do, per close code: every refusal of a link
 * ends in the one step a player can take (ask the host for a new link), never in the token's
 * internals. The protocol's meanings (docs/protocol.md) are for developers.
 */
const REFUSED_LINK: Readonly<Record<CloseReason, string>> = {
  TOKEN_MISSING: 'This link is incomplete. Open your invite link again, or ask the host for a new link.',
  TOKEN_INVALID: 'This link does not work: it may be cut short, mistyped, or from an earlier game. Ask the host for a new link.',
  TOKEN_EXPIRED: 'This link has expired. Ask the host for a new link.',
  TOKEN_WRONG_ROOM: 'This link belongs to another game. Ask the host for a new link to this one.',
  NOT_A_PLAYER: 'This link names nobody in this game. Ask the host for a new link.',
  ROOM_NOT_FOUND: 'There is no game at this link. Ask the host whether the game was created, and for a new link.',
  AUTH_NOT_CONFIGURED: 'The server is not set up to let players in yet. Tell the host.',
  TOO_MANY_CONNECTIONS: 'You opened the game in another tab or device, so this one was closed. Use the newest one.',
};

/** What to do about a refused connection, from its close code; a code the room never sends asks for the invite link again. */
export function explainRefusedLink(code: number | null): string {
  const reason = code === null ? null : closeReasonOf(code);
  return reason ? REFUSED_LINK[reason] : 'Open your invite link again, or ask the host for a new link.';
}

/**
 * What an error code means, in a sentence a player or host can act on. The machine's refusal codes
 * come with the machine's own sentences; the room's and the socket layer's codes are worded here.
 * A code nobody knows falls back to the server's message.
 */
import { REFUSALS } from '../../machines/pecking-order/v1/refusals';

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

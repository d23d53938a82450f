/**
 * Why the machine refused an event. A refused event emits exactly one `room.refuse` to its sender
 * and changes nothing else. Codes are stable: clients switch on them, people read the message.
 */
import type { RoomEffect } from '../../machine-version';

export const REFUSALS = {
  CHAT_CLOSED: 'The group chat is closed for the night; it reopens in the morning.',
  DMS_CLOSED: 'DMs are closed now; they open in the social phase and close at night.',
  TRANSFERS_CLOSED: 'Silver can only be given during a day, from morning to night.',
  ACTIVITY_CLOSED: 'No activity is open now.',
  VOTING_CLOSED: 'The vote is not open now.',
  NOT_ALIVE: 'Only players still in the game can do that.',
  NOT_ELIGIBLE: 'You cannot cast that ballot in this vote.',
  INVALID_BALLOT: 'That ballot does not fit today’s vote.',
  INVALID_TARGET: 'You cannot choose that player.',
  INVALID_AMOUNT: 'The amount must be a whole number above zero.',
  INSUFFICIENT_SILVER: 'You do not have enough silver.',
  CHAR_LIMIT: 'That message is too long.',
  CONVERSATION_LIMIT: 'You have opened all the new conversations you may open today.',
  EMPTY_MESSAGE: 'A message needs some visible text, not only spaces or invisible characters.',
  CAST_TOO_SMALL: 'That would leave too few players for the days still to play.',
  NOT_ALLOWED_NOW: 'That is not possible at this step of the game.',
  GAME_OVER: 'The game is over; it accepts no more moves.',
  MESSAGE_NOT_FOUND: 'That message is not in a chat you can read; pick another one.',
} as const;

export type RefusalCode = keyof typeof REFUSALS;

/** The codes with their meaning, for the protocol docs. GAME_OVER is answered by the room once the machine is done. */
export const REFUSAL_CODES: readonly { code: RefusalCode; meaning: string }[] = Object.entries(REFUSALS).map(([code, meaning]) => ({
  code: code as RefusalCode,
  meaning,
}));

/** A refusal decided by a pure check; `message` says what to do. */
export interface Refusal {
  code: RefusalCode;
  message: string;
}

export function refusal(code: RefusalCode, message: string = REFUSALS[code]): Refusal {
  return { code, message };
}

/** The `room.refuse` effect for a refusal. */
export function refuseEffect(to: string, { code, message }: Refusal): Extract<RoomEffect, { type: 'room.refuse' }> {
  return { type: 'room.refuse', to, code, message };
}

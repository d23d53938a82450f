/**
 * Whispers' rule, pure. While the group chat is open, an alive player whispers to another alive
 * player: the group chat shows everyone that A whispered to B, and only A and B read the text (the
 * room seals it for everyone else; worker/message-log.ts). A few a day, so the chat stays a chat.
 */
import { ECONOMY, isBlank, messageLength } from '../../../v1/economy';
import type { Refusal } from '../../../v1/refusals';
import { refusal } from '../../refusals';

export const WHISPERS_NAMES = ['WHISPERS'] as const;
export type WhispersName = (typeof WHISPERS_NAMES)[number];

/** Whispers each player may send a day. */
export const WHISPER_LIMIT = 5;

/** Why `from` may not whisper `text` to `to`, having sent `sent` today; null when they may. */
export function checkWhisper(args: {
  alive: readonly string[];
  players: readonly string[];
  from: string;
  to: string;
  text: string;
  sent: number;
}): Refusal | null {
  if (!args.alive.includes(args.from)) return refusal('NOT_ALIVE', 'Eliminated players read the group chat but do not whisper.');
  if (!args.players.includes(args.to)) return refusal('INVALID_TARGET', `There is no player "${args.to}" to whisper to.`);
  if (args.to === args.from) return refusal('INVALID_TARGET', 'You cannot whisper to yourself.');
  if (!args.alive.includes(args.to)) return refusal('INVALID_TARGET', 'You can only whisper to a player still in the game.');
  if (isBlank(args.text)) return refusal('EMPTY_MESSAGE');
  const length = messageLength(args.text);
  if (length > ECONOMY.chatMaxChars) {
    return refusal('CHAR_LIMIT', `A whisper is at most ${ECONOMY.chatMaxChars} characters; this one has ${length}.`);
  }
  if (args.sent >= WHISPER_LIMIT) return refusal('WHISPER_LIMIT', `You have sent your ${WHISPER_LIMIT} whispers for today.`);
  return null;
}

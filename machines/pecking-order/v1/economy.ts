/** The numbers of the economy: what talking costs, what the day's limits are, what gold grows by. */
import { MUTUAL_BONUS, PICK_REWARD } from '../rules';

export const ECONOMY = {
  /** Silver every player starts with, unless the manifest says otherwise. */
  startingSilver: 50,
  /** Silver one DM message costs its sender. */
  dmCost: 1,
  /** New conversations (a DM to someone never messaged before) a player may open per day. */
  newConversationsPerDay: 3,
  /** DM characters a player may send per day, all conversations together. */
  dmCharsPerDay: 1_200,
  /** Characters in one group chat message. */
  chatMaxChars: 280,
  /** Gold the pool grows by each night. */
  goldPerNight: 10,
  /** PLAYER_PICK: silver for every player who picked. */
  pickReward: PICK_REWARD,
  /** PLAYER_PICK: extra silver for each of two players who picked each other. */
  mutualPickBonus: MUTUAL_BONUS,
} as const;

/** A message's length as the limits count it: Unicode code points, so an emoji is one character. */
export function messageLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/**
 * What shows nothing on its own: white space (including U+FEFF and the Unicode spaces), format
 * characters (Unicode category Cf: zero-width space, non-joiner and joiner U+200B–U+200D, word joiner
 * U+2060, bidi marks, soft hyphen, …), the other default-ignorable code points (variation selectors,
 * Hangul fillers, combining grapheme joiner, …) and the braille blank U+2800, often used as one.
 */
const INVISIBLE_ONLY = /^[\s\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]*$/u;

/** Whether a message has nothing to show: empty, or only white space and invisible characters. */
export function isBlank(text: string): boolean {
  return INVISIBLE_ONLY.test(text);
}

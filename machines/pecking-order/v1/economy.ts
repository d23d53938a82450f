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

/** Whether a message has something to say (not only white space). */
export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

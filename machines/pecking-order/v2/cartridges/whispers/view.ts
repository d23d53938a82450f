/**
 * What a player sees of whispers: whether they are open and how many this player may still send.
 * The whispers themselves reach players as group chat messages (sealed for those they are not between).
 */
import type { WhispersContext } from './machine';
import { WHISPER_LIMIT } from './rule';

export interface WhispersView {
  open: boolean;
  /** Whispers this player may still send today. */
  left: number;
}

export function whispersView(context: WhispersContext, playerId: string, open: boolean): WhispersView {
  return { open, left: Math.max(0, WHISPER_LIMIT - (context.sent[playerId] ?? 0)) };
}

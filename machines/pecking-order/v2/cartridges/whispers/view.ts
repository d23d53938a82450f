/**
 * What a player sees of whispers: whether they are open and how many this player may still send.
 * The whispers themselves reach players as group chat messages (sealed for those they are not between).
 */
import type { WhispersContext, WhispersResults } from './machine';
import { WHISPER_LIMIT, type WhispersName } from './rule';

export interface WhispersView {
  slot: 'whispers';
  name: WhispersName;
  open: boolean;
  /** Whispers this player may still send today (0 once closed). */
  left: number;
  /** Whether this player may whisper now (open, alive, whispers left). */
  canWhisper: boolean;
  /** Once closed: the day's count. */
  results: WhispersResults | null;
}

export function whispersView(input: {
  name: WhispersName;
  child: WhispersContext | null;
  results: WhispersResults | null;
  playerId: string;
  alive: boolean;
}): WhispersView {
  const { child } = input;
  const left = child ? Math.max(0, WHISPER_LIMIT - (child.sent[input.playerId] ?? 0)) : 0;
  return {
    slot: 'whispers',
    name: input.name,
    open: child !== null,
    left,
    canWhisper: child !== null && input.alive && left > 0,
    results: input.results,
  };
}

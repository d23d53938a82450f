/**
 * What a player sees of the confession booth: whether it is open, how many they may still post,
 * and their own handle once they have one. Never another player's handle: which handle is whose is
 * the booth's one secret. The confessions themselves reach players as messages of the
 * `confessions` channel, under their handles.
 */
import type { ConfessionsContext, ConfessionsResults } from './machine';
import { CONFESSION_LIMIT, type ConfessionsName } from './rule';

export interface ConfessionsView {
  slot: 'confessions';
  name: ConfessionsName;
  open: boolean;
  /** Whether this player may post now (open, alive, posts left). */
  canPost: boolean;
  /** Confessions this player may still post today. */
  left: number;
  /** This player's handle today; null until their first confession (and once the booth closed). */
  myHandle: string | null;
  /** Confessions posted today, by anyone (everyone can count the channel anyway). */
  count: number;
  /** Once closed: the day's count. */
  results: ConfessionsResults | null;
}

export function confessionsView(input: {
  name: ConfessionsName;
  child: ConfessionsContext | null;
  results: ConfessionsResults | null;
  playerId: string;
  alive: boolean;
}): ConfessionsView {
  const { child, playerId } = input;
  const left = child ? Math.max(0, CONFESSION_LIMIT - (child.posted[playerId] ?? 0)) : 0;
  return {
    slot: 'confessions',
    name: input.name,
    open: child !== null,
    canPost: child !== null && input.alive && left > 0,
    left,
    myHandle: child?.handles[playerId] ?? null,
    count: child?.count ?? input.results?.confessions ?? 0,
    results: input.results,
  };
}

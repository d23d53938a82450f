/**
 * What a player sees of the confession booth: whether it is open, how many they may still post,
 * and their own handle once they have one. Never another player's handle: which handle is whose is
 * the booth's one secret. The confessions themselves reach players as messages of the
 * `confessions` channel, under their handles.
 */
import { CONFESSION_LIMIT } from './rule';
import type { ConfessionsContext } from './machine';

export interface ConfessionsView {
  open: boolean;
  /** Confessions this player may still post today. */
  left: number;
  /** This player's handle today; null until their first confession. */
  myHandle: string | null;
  /** Confessions posted today, by anyone (everyone can count the channel anyway). */
  count: number;
}

export function confessionsView(context: ConfessionsContext, playerId: string, open: boolean): ConfessionsView {
  return {
    open,
    left: Math.max(0, CONFESSION_LIMIT - (context.posted[playerId] ?? 0)),
    myHandle: context.handles[playerId] ?? null,
    count: context.count,
  };
}

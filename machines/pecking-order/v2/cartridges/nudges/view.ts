/**
 * What a player sees of nudges: whom they nudged today (so the app can stop offering it) and who
 * nudged them, in order (the app tells them of each new one). Nothing of other pairs.
 */
import type { NudgesContext } from './machine';
import type { NudgesName } from './rule';

export interface NudgesView {
  slot: 'nudges';
  name: NudgesName;
  open: boolean;
  /** Whether this player may nudge now (open and alive). */
  canNudge: boolean;
  /** Players this player nudged today. */
  sent: string[];
  /** Players who nudged this player today, oldest first. */
  received: string[];
  /** Once closed: nudges make nothing public, so `{}`. */
  results: Record<string, never> | null;
}

export function nudgesView(input: {
  name: NudgesName;
  child: NudgesContext | null;
  results: Record<string, never> | null;
  playerId: string;
  alive: boolean;
}): NudgesView {
  const { child, playerId } = input;
  return {
    slot: 'nudges',
    name: input.name,
    open: child !== null,
    canNudge: child !== null && input.alive,
    sent: child?.nudges.filter((n) => n.from === playerId).map((n) => n.to) ?? [],
    received: child?.nudges.filter((n) => n.to === playerId).map((n) => n.from) ?? [],
    results: input.results,
  };
}

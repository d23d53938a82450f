/**
 * What a player sees of nudges: whom they nudged today (so the app can stop offering it) and who
 * nudged them, in order (the app tells them of each new one). Nothing of other pairs.
 */
import type { NudgesContext } from './machine';

export interface NudgesView {
  open: boolean;
  /** Players this player nudged today. */
  sent: string[];
  /** Players who nudged this player today, oldest first. */
  received: string[];
}

export function nudgesView(context: NudgesContext, playerId: string, open: boolean): NudgesView {
  return {
    open,
    sent: context.nudges.filter((n) => n.from === playerId).map((n) => n.to),
    received: context.nudges.filter((n) => n.to === playerId).map((n) => n.from),
  };
}

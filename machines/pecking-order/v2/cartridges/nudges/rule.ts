/**
 * Nudges' rule, pure. An alive player nudges another alive player, at most once per pair a day
 * (A nudging B does not stop B nudging A). A nudge is private to the pair: the target is told who
 * nudged them (in the app, and by a push), the sender sees whom they nudged, and nobody else
 * learns anything, not even that a nudge happened.
 */
import type { Refusal } from '../../../v1/refusals';
import { refusal } from '../../refusals';

export const NUDGES_NAMES = ['NUDGES'] as const;
export type NudgesName = (typeof NUDGES_NAMES)[number];

/** Why `from` may not nudge `to`, having nudged `nudged` today; null when they may. */
export function checkNudge(args: {
  alive: readonly string[];
  players: readonly string[];
  from: string;
  to: string;
  nudged: readonly string[];
}): Refusal | null {
  if (!args.alive.includes(args.from)) return refusal('NOT_ALIVE', 'Eliminated players do not nudge.');
  if (!args.players.includes(args.to)) return refusal('INVALID_TARGET', `There is no player "${args.to}" to nudge.`);
  if (args.to === args.from) return refusal('INVALID_TARGET', 'You cannot nudge yourself.');
  if (!args.alive.includes(args.to)) return refusal('INVALID_TARGET', 'You can only nudge a player still in the game.');
  if (args.nudged.includes(args.to)) return refusal('ALREADY_NUDGED', 'You have already nudged that player today; try again tomorrow.');
  return null;
}

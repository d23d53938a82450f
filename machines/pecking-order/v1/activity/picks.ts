/**
 * Picks as the PLAYER_PICK child sees them: whether a pick may be made, and how the latest pick
 * replaces the earlier one. Pure, over the rule in `rules/player-pick.ts`.
 */
import { canPick } from '../../rules';
import { refusal, type Refusal } from '../refusals';

/** What the activity knows of the cast at a given moment; the day sends it with every event. */
export interface PickContext {
  /** Every player of the game, eliminated or not, in roster order. */
  players: readonly string[];
  /** The players still in the game, in roster order. */
  alive: readonly string[];
}

/** Why `pickerId` may not pick `target` while the activity is open; null when they may. Checks in this order. */
export function checkPick(pickContext: PickContext, pickerId: string, target: string): Refusal | null {
  if (!pickContext.alive.includes(pickerId)) return refusal('NOT_ALIVE', 'Only players still in the game pick.');
  if (!pickContext.players.includes(target)) return refusal('INVALID_TARGET', `There is no player "${target}".`);
  if (!canPick(pickContext.alive, pickerId, target)) {
    return refusal('INVALID_TARGET', 'Pick another player who is still in the game.');
  }
  return null;
}

/** The latest pick replaces the earlier one. */
export function withPick(picks: Readonly<Record<string, string>>, pickerId: string, target: string): Record<string, string> {
  return { ...picks, [pickerId]: target };
}

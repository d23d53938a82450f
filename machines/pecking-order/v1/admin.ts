/**
 * What the host may do besides advancing: eliminate a player, credit or debit silver. An elimination
 * is refused when the days still to play could no longer be played.
 */
import { aliveIds, isAlive, isPlayer, silverOf, todaysResult, withElimination, withSilver } from './cast';
import type { GameContext } from './context';
import { minAliveFor } from './day-plan';
import { refusal, type Refusal } from './refusals';

/**
 * Whether the undecided days can still be played with `alive` players: each needs its vote type's
 * minimum at its start, and each before it removes one player.
 */
export function planStillPlayable(context: GameContext, alive: number): boolean {
  const firstUndecided = todaysResult(context) ? context.day : Math.max(0, context.day - 1);
  return context.plan.slice(firstUndecided).every((day, i) => alive - i >= minAliveFor(day.voteType));
}

export function checkAdminEliminate(context: GameContext, playerId: string): Refusal | null {
  if (!isPlayer(context, playerId)) return refusal('INVALID_TARGET', `There is no player "${playerId}".`);
  if (!isAlive(context, playerId)) return refusal('NOT_ALIVE', `${playerId} is already out.`);
  if (todaysResult(context)?.winner === playerId) {
    return refusal('NOT_ALLOWED_NOW', `${playerId} has won the finale; end the game instead.`);
  }
  // A revealed vote whose player is still in goes out tonight: count them as gone already.
  const pending = todaysResult(context)?.out;
  const pendingOut = pending && pending !== playerId && isAlive(context, pending) ? 1 : 0;
  const aliveAfter = aliveIds(context).length - 1 - pendingOut;
  if (!planStillPlayable(context, aliveAfter)) {
    return refusal('CAST_TOO_SMALL', `Without ${playerId}, too few players would be left for the days still to play.`);
  }
  return null;
}

export function afterAdminEliminate(context: GameContext, playerId: string): Partial<GameContext> {
  return withElimination(context, playerId);
}

export function checkAdminCredit(context: GameContext, playerId: string, amount: number): Refusal | null {
  if (!isPlayer(context, playerId)) return refusal('INVALID_TARGET', `There is no player "${playerId}".`);
  if (!Number.isInteger(amount) || amount === 0) return refusal('INVALID_AMOUNT', 'Credit a whole, non-zero amount.');
  return null;
}

/** The silver a credit actually moves: a debit stops at 0. */
export function appliedCredit(context: GameContext, playerId: string, amount: number): number {
  return Math.max(amount, -silverOf(context, playerId));
}

export function afterAdminCredit(context: GameContext, playerId: string, amount: number): Partial<GameContext> {
  return { cast: withSilver(context.cast, playerId, appliedCredit(context, playerId, amount)) };
}

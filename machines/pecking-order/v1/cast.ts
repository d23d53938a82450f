/** The cast's standing: who is alive, who has what. Pure reads and updates of the game context. */
import type { VoteContext, VoteType } from '../rules';
import type { PickContext } from './activity/picks';
import type { DayPlan, DayResult, GameContext, Seat } from './context';
import { perObject } from '../../per-object';

export function isPlayer(context: Pick<GameContext, 'cast'>, playerId: string): boolean {
  return Object.hasOwn(context.cast, playerId);
}

export function isAlive(context: Pick<GameContext, 'cast'>, playerId: string): boolean {
  return context.cast[playerId]?.alive === true;
}

/**
 * The living players' ids, in seat order: one frozen list per cast object (the cast is replaced,
 * never changed, when anyone's standing changes). Every player's projection and most vote rules
 * ask for it after each step; it was a sixth of the projections' allocation.
 */
export function aliveIds(context: Pick<GameContext, 'cast'>): readonly string[] {
  return aliveOf(context.cast);
}

const aliveOf = perObject((cast: Record<string, Seat>): readonly string[] =>
  Object.freeze(Object.keys(cast).filter((id) => cast[id]!.alive)),
);

export function silverOf(context: Pick<GameContext, 'cast'>, playerId: string): number {
  return context.cast[playerId]?.silver ?? 0;
}

/** The cast with one player's silver changed by `delta` (never below 0). */
export function withSilver(cast: Record<string, Seat>, playerId: string, delta: number): Record<string, Seat> {
  const seat = cast[playerId];
  if (!seat || delta === 0) return cast;
  return { ...cast, [playerId]: { ...seat, silver: Math.max(0, seat.silver + delta) } };
}

/** The cast and jury after `playerId` is out; unchanged when they already were. */
export function withElimination(
  context: Pick<GameContext, 'cast' | 'eliminated'>,
  playerId: string,
): Pick<GameContext, 'cast' | 'eliminated'> {
  const seat = context.cast[playerId];
  if (!seat?.alive) return { cast: context.cast, eliminated: context.eliminated };
  return { cast: { ...context.cast, [playerId]: { ...seat, alive: false } }, eliminated: [...context.eliminated, playerId] };
}

/** The seed of a day's draws: the room seed and the day. */
export function daySeed(seed: string, day: number): string {
  return `${seed}:day${day}`;
}

/** What the vote rules see now: alive players with their silver (roster order), the jury, the day's seed. */
export function voteContextOf(context: Pick<GameContext, 'cast' | 'eliminated' | 'seed' | 'day'>): VoteContext {
  return {
    alive: aliveIds(context).map((playerId) => ({ playerId, silver: context.cast[playerId]!.silver })),
    eliminated: [...context.eliminated],
    seed: daySeed(context.seed, context.day),
  };
}

/** What the PLAYER_PICK child sees now: every player, and the alive ones, in roster order. */
export function pickContextOf(context: Pick<GameContext, 'cast'>): PickContext {
  return { players: Object.keys(context.cast), alive: aliveIds(context) };
}

/** Today's plan entry; undefined in pregame. */
export function todaysPlan(context: Pick<GameContext, 'plan' | 'day'>): DayPlan | undefined {
  return context.plan[context.day - 1];
}

export function todaysVoteType(context: Pick<GameContext, 'plan' | 'day'>): VoteType | null {
  return todaysPlan(context)?.voteType ?? null;
}

/** Today's revealed vote, once there is one. */
export function todaysResult(context: Pick<GameContext, 'history' | 'day'>): DayResult | undefined {
  return context.history.find((result) => result.day === context.day);
}

/** Whether the next day to start is the finale (the last day of the plan). */
export function nextDayIsFinale(context: Pick<GameContext, 'plan' | 'day'>): boolean {
  return context.day + 1 >= context.plan.length;
}

/** Who takes part in a vote: the alive players of a {@link VoteContext}. */
import type { VoteContext } from './types';

/** Alive players' ids, in the context's order. */
export function aliveIds(ctx: VoteContext): string[] {
  return ctx.alive.map((c) => c.playerId);
}

/** Whether `playerId` is alive in this vote. */
export function isAlive(ctx: VoteContext, playerId: string): boolean {
  return ctx.alive.some((c) => c.playerId === playerId);
}

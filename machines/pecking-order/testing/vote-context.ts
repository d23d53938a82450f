/** Vote contexts for rule tests: alive players from a silver table, two day seeds. */
import type { VoteContext } from '../rules/types';

export const DAY1 = 'room-x:day1';
export const DAY2 = 'room-x:day2';

export const voteContext = (silver: Record<string, number>, seed = DAY1, eliminated: string[] = []): VoteContext => ({
  alive: Object.entries(silver).map(([playerId, s]) => ({ playerId, silver: s })),
  eliminated,
  seed,
});

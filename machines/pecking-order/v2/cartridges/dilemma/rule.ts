/**
 * The dilemmas' rules, pure.
 *
 * SILVER_GAMBIT: while it is open, each alive player may pledge {@link GAMBIT_STAKE} silver, in
 * secret. At the close a pledge counts if its player is alive and still holds the stake. If at least
 * {@link gambitThreshold} (half the alive players, rounded up) pledges count, every counted donor
 * pays the stake and one of them, drawn by the day's seed, wins the whole pot. Otherwise nothing
 * moves: no silver left anyone, so there is nothing to refund.
 *
 * SPOTLIGHT: while it is open, each alive player may secretly name another alive player. At the
 * close, if at least two players named someone and every one of them named the same alive player,
 * that player earns {@link SPOTLIGHT_REWARD} silver. Otherwise nothing happens.
 */
import { seededPick } from '../../../rules';

export const DILEMMA_NAMES = ['SILVER_GAMBIT', 'SPOTLIGHT'] as const;
export type DilemmaName = (typeof DILEMMA_NAMES)[number];

/** What one SILVER_GAMBIT pledge costs. */
export const GAMBIT_STAKE = 10;
/** What the SPOTLIGHT's unanimous choice earns. */
export const SPOTLIGHT_REWARD = 15;

/** How many counted pledges the gambit needs: half the alive players, rounded up (at least 1). */
export function gambitThreshold(aliveCount: number): number {
  return Math.max(1, Math.ceil(aliveCount / 2));
}

export interface GambitResult {
  /** Counted donors, roster order. */
  donors: string[];
  needed: number;
  /** The pot paid to the winner; 0 when the gambit failed. */
  pot: number;
  winner: string | null;
  /** Silver changes: each donor −stake, the winner +pot (so the winner's net is pot − stake). */
  silver: Record<string, number>;
}

/** `alive`: alive players with their silver at the close, roster order; `pledges`: who pledged. */
export function decideGambit(
  alive: readonly { playerId: string; silver: number }[],
  pledges: readonly string[],
  seed: string,
): GambitResult {
  const pledged = new Set(pledges);
  const donors = alive.filter((p) => pledged.has(p.playerId) && p.silver >= GAMBIT_STAKE).map((p) => p.playerId);
  const needed = gambitThreshold(alive.length);
  if (donors.length < needed) return { donors, needed, pot: 0, winner: null, silver: {} };
  const winner = seededPick(donors, `${seed}:gambit`)!;
  const pot = donors.length * GAMBIT_STAKE;
  const silver: Record<string, number> = {};
  for (const id of donors) silver[id] = -GAMBIT_STAKE;
  silver[winner] = (silver[winner] ?? 0) + pot;
  return { donors, needed, pot, winner, silver };
}

export interface SpotlightResult {
  /** How many alive players named someone. */
  answered: number;
  /** The player everyone named; null when they did not agree (or fewer than two named). */
  spotlit: string | null;
  silver: Record<string, number>;
}

/** `alive`: alive players, roster order; `named`: namer → named. Names of or by players not alive are ignored. */
export function decideSpotlight(alive: readonly string[], named: Readonly<Record<string, string>>): SpotlightResult {
  const living = new Set(alive);
  const choices = alive.flatMap((id) => {
    const target = named[id];
    return target !== undefined && target !== id && living.has(target) ? [target] : [];
  });
  const first = choices[0];
  const spotlit = choices.length >= 2 && choices.every((c) => c === first) ? first! : null;
  return { answered: choices.length, spotlit, silver: spotlit ? { [spotlit]: SPOTLIGHT_REWARD } : {} };
}

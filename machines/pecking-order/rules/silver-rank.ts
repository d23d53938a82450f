/**
 * Silver ranking: silver balances are public and decide immunity (the top 3) and most tie-breaks.
 * Equal silver is always ordered by the day's seeded lineup ({@link seededOrder}), so one ranking
 * explains every silver decision of the day.
 */
import { seededOrder } from './seeded-order';
import type { Contender } from './types';

/**
 * Alive players' ids ranked by silver, most first. Players with equal silver are ordered by the
 * day's seeded lineup. Deterministic from (alive, seed); input order does not matter.
 */
export function rankBySilver(alive: readonly Contender[], seed: string): string[] {
  const held = rankings.get(alive);
  if (held?.seed === seed) return [...held.ranked];
  const lineup = new Map(
    seededOrder(
      alive.map((c) => c.playerId),
      seed,
    ).map((id, i) => [id, i]),
  );
  const ranked = [...alive].sort((a, b) => b.silver - a.silver || lineup.get(a.playerId)! - lineup.get(b.playerId)!).map((c) => c.playerId);
  rankings.set(alive, { seed, ranked });
  return [...ranked];
}

/**
 * The last ranking made of each (read-only) contenders list: a vote view ranks the cast for its
 * targets and again to say who may vote, for every player, from one vote context per game context
 * (v1/projection.ts). Callers get a copy, as some sort it further.
 */
const rankings = new WeakMap<readonly Contender[], { seed: string; ranked: readonly string[] }>();

/**
 * "Top 3": the three alive players with the most silver, most first (fewer when fewer are alive).
 * A silver tie at the edge of the podium is decided by the day's seeded lineup.
 */
export function topThree(alive: readonly Contender[], seed: string): string[] {
  return rankBySilver(alive, seed).slice(0, 3);
}

/** A player chosen by silver, and whether the seeded draw had to decide between equal balances. */
export interface SilverPick {
  playerId: string;
  silver: number;
  /** True when another candidate had the same silver, so the seeded draw decided. */
  seededDraw: boolean;
  /** Every candidate with that same silver (the player included), in seeded order. */
  tiedOnSilver: string[];
}

function pickBySilver(ids: readonly string[], alive: readonly Contender[], seed: string, end: 'lowest' | 'highest'): SilverPick | null {
  const named = new Set(ids);
  const candidates = alive.filter((c) => named.has(c.playerId));
  if (candidates.length === 0) return null;
  const ranked = rankBySilver(candidates, seed);
  const playerId = (end === 'highest' ? ranked[0] : ranked[ranked.length - 1])!;
  const silver = candidates.find((c) => c.playerId === playerId)!.silver;
  const tiedOnSilver = seededOrder(
    candidates.filter((c) => c.silver === silver).map((c) => c.playerId),
    seed,
  );
  return { playerId, silver, seededDraw: tiedOnSilver.length > 1, tiedOnSilver };
}

/**
 * "Lowest silver among the named players": of the `ids` that are alive, the one with the least
 * silver. If several share it, the seeded draw decides (the last of them in the silver ranking) and
 * `seededDraw` is true. Ids not in `alive` are ignored; null when none is alive.
 */
export function lowestSilver(ids: readonly string[], alive: readonly Contender[], seed: string): SilverPick | null {
  return pickBySilver(ids, alive, seed, 'lowest');
}

/**
 * "Highest silver among the named players": of the `ids` that are alive, the one with the most
 * silver. If several share it, the seeded draw decides (the first of them in the silver ranking) and
 * `seededDraw` is true. Ids not in `alive` are ignored; null when none is alive.
 */
export function highestSilver(ids: readonly string[], alive: readonly Contender[], seed: string): SilverPick | null {
  return pickBySilver(ids, alive, seed, 'highest');
}

/**
 * Counting ballots: one ballot field, the voters allowed to use it and the players they may name.
 * Anything else is ignored, never an error, because a stale or forged ballot must not stop a vote.
 */
import type { BallotKind, Ballots } from './types';

/** Counted ballots of one kind. */
export interface Tally {
  /** Valid ballots per candidate, every candidate included (at 0 when nobody named them). */
  tallies: Record<string, number>;
  /** How many valid ballots were counted. */
  valid: number;
}

/**
 * Counts the `kind` field of every ballot whose voter `mayVote` and whose named player is one of
 * `candidates`. Candidates appear in the result in the order given.
 */
export function tallyBallots(
  ballots: Ballots,
  kind: BallotKind,
  candidates: readonly string[],
  mayVote: (voterId: string, named: string) => boolean,
): Tally {
  // A Map, not an object: a player id such as "toString" must not collide with Object's own keys.
  const counts = new Map<string, number>(candidates.map((id) => [id, 0]));
  let valid = 0;
  for (const [voterId, ballot] of Object.entries(ballots)) {
    const named = ballot?.[kind];
    if (typeof named !== 'string' || !counts.has(named) || !mayVote(voterId, named)) continue;
    counts.set(named, counts.get(named)! + 1);
    valid += 1;
  }
  return { tallies: Object.fromEntries(counts), valid };
}

/** The candidates with the highest (`most`) or lowest (`fewest`) count, in tally order. */
export function leaders(tallies: Readonly<Record<string, number>>, direction: 'most' | 'fewest'): string[] {
  const entries = Object.entries(tallies);
  if (entries.length === 0) return [];
  const counts = entries.map(([, n]) => n);
  const best = direction === 'most' ? Math.max(...counts) : Math.min(...counts);
  return entries.filter(([, n]) => n === best).map(([id]) => id);
}

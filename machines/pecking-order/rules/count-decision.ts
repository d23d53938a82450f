/**
 * The decision most votes share: count ballots, take the most (or fewest) counted player, break a
 * tie by silver or by the seeded draw, and fall back on silver when nobody voted.
 */
import { counted, listPlayers } from './explain';
import { seededPick } from './seeded-order';
import { highestSilver, lowestSilver } from './silver-rank';
import { leaders } from './tally';
import type { Contender, OutcomeReason } from './types';

/** How a count tie is broken. Silver ties always go on to the seeded draw. */
export type TieBreak = 'LOWEST_SILVER' | 'HIGHEST_SILVER' | 'SEEDED_DRAW';

/** What {@link decideByCount} needs: the count, how to read it, and words for the sentence. */
export interface CountDecisionInput {
  /** Valid ballots per candidate, every candidate included (see `tallyBallots`). */
  tallies: Readonly<Record<string, number>>;
  /** The number of valid ballots; 0 means "nobody voted". */
  valid: number;
  direction: 'most' | 'fewest';
  tieBreak: TieBreak;
  /** The reason when one candidate stands alone: MOST_VOTES, FEWEST_SAVES, FEWEST_SHIELDS. */
  clearReason: OutcomeReason;
  /** Ballot noun for sentences, singular: "vote", "save", "shield", "jury vote". */
  noun: string;
  /** Sentence opening when nobody voted, e.g. "Nobody voted". */
  nobodyVoted: string;
  alive: readonly Contender[];
  seed: string;
}

/** The chosen player, why, and the sentence that says so. */
export interface CountDecision {
  playerId: string;
  reason: OutcomeReason;
  explanation: string;
}

/**
 * Decides among the tallied candidates:
 * - one candidate with the most (or fewest) valid ballots: that candidate (`clearReason`);
 * - a tie: the lowest (or highest) silver among the tied, or the seeded draw for `SEEDED_DRAW`;
 * - nobody voted: the lowest (or highest) silver among all candidates (NO_VOTES_…), or the seeded
 *   draw among all of them for `SEEDED_DRAW`;
 * - equal silver at the end of any of these: the seeded draw (TIE_SEEDED_DRAW).
 * Null when there are no candidates.
 */
export function decideByCount(input: CountDecisionInput): CountDecision | null {
  const { tallies, valid, direction, tieBreak, alive, seed, noun } = input;
  // With no valid ballots every candidate is at 0, so the "tied" group is everyone.
  const tied = leaders(tallies, direction);
  if (tied.length === 0) return null;
  const count = tallies[tied[0]!]!;

  if (valid === 0 && tieBreak !== 'SEEDED_DRAW') {
    return breakBy(tied, tieBreak, alive, seed, input.nobodyVoted, true);
  }
  if (tied.length === 1) {
    const opening = valid === 0 ? `${input.nobodyVoted}; ` : '';
    return {
      playerId: tied[0]!,
      reason: input.clearReason,
      explanation: `${opening}${tied[0]} had the ${direction} ${noun}s (${count}).`,
    };
  }
  const opening = valid === 0 ? input.nobodyVoted : `${listPlayers(tied)} tied with ${counted(count, noun)}`;
  return breakBy(tied, tieBreak, alive, seed, opening, false);
}

function breakBy(
  group: readonly string[],
  tieBreak: TieBreak,
  alive: readonly Contender[],
  seed: string,
  opening: string,
  nobodyVoted: boolean,
): CountDecision | null {
  if (tieBreak === 'SEEDED_DRAW') {
    const playerId = seededPick(group, seed);
    if (playerId === null) return null;
    return { playerId, reason: 'TIE_SEEDED_DRAW', explanation: `${opening}; the seeded draw picked ${playerId}.` };
  }
  const end = tieBreak === 'LOWEST_SILVER' ? 'lowest' : 'highest';
  const reasons = {
    lowest: nobodyVoted ? 'NO_VOTES_LOWEST_SILVER' : 'TIE_LOWEST_SILVER',
    highest: nobodyVoted ? 'NO_VOTES_HIGHEST_SILVER' : 'TIE_HIGHEST_SILVER',
  } as const;
  return decideBySilver(group, end, alive, seed, reasons[end], opening);
}

/**
 * The player with the lowest (or highest) silver among `group`, for `reason`; when several share
 * that silver, the seeded draw decides and the reason becomes TIE_SEEDED_DRAW. The explanation is
 * `opening` followed by the silver that decided. Null when no one in `group` is alive.
 */
export function decideBySilver(
  group: readonly string[],
  end: 'lowest' | 'highest',
  alive: readonly Contender[],
  seed: string,
  reason: OutcomeReason,
  opening: string,
): CountDecision | null {
  const pick = end === 'lowest' ? lowestSilver(group, alive, seed) : highestSilver(group, alive, seed);
  if (pick === null) return null;
  const extreme = end === 'lowest' ? 'least' : 'most';
  if (pick.seededDraw) {
    return {
      playerId: pick.playerId,
      reason: 'TIE_SEEDED_DRAW',
      explanation:
        `${opening}; ${listPlayers(pick.tiedOnSilver)} had the ${extreme} silver (${pick.silver}) ` +
        `and the seeded draw picked ${pick.playerId}.`,
    };
  }
  return {
    playerId: pick.playerId,
    reason,
    explanation: `${opening}; ${pick.playerId} had the ${extreme} silver (${pick.silver}).`,
  };
}

/**
 * A blitz game's rounds: one elimination round per player but the two finalists, each with a vote
 * from the shared rules (machines/pecking-order/rules), then the final, where the jury crowns the
 * winner (FINALS). Pure: the plan is checked against the cast before the game starts.
 */
import { VOTE_RULES, type VoteType } from '../../pecking-order/rules';
import type { DayPlan } from '../../pecking-order/v1/context';

/**
 * The votes a blitz round may have: the one-step votes (EXECUTIONER's election does not fit a
 * round of a few minutes; FINALS is the final's alone).
 */
export const BLITZ_VOTE_TYPES = ['MAJORITY', 'SHIELD', 'BUBBLE', 'PODIUM_SACRIFICE', 'SECOND_TO_LAST', 'TRUST_PAIRS'] as const;
export type BlitzVoteType = (typeof BLITZ_VOTE_TYPES)[number];

/** The vote of every elimination round when the manifest names none. */
export const DEFAULT_ROUND_VOTE: BlitzVoteType = 'MAJORITY';

/** How many players the final is played by. */
export const FINALISTS = 2;

/** Elimination rounds for a cast of `players`: one per player but the finalists. */
export function eliminationRounds(players: number): number {
  return Math.max(0, players - FINALISTS);
}

/** Players alive at the start of round `round` (1-based): every round before it put one out. */
export function aliveAtStartOfRound(players: number, round: number): number {
  return players - (round - 1);
}

export interface RoundIssue {
  /** Path inside the manifest, e.g. `['rounds', 2, 'voteType']`. */
  path: (string | number)[];
  message: string;
}

/** Why the manifest's rounds cannot be played by `players` players; [] when they can (or when it names none). */
export function checkRounds(rounds: readonly { voteType: VoteType }[] | undefined, players: number): RoundIssue[] {
  if (rounds === undefined) return [];
  const expected = eliminationRounds(players);
  if (rounds.length !== expected) {
    return [
      {
        path: ['rounds'],
        message: `${players} players play ${expected} elimination rounds before the final (one per player but the two finalists); the manifest names ${rounds.length}.`,
      },
    ];
  }
  return rounds.flatMap((round, i) => {
    const alive = aliveAtStartOfRound(players, i + 1);
    const needed = VOTE_RULES[round.voteType].minAlive;
    if (alive >= needed) return [];
    return [
      {
        path: ['rounds', i, 'voteType'],
        message: `Round ${i + 1}'s ${round.voteType} vote needs ${needed} players alive; with ${players} players, round ${i + 1} starts with ${alive}.`,
      },
    ];
  });
}

/** Every round as the machine plays it (pecking-order's day plan): the elimination rounds, then FINALS. */
export function roundPlan(rounds: readonly { voteType: VoteType }[] | undefined, players: number): DayPlan[] {
  const votes = rounds?.map((round) => round.voteType) ?? Array.from({ length: eliminationRounds(players) }, () => DEFAULT_ROUND_VOTE);
  return [...votes, 'FINALS' as const].map((voteType) => ({ voteType, activity: null, theme: null }));
}

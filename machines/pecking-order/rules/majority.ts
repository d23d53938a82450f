/** MAJORITY: the plainest vote. Most votes is out. */
import { aliveIds, isAlive } from './contenders';
import { decideByCount } from './count-decision';
import { makeOutcome, nobodyAlive } from './outcome';
import { tallyBallots } from './tally';
import type { BallotKind, Ballots, VoteContext, VoteOutcome, VoteRule } from './types';

/** Every alive player may vote ('target'); no other ballot field counts. */
export function canVoteMajority(ctx: VoteContext, voterId: string, kind: BallotKind): boolean {
  return kind === 'target' && isAlive(ctx, voterId);
}

/** A voter may name any alive player, themself included. */
export function majorityTargets(ctx: VoteContext, voterId: string, kind: BallotKind): string[] {
  return canVoteMajority(ctx, voterId, kind) ? aliveIds(ctx) : [];
}

/**
 * The player with the most valid votes is out. A tie goes to the lowest silver among the tied; if
 * nobody voted, the lowest silver among all alive is out. Equal silver goes to the seeded draw.
 */
export function decideMajority(ctx: VoteContext, ballots: Ballots): VoteOutcome {
  const { tallies, valid } = tallyBallots(ballots, 'target', aliveIds(ctx), (voter) => canVoteMajority(ctx, voter, 'target'));
  const decision = decideByCount({
    tallies,
    valid,
    direction: 'most',
    tieBreak: 'LOWEST_SILVER',
    clearReason: 'MOST_VOTES',
    noun: 'vote',
    nobodyVoted: 'Nobody voted',
    alive: ctx.alive,
    seed: ctx.seed,
  });
  if (decision === null) return nobodyAlive('MAJORITY');
  return makeOutcome('MAJORITY', {
    out: decision.playerId,
    tallies,
    reason: decision.reason,
    explanation: decision.explanation,
  });
}

/** The MAJORITY vote rule: eligibility, decision, minimum roster and catalog summary. */
export const majorityRule: VoteRule = {
  type: 'MAJORITY',
  ballotKinds: ['target'],
  canVote: canVoteMajority,
  targets: majorityTargets,
  decide: decideMajority,
  minAlive: 3,
  summary:
    'Every alive player votes for one alive player (themself included). The player with the most votes is out. ' +
    'A tie goes against the player with the least silver among the tied; if nobody votes, the alive player ' +
    'with the least silver is out. Equal silver is settled by the day’s seeded draw.',
};

/** SHIELD: every vote protects; the least protected player is out, and ties are pure chance. */
import { aliveIds, isAlive } from './contenders';
import { decideByCount } from './count-decision';
import { makeOutcome, nobodyAlive } from './outcome';
import { tallyBallots } from './tally';
import type { BallotKind, Ballots, VoteContext, VoteOutcome, VoteRule } from './types';

/** Every alive player may cast a shield ('target'). */
export function canVoteShield(ctx: VoteContext, voterId: string, kind: BallotKind): boolean {
  return kind === 'target' && isAlive(ctx, voterId);
}

/** A voter may shield any alive player, themself included. */
export function shieldTargets(ctx: VoteContext, voterId: string, kind: BallotKind): string[] {
  return canVoteShield(ctx, voterId, kind) ? aliveIds(ctx) : [];
}

/**
 * A vote shields. The alive player with the fewest shields is out, players nobody shielded
 * included. A tie, including nobody shielding anyone, is settled by the day's seeded draw among the
 * tied; silver plays no part.
 */
export function decideShield(ctx: VoteContext, ballots: Ballots): VoteOutcome {
  const { tallies, valid } = tallyBallots(ballots, 'target', aliveIds(ctx), (voter) => canVoteShield(ctx, voter, 'target'));
  const decision = decideByCount({
    tallies,
    valid,
    direction: 'fewest',
    tieBreak: 'SEEDED_DRAW',
    clearReason: 'FEWEST_SHIELDS',
    noun: 'shield',
    nobodyVoted: 'Nobody shielded anyone',
    alive: ctx.alive,
    seed: ctx.seed,
  });
  if (decision === null) return nobodyAlive('SHIELD');
  return makeOutcome('SHIELD', {
    out: decision.playerId,
    tallies,
    reason: decision.reason,
    explanation: decision.explanation,
  });
}

/** The SHIELD vote rule: eligibility, decision, minimum roster and catalog summary. */
export const shieldRule: VoteRule = {
  type: 'SHIELD',
  ballotKinds: ['target'],
  canVote: canVoteShield,
  targets: shieldTargets,
  decide: decideShield,
  minAlive: 4,
  summary:
    'Every alive player shields one alive player (themself included). The player with the fewest shields is ' +
    'out, even if that is zero. A tie, including nobody shielding anyone, is settled by the day’s seeded draw ' +
    'among the tied; silver does not matter.',
};

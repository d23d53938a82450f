/** FINALS: the players voted out come back as the jury and choose the winner. */
import { aliveIds } from './contenders';
import { decideByCount } from './count-decision';
import { makeOutcome, nobodyAlive } from './outcome';
import { rankBySilver } from './silver-rank';
import { tallyBallots } from './tally';
import type { BallotKind, Ballots, VoteContext, VoteOutcome, VoteRule } from './types';

/** Only jurors vote ('target'): eliminated players who are not (somehow) alive again. */
export function canVoteFinals(ctx: VoteContext, voterId: string, kind: BallotKind): boolean {
  return kind === 'target' && ctx.eliminated.includes(voterId) && !aliveIds(ctx).includes(voterId);
}

/** A juror may name any alive player (a finalist). */
export function finalsTargets(ctx: VoteContext, voterId: string, kind: BallotKind): string[] {
  return canVoteFinals(ctx, voterId, kind) ? aliveIds(ctx) : [];
}

/**
 * The jury's vote. The finalist with the most valid jury votes wins. A tie goes to the highest
 * silver among the tied, then the seeded draw; with no jurors or no votes, the finalist with the
 * most silver wins. Nobody is eliminated. The ranking lists every finalist, winner first, then by
 * jury votes, then silver, then the day's seeded order.
 */
export function decideFinals(ctx: VoteContext, ballots: Ballots): VoteOutcome {
  if (ctx.alive.length === 0) return nobodyAlive('FINALS');
  const { tallies, valid } = tallyBallots(ballots, 'target', aliveIds(ctx), (voter) => canVoteFinals(ctx, voter, 'target'));
  // Array#sort is stable, so finalists with equal votes keep the silver-then-seeded order.
  const ranking = rankBySilver(ctx.alive, ctx.seed).sort((a, b) => tallies[b]! - tallies[a]!);
  const winner = ranking[0]!;
  if (ranking.length === 1) {
    return makeOutcome('FINALS', {
      out: null,
      winner,
      ranking,
      tallies,
      reason: 'ONLY_ONE_ALIVE',
      explanation: `${winner} was the only finalist.`,
    });
  }
  const decision = decideByCount({
    tallies,
    valid,
    direction: 'most',
    tieBreak: 'HIGHEST_SILVER',
    clearReason: 'MOST_VOTES',
    noun: 'jury vote',
    nobodyVoted: ctx.eliminated.length === 0 ? 'There was no jury' : 'The jury cast no votes',
    alive: ctx.alive,
    seed: ctx.seed,
  })!;
  // The ranking and the tie-break use the same order, so they always agree on the winner.
  return makeOutcome('FINALS', {
    out: null,
    winner: decision.playerId,
    ranking,
    tallies,
    reason: decision.reason,
    explanation: decision.explanation,
  });
}

/** The FINALS vote rule: eligibility, decision, minimum roster and catalog summary. */
export const finalsRule: VoteRule = {
  type: 'FINALS',
  ballotKinds: ['target'],
  canVote: canVoteFinals,
  targets: finalsTargets,
  decide: decideFinals,
  minAlive: 2,
  summary:
    'The last day. The players who were voted out form the jury, and each votes for one of the alive ' +
    'finalists. The finalist with the most jury votes wins the gold. A tie goes to the most silver among the ' +
    'tied; if there is no jury or nobody votes, the finalist with the most silver wins. Equal silver is ' +
    'settled by the day’s seeded draw. Everyone else finishes in order of jury votes, then silver.',
};

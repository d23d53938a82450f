/** PODIUM_SACRIFICE: the players below the podium decide which of the top 3 falls. */
import { isAlive } from './contenders';
import { decideByCount } from './count-decision';
import { makeOutcome, nobodyAlive } from './outcome';
import { topThree } from './silver-rank';
import { tallyBallots } from './tally';
import type { BallotKind, Ballots, VoteContext, VoteOutcome, VoteRule } from './types';

/** Only alive players outside the top 3 may cast a save ('target'). */
export function canVotePodiumSacrifice(ctx: VoteContext, voterId: string, kind: BallotKind): boolean {
  return kind === 'target' && isAlive(ctx, voterId) && !topThree(ctx.alive, ctx.seed).includes(voterId);
}

/** A voter may save one of the top 3. */
export function podiumSacrificeTargets(ctx: VoteContext, voterId: string, kind: BallotKind): string[] {
  return canVotePodiumSacrifice(ctx, voterId, kind) ? topThree(ctx.alive, ctx.seed) : [];
}

/**
 * A vote saves. The top 3 by silver (when the vote closes) are the only players at risk; the alive
 * players outside the top 3 vote to save one of them. The top-3 player with the fewest saves is
 * out. A tie goes to the lowest silver among the tied; with no saves at all, the lowest silver of
 * the top 3 is out. Equal silver goes to the seeded draw. Nobody is immune.
 */
export function decidePodiumSacrifice(ctx: VoteContext, ballots: Ballots): VoteOutcome {
  const podium = topThree(ctx.alive, ctx.seed);
  const { tallies, valid } = tallyBallots(ballots, 'target', podium, (voter) => canVotePodiumSacrifice(ctx, voter, 'target'));
  const decision = decideByCount({
    tallies,
    valid,
    direction: 'fewest',
    tieBreak: 'LOWEST_SILVER',
    clearReason: 'FEWEST_SAVES',
    noun: 'save',
    nobodyVoted: 'Nobody saved anyone on the podium',
    alive: ctx.alive,
    seed: ctx.seed,
  });
  if (decision === null) return nobodyAlive('PODIUM_SACRIFICE');
  return makeOutcome('PODIUM_SACRIFICE', {
    out: decision.playerId,
    tallies,
    reason: decision.reason,
    explanation: decision.explanation,
  });
}

/** The PODIUM_SACRIFICE vote rule: eligibility, decision, minimum roster and catalog summary. */
export const podiumSacrificeRule: VoteRule = {
  type: 'PODIUM_SACRIFICE',
  ballotKinds: ['target'],
  canVote: canVotePodiumSacrifice,
  targets: podiumSacrificeTargets,
  decide: decidePodiumSacrifice,
  minAlive: 5,
  summary:
    'Only the three players with the most silver when the vote closes are at risk, and they cannot vote. ' +
    'Every other alive player votes to save one of them. The top-3 player with the fewest saves is out. ' +
    'A tie goes against the least silver among the tied; if nobody saves anyone, the top-3 player with the ' +
    'least silver is out. Equal silver is settled by the day’s seeded draw.',
};

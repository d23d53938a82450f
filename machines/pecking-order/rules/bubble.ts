/** BUBBLE: the top 3 are safe; everyone votes to save one player in the bubble below them. */
import { aliveIds, isAlive } from './contenders';
import { decideByCount, decideBySilver } from './count-decision';
import { makeOutcome, nobodyAlive } from './outcome';
import { topThree } from './silver-rank';
import { tallyBallots } from './tally';
import type { BallotKind, Ballots, VoteContext, VoteOutcome, VoteRule } from './types';

/** Every alive player may cast a save ('target'), the top 3 included. */
export function canVoteBubble(ctx: VoteContext, voterId: string, kind: BallotKind): boolean {
  return kind === 'target' && isAlive(ctx, voterId);
}

/** A voter may save any alive player outside the top 3 (themself included, if they are in the bubble). */
export function bubbleTargets(ctx: VoteContext, voterId: string, kind: BallotKind): string[] {
  if (!canVoteBubble(ctx, voterId, kind)) return [];
  const podium = new Set(topThree(ctx.alive, ctx.seed));
  return aliveIds(ctx).filter((id) => !podium.has(id));
}

/**
 * A vote saves. The top 3 by silver (when the vote closes) are immune; among everyone else, the
 * player with the fewest saves is out, players nobody saved included. A tie goes to the lowest
 * silver among the tied; with no saves at all, the lowest silver outside the top 3 is out. Equal
 * silver goes to the seeded draw. Saves for a top-3 player count for nothing.
 */
export function decideBubble(ctx: VoteContext, ballots: Ballots): VoteOutcome {
  if (ctx.alive.length === 0) return nobodyAlive('BUBBLE');
  const immune = topThree(ctx.alive, ctx.seed);
  const bubble = aliveIds(ctx).filter((id) => !immune.includes(id));
  if (bubble.length === 0) {
    // Only reachable below minAlive: with nobody in the bubble, immunity cannot hold.
    const fallback = decideBySilver(
      aliveIds(ctx),
      'lowest',
      ctx.alive,
      ctx.seed,
      'TOO_FEW_ALIVE_LOWEST_SILVER',
      'Nobody was outside the top 3',
    )!;
    return makeOutcome('BUBBLE', { out: fallback.playerId, reason: fallback.reason, explanation: fallback.explanation });
  }
  const { tallies, valid } = tallyBallots(ballots, 'target', bubble, (voter) => canVoteBubble(ctx, voter, 'target'));
  const decision = decideByCount({
    tallies,
    valid,
    direction: 'fewest',
    tieBreak: 'LOWEST_SILVER',
    clearReason: 'FEWEST_SAVES',
    noun: 'save',
    nobodyVoted: 'Nobody saved anyone',
    alive: ctx.alive,
    seed: ctx.seed,
  })!;
  return makeOutcome('BUBBLE', {
    out: decision.playerId,
    immune,
    tallies,
    reason: decision.reason,
    explanation: decision.explanation,
  });
}

/** The BUBBLE vote rule: eligibility, decision, minimum roster and catalog summary. */
export const bubbleRule: VoteRule = {
  type: 'BUBBLE',
  ballotKinds: ['target'],
  canVote: canVoteBubble,
  targets: bubbleTargets,
  decide: decideBubble,
  minAlive: 6,
  summary:
    'The three players with the most silver when the vote closes are immune. Every alive player votes to save ' +
    'one player outside that top 3 (themself included). Of the players outside the top 3, the one with the ' +
    'fewest saves is out, even if that is zero. A tie goes against the least silver among the tied; if nobody ' +
    'saves anyone, the player outside the top 3 with the least silver is out. Equal silver is settled by the ' +
    'day’s seeded draw.',
};

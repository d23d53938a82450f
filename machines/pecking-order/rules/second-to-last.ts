/** SECOND_TO_LAST: no ballots; the silver ranking alone decides. */
import { listPlayers } from './explain';
import { makeOutcome, nobodyAlive } from './outcome';
import { seededOrder } from './seeded-order';
import { rankBySilver } from './silver-rank';
import type { Ballots, VoteContext, VoteOutcome, VoteRule } from './types';

/** Nobody votes in SECOND_TO_LAST. */
export function canVoteSecondToLast(): boolean {
  return false;
}

/** Nobody votes, so nobody can be named. */
export function secondToLastTargets(): string[] {
  return [];
}

/**
 * Alive players are ranked by silver, most first, equal silver in the day's seeded order; the
 * second-to-last is out (with a single alive player, that player). Ballots are ignored.
 */
export function decideSecondToLast(ctx: VoteContext, _ballots: Ballots): VoteOutcome {
  if (ctx.alive.length === 0) return nobodyAlive('SECOND_TO_LAST');
  const ranking = rankBySilver(ctx.alive, ctx.seed);
  if (ranking.length === 1) {
    const only = ranking[0]!;
    return makeOutcome('SECOND_TO_LAST', {
      out: only,
      reason: 'ONLY_ONE_ALIVE',
      explanation: `${only} was the only player left.`,
    });
  }
  const out = ranking[ranking.length - 2]!;
  const silver = ctx.alive.find((c) => c.playerId === out)!.silver;
  const sameSilver = ctx.alive.filter((c) => c.silver === silver).map((c) => c.playerId);
  if (sameSilver.length > 1) {
    return makeOutcome('SECOND_TO_LAST', {
      out,
      reason: 'TIE_SEEDED_DRAW',
      explanation:
        `${listPlayers(seededOrder(sameSilver, ctx.seed))} had the same silver (${silver}) ` +
        `and the seeded draw placed ${out} second-to-last.`,
    });
  }
  return makeOutcome('SECOND_TO_LAST', {
    out,
    reason: 'SECOND_TO_LAST_SILVER',
    explanation: `${out} was second-to-last in silver (${silver}).`,
  });
}

/** The SECOND_TO_LAST vote rule: eligibility, decision, minimum roster and catalog summary. */
export const secondToLastRule: VoteRule = {
  type: 'SECOND_TO_LAST',
  ballotKinds: [],
  canVote: canVoteSecondToLast,
  targets: secondToLastTargets,
  decide: decideSecondToLast,
  minAlive: 3,
  summary:
    'Nobody votes. When the vote closes, alive players are ranked by silver, most first, and the ' +
    'second-to-last is out: the poorest player survives the day. Equal silver is ordered by the day’s seeded ' +
    'draw. With a single alive player, that player is out.',
};

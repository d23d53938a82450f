/** TRUST_PAIRS: two ballots each, a trust pick and an elimination vote; mutual trust protects. */
import { aliveIds, isAlive } from './contenders';
import { decideByCount, decideBySilver } from './count-decision';
import { listPlayers } from './explain';
import { makeOutcome, nobodyAlive } from './outcome';
import { tallyBallots } from './tally';
import type { BallotKind, Ballots, VoteContext, VoteOutcome, VoteRule } from './types';

/** Every alive player may cast both a trust pick ('trust') and an elimination vote ('target'). */
export function canVoteTrustPairs(ctx: VoteContext, voterId: string, kind: BallotKind): boolean {
  return (kind === 'trust' || kind === 'target') && isAlive(ctx, voterId);
}

/**
 * A trust pick names another alive player (trusting yourself can never be mutual). An elimination
 * vote names any alive player, themself included: who is immune is only known at the close.
 */
export function trustPairsTargets(ctx: VoteContext, voterId: string, kind: BallotKind): string[] {
  if (!canVoteTrustPairs(ctx, voterId, kind)) return [];
  return kind === 'trust' ? aliveIds(ctx).filter((id) => id !== voterId) : aliveIds(ctx);
}

/**
 * The mutual pairs: two alive players whose valid trust picks name each other. Each player is in at
 * most one pair (a player has one trust pick). Pairs, and the two players within a pair, are in the
 * context's alive order.
 */
export function mutualTrustPairs(ctx: VoteContext, ballots: Ballots): [string, string][] {
  const ids = aliveIds(ctx);
  const trusts = (a: string, b: string) => a !== b && canVoteTrustPairs(ctx, a, 'trust') && ballots[a]?.trust === b;
  const pairs: [string, string][] = [];
  ids.forEach((a, i) => {
    for (const b of ids.slice(i + 1)) if (trusts(a, b) && trusts(b, a)) pairs.push([a, b]);
  });
  return pairs;
}

/**
 * Two players who trusted each other are immune. Elimination votes against immune players are
 * ignored; of the rest, the player with the most valid votes is out. A tie goes to the lowest silver
 * among the tied; with no valid votes, the lowest silver among the players who are not immune is
 * out. If every alive player is in a mutual pair, immunity cannot hold: the lowest silver among all
 * alive is out and nobody is immune. Equal silver goes to the seeded draw.
 */
export function decideTrustPairs(ctx: VoteContext, ballots: Ballots): VoteOutcome {
  if (ctx.alive.length === 0) return nobodyAlive('TRUST_PAIRS');
  const paired = new Set(mutualTrustPairs(ctx, ballots).flat());
  const immune = aliveIds(ctx).filter((id) => paired.has(id));
  const exposed = aliveIds(ctx).filter((id) => !paired.has(id));

  if (exposed.length === 0) {
    const fallback = decideBySilver(
      aliveIds(ctx),
      'lowest',
      ctx.alive,
      ctx.seed,
      'ALL_IMMUNE_LOWEST_SILVER',
      `Everyone was in a trusted pair (${listPlayers(immune)}), so immunity was lifted`,
    )!;
    return makeOutcome('TRUST_PAIRS', {
      out: fallback.playerId,
      reason: fallback.reason,
      explanation: fallback.explanation,
    });
  }
  const { tallies, valid } = tallyBallots(ballots, 'target', exposed, (voter) => canVoteTrustPairs(ctx, voter, 'target'));
  const decision = decideByCount({
    tallies,
    valid,
    direction: 'most',
    tieBreak: 'LOWEST_SILVER',
    clearReason: 'MOST_VOTES',
    noun: 'vote',
    nobodyVoted: 'No vote counted against a player without immunity',
    alive: ctx.alive,
    seed: ctx.seed,
  })!;
  return makeOutcome('TRUST_PAIRS', {
    out: decision.playerId,
    immune,
    tallies,
    reason: decision.reason,
    explanation: decision.explanation,
  });
}

/** The TRUST_PAIRS vote rule: eligibility, decision, minimum roster and catalog summary. */
export const trustPairsRule: VoteRule = {
  type: 'TRUST_PAIRS',
  ballotKinds: ['trust', 'target'],
  canVote: canVoteTrustPairs,
  targets: trustPairsTargets,
  decide: decideTrustPairs,
  minAlive: 5,
  summary:
    'Every alive player casts two secret ballots: a trust pick (another alive player) and an elimination vote ' +
    '(any alive player). Two players who picked each other to trust are immune, and votes against them are ' +
    'thrown out. The player with the most remaining votes is out; a tie goes against the least silver among ' +
    'the tied, and if no vote remains, the player without immunity with the least silver is out. If everyone ' +
    'ends up in a trusted pair, immunity is lifted and the alive player with the least silver is out. Equal ' +
    'silver is settled by the day’s seeded draw.',
};

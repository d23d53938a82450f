/** EXECUTIONER: the group elects one player, and that player alone chooses who is out. */
import { aliveIds, isAlive } from './contenders';
import { decideByCount, decideBySilver } from './count-decision';
import { makeOutcome, nobodyAlive } from './outcome';
import { topThree } from './silver-rank';
import { tallyBallots } from './tally';
import type { BallotKind, Ballots, OutcomeReason, VoteContext, VoteOutcome, VoteRule } from './types';

/** The result of step 1. */
export interface Election {
  /** Null when nobody cast a valid election vote: then there is no executioner. */
  executioner: string | null;
  /** MOST_VOTES, TIE_LOWEST_SILVER, TIE_SEEDED_DRAW, or NO_VOTES_LOWEST_SILVER with no executioner. */
  reason: OutcomeReason;
  /** Valid election votes per alive player. */
  tallies: Record<string, number>;
  /** One plain sentence, e.g. "p2 had the most election votes (3)." */
  explanation: string;
}

/** A {@link VoteRule} with a second step. */
export interface ExecutionerRule extends VoteRule {
  type: 'EXECUTIONER';
  /** Step 1's result, used between the two steps; see {@link electExecutioner}. */
  elect(ctx: VoteContext, ballots: Ballots): Election;
  /** The close without an executioner who could pick; see {@link decideWithoutExecutioner}. */
  decideWithoutExecutioner(ctx: VoteContext, election: Election): VoteOutcome;
}

/**
 * Step 1 ('elect'): every alive player. Step 2 ('pick'): only the executioner, who must be passed
 * as `executioner`.
 */
export function canVoteExecutioner(ctx: VoteContext, voterId: string, kind: BallotKind, executioner?: string | null): boolean {
  if (!isAlive(ctx, voterId)) return false;
  if (kind === 'elect') return true;
  return kind === 'pick' && executioner != null && voterId === executioner;
}

/**
 * Step 1: any alive player may be elected, the voter included. Step 2: the executioner may pick any
 * alive player outside the top 3 (by silver when the vote closes) other than themself.
 */
export function executionerTargets(ctx: VoteContext, voterId: string, kind: BallotKind, executioner?: string | null): string[] {
  if (!canVoteExecutioner(ctx, voterId, kind, executioner)) return [];
  if (kind === 'elect') return aliveIds(ctx);
  return pickTargets(ctx, voterId);
}

function pickTargets(ctx: VoteContext, executioner: string): string[] {
  const podium = new Set(topThree(ctx.alive, ctx.seed));
  return aliveIds(ctx).filter((id) => id !== executioner && !podium.has(id));
}

/**
 * Step 1, between the two steps: the alive player with the most valid election votes becomes the
 * executioner. A tie goes to the lowest silver among the tied (equal silver: the seeded draw). With
 * no valid election votes there is no executioner (`executioner: null`). Only 'elect' fields are
 * read.
 */
export function electExecutioner(ctx: VoteContext, ballots: Ballots): Election {
  const { tallies, valid } = tallyBallots(ballots, 'elect', aliveIds(ctx), (voter) => canVoteExecutioner(ctx, voter, 'elect'));
  if (valid === 0) {
    return { executioner: null, reason: 'NO_VOTES_LOWEST_SILVER', tallies, explanation: NOBODY_ELECTED };
  }
  const decision = decideByCount({
    tallies,
    valid,
    direction: 'most',
    tieBreak: 'LOWEST_SILVER',
    clearReason: 'MOST_VOTES',
    noun: 'election vote',
    nobodyVoted: 'Nobody voted for an executioner',
    alive: ctx.alive,
    seed: ctx.seed,
  })!;
  return { executioner: decision.playerId, reason: decision.reason, tallies, explanation: decision.explanation };
}

const NOBODY_ELECTED = 'Nobody voted for an executioner, so there is none.';

/**
 * Both steps from the full ballots (every 'elect' field plus the executioner's 'pick'); the
 * executioner is the one {@link electExecutioner} gives for the same ballots. The executioner's
 * valid pick is out. Without a valid pick by close, the lowest silver among the players they could
 * have picked is out (equal silver: seeded draw). The top 3 and the executioner are immune. If
 * there is nobody to pick (only below minAlive), the lowest silver among the other alive players is
 * out. With no election votes there is no executioner: see {@link decideWithoutExecutioner}.
 * Tallies are the election votes.
 */
export function decideExecutioner(ctx: VoteContext, ballots: Ballots): VoteOutcome {
  if (ctx.alive.length === 0) return nobodyAlive('EXECUTIONER');
  const election = electExecutioner(ctx, ballots);
  const executioner = election.executioner;
  if (executioner === null) return decideWithoutExecutioner(ctx, election);
  const podium = topThree(ctx.alive, ctx.seed);
  const immune = podium.includes(executioner) ? podium : [...podium, executioner];
  const common = { executioner, tallies: election.tallies };

  const candidates = pickTargets(ctx, executioner);
  const pick = ballots[executioner]?.pick;
  if (typeof pick === 'string' && candidates.includes(pick)) {
    return makeOutcome('EXECUTIONER', {
      ...common,
      out: pick,
      immune,
      reason: 'EXECUTIONER_PICK',
      explanation: `${executioner} was the executioner and picked ${pick}.`,
    });
  }
  if (candidates.length > 0) {
    const fallback = decideBySilver(
      candidates,
      'lowest',
      ctx.alive,
      ctx.seed,
      'NO_PICK_LOWEST_SILVER',
      `${executioner} was the executioner and picked nobody`,
    )!;
    return makeOutcome('EXECUTIONER', {
      ...common,
      out: fallback.playerId,
      immune,
      reason: fallback.reason,
      explanation: fallback.explanation,
    });
  }
  // Below minAlive the podium can cover everyone but the executioner; the podium's immunity yields.
  const others = aliveIds(ctx).filter((id) => id !== executioner);
  const fallback = decideBySilver(
    others.length > 0 ? others : [executioner],
    'lowest',
    ctx.alive,
    ctx.seed,
    'TOO_FEW_ALIVE_LOWEST_SILVER',
    `${executioner} was the executioner with nobody to pick`,
  )!;
  return makeOutcome('EXECUTIONER', {
    ...common,
    out: fallback.playerId,
    immune: others.length > 0 ? [executioner] : [],
    reason: fallback.reason,
    explanation: fallback.explanation,
  });
}

/**
 * The close when no alive executioner could pick: nobody was elected (`election.executioner` null,
 * reason NO_VOTES_LOWEST_SILVER), or the elected executioner is no longer alive (removed by the
 * host before the pick; reason NO_PICK_LOWEST_SILVER). Nobody is immune for being executioner: the
 * lowest silver among the pick targets (alive, outside the top 3) is out, equal silver by the
 * seeded draw; the top 3 are immune. Below minAlive, with nobody outside the top 3, the lowest
 * silver among all alive is out. The outcome names the removed executioner, or null; tallies are
 * the election's.
 */
export function decideWithoutExecutioner(ctx: VoteContext, election: Election): VoteOutcome {
  if (ctx.alive.length === 0) return nobodyAlive('EXECUTIONER');
  const executioner = election.executioner;
  const podium = topThree(ctx.alive, ctx.seed);
  const candidates = aliveIds(ctx).filter((id) => !podium.includes(id));
  const opening =
    executioner === null
      ? 'Nobody voted for an executioner, so there was none'
      : `${executioner} was the executioner and was removed before picking`;
  const common = { executioner, tallies: election.tallies };
  if (candidates.length > 0) {
    const fallback = decideBySilver(
      candidates,
      'lowest',
      ctx.alive,
      ctx.seed,
      executioner === null ? 'NO_VOTES_LOWEST_SILVER' : 'NO_PICK_LOWEST_SILVER',
      opening,
    )!;
    return makeOutcome('EXECUTIONER', {
      ...common,
      out: fallback.playerId,
      immune: podium,
      reason: fallback.reason,
      explanation: fallback.explanation,
    });
  }
  const fallback = decideBySilver(aliveIds(ctx), 'lowest', ctx.alive, ctx.seed, 'TOO_FEW_ALIVE_LOWEST_SILVER', opening)!;
  return makeOutcome('EXECUTIONER', {
    ...common,
    out: fallback.playerId,
    reason: fallback.reason,
    explanation: fallback.explanation,
  });
}

/** The EXECUTIONER vote rule, with `elect` for the step between the election and the pick. */
export const executionerRule: ExecutionerRule = {
  type: 'EXECUTIONER',
  ballotKinds: ['elect', 'pick'],
  canVote: canVoteExecutioner,
  targets: executionerTargets,
  elect: electExecutioner,
  decideWithoutExecutioner,
  decide: decideExecutioner,
  minAlive: 5,
  summary:
    'Two steps. First, every alive player votes to elect an executioner among the alive (themself included); ' +
    'most votes wins and a tie goes to the least silver among the tied. Then the executioner alone picks who is ' +
    'out, among the alive players outside the top 3 by silver, never themself. If the executioner picks nobody ' +
    'by the close, the player they could have picked with the least silver is out. The top 3 and the ' +
    'executioner are immune. With no election votes there is no executioner, and nobody is immune for it: ' +
    'the least silver among the alive players outside the top 3 is out; the same when the host removes the ' +
    'executioner before the pick. Equal silver is settled by the day’s seeded draw.',
};

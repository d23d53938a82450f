/**
 * Ballots as the vote child sees them: which fields are open at each step, whether a ballot may be
 * cast, and how the latest ballot replaces the earlier one. Pure, over the vote rules.
 */
import type { Ballot, BallotKind, Ballots, ExecutionerRule, VoteContext, VoteRule } from '../../rules';
import { refusal, type Refusal } from '../refusals';

/** A vote's steps: an election first on days whose rule elects (EXECUTIONER), then the ballot. */
export type VoteStep = 'election' | 'ballot';

export const BALLOT_KINDS: readonly BallotKind[] = ['target', 'trust', 'elect', 'pick'];

/** Whether the rule elects someone before the ballot (EXECUTIONER's step 1). */
export function holdsElection(rule: VoteRule): rule is ExecutionerRule {
  return rule.ballotKinds.includes('elect') && typeof (rule as Partial<ExecutionerRule>).elect === 'function';
}

/** The ballot fields a step accepts. */
export function openKinds(rule: VoteRule, step: VoteStep): BallotKind[] {
  return step === 'election' ? ['elect'] : rule.ballotKinds.filter((kind) => kind !== 'elect');
}

/** The fields a ballot fills, in a stable order. */
export function filledKinds(ballot: Ballot): BallotKind[] {
  return BALLOT_KINDS.filter((kind) => typeof ballot[kind] === 'string');
}

/** Only the ballot fields, whatever else the event carried. */
export function ballotOf(source: Ballot): Ballot {
  const ballot: Ballot = {};
  for (const kind of filledKinds(source)) ballot[kind] = source[kind];
  return ballot;
}

/** Why `voterId` may not cast `ballot` at this step; null when they may. Checks in this order. */
export function checkBallot(
  rule: VoteRule,
  step: VoteStep,
  voteContext: VoteContext,
  voterId: string,
  ballot: Ballot,
  executioner: string | null,
): Refusal | null {
  if (rule.ballotKinds.length === 0) {
    return refusal('NOT_ELIGIBLE', `Nobody votes in ${rule.type}: the result follows from silver alone.`);
  }
  const kinds = filledKinds(ballot);
  const expected = rule.ballotKinds.join(' and ');
  if (kinds.length === 0) return refusal('INVALID_BALLOT', `Today's ${rule.type} vote takes ${expected}.`);
  const open = openKinds(rule, step);
  for (const kind of kinds) {
    if (!rule.ballotKinds.includes(kind)) {
      return refusal('INVALID_BALLOT', `Today's ${rule.type} vote takes ${expected}, not ${kind}.`);
    }
    if (!open.includes(kind)) {
      return refusal(
        'NOT_ALLOWED_NOW',
        step === 'election' ? `The election comes first; ${kind} opens after it.` : `The ${kind} step is over.`,
      );
    }
  }
  for (const kind of kinds) {
    if (!rule.canVote(voteContext, voterId, kind, executioner)) {
      return refusal('NOT_ELIGIBLE', `You may not cast a ${kind} ballot in this ${rule.type} vote.`);
    }
    if (!rule.targets(voteContext, voterId, kind, executioner).includes(ballot[kind]!)) {
      return refusal('INVALID_TARGET', `You cannot name ${ballot[kind]} as ${kind} in this vote.`);
    }
  }
  return null;
}

/** A voter's latest value of each field replaces the earlier one; fields not sent are kept. */
export function withBallot(ballots: Readonly<Record<string, Ballot>>, voterId: string, ballot: Ballot): Record<string, Ballot> {
  return { ...ballots, [voterId]: { ...ballots[voterId], ...ballotOf(ballot) } };
}

/**
 * The ballots to decide with once an election has closed. The rule re-runs the election from the
 * 'elect' fields at close, when silver (its tie-break) may have moved since the executioner was
 * announced; pinning the ballots to one self-election keeps the announced executioner.
 */
export function pinElection(ballots: Ballots, executioner: string): Ballots {
  const pinned: Record<string, Ballot> = {};
  for (const [voterId, ballot] of Object.entries(ballots)) {
    const { elect: _elect, ...rest } = ballot;
    pinned[voterId] = rest;
  }
  pinned[executioner] = { ...pinned[executioner], elect: executioner };
  return pinned;
}

/** Building {@link VoteOutcome}s: every field present, defaults for the fields a vote type leaves unused. */
import type { OutcomeReason, VoteOutcome, VoteType } from './types';

type OutcomeFields = Pick<VoteOutcome, 'out' | 'reason' | 'explanation'> & Partial<Omit<VoteOutcome, 'type'>>;

/** An outcome of `type`: winner and executioner null, ranking, immune and tallies empty unless given. */
export function makeOutcome(type: VoteType, fields: OutcomeFields): VoteOutcome {
  return {
    type,
    winner: null,
    ranking: [],
    immune: [],
    executioner: null,
    tallies: {},
    ...fields,
  };
}

/** The outcome when nobody is alive: nobody to eliminate or crown. Only reachable with a broken roster. */
export function nobodyAlive(type: VoteType): VoteOutcome {
  const reason: OutcomeReason = 'NOBODY_ALIVE';
  return makeOutcome(type, { out: null, reason, explanation: 'Nobody was alive, so nobody was decided.' });
}

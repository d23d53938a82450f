/**
 * The vote child (`src: 'vote'`, id `vote`): one per day, invoked when the vote opens. It keeps the
 * secret ballots, checks each against the day's rule, and decides when the day closes the vote. It
 * has no clock: the day's chart tells it when the election and the vote close, and sends the
 * standings (alive players and silver) of that moment with every event.
 */
import { assign, emit, setup } from 'xstate';
import type { RoomEffect } from '../../../machine-version';
import { VOTE_RULES, type Ballot, type Election, type VoteContext, type VoteOutcome, type VoteType } from '../../rules';
import { journalFact } from '../journal';
import { refuseEffect } from '../refusals';
import { checkBallot, holdsElection, pinElection, withBallot, type VoteStep } from './ballots';

export interface BallotBoxInput {
  day: number;
  voteType: VoteType;
}

export interface BallotBoxContext {
  day: number;
  voteType: VoteType;
  /** Secret until the vote is revealed: voter → latest ballot. */
  ballots: Record<string, Ballot>;
  /** EXECUTIONER: the election's result, public once announced. */
  election: Election | null;
  outcome: VoteOutcome | null;
}

export type BallotBoxEvent =
  | { type: 'vote.cast'; voterId: string; ballot: Ballot; voteContext: VoteContext }
  | { type: 'vote.closeElection'; voteContext: VoteContext }
  | { type: 'vote.close'; voteContext: VoteContext };

export interface BallotBoxOutput {
  outcome: VoteOutcome;
  ballots: Record<string, Ballot>;
}

const ruleOf = (context: BallotBoxContext) => VOTE_RULES[context.voteType];

/**
 * The rule's decision at close. After an election the announced result stands: no executioner, or
 * one the host removed before the pick, means nobody picks (the rule's fallback); an alive one is
 * pinned, so silver moving the election's tie-break since cannot change who it is.
 */
function decide(context: BallotBoxContext, voteContext: VoteContext): VoteOutcome {
  const rule = ruleOf(context);
  const election = context.election;
  if (!election || !holdsElection(rule)) return rule.decide(voteContext, context.ballots);
  const executioner = election.executioner;
  if (executioner === null || !voteContext.alive.some((c) => c.playerId === executioner)) {
    return rule.decideWithoutExecutioner(voteContext, election);
  }
  const outcome = rule.decide(voteContext, pinElection(context.ballots, executioner));
  return { ...outcome, tallies: election.tallies };
}

export const ballotBoxMachine = setup({
  types: {
    input: {} as BallotBoxInput,
    context: {} as BallotBoxContext,
    events: {} as BallotBoxEvent,
    output: {} as BallotBoxOutput,
    emitted: {} as RoomEffect,
  },
  guards: {
    holdsElection: ({ context }) => holdsElection(ruleOf(context)),
    ballotRefused: ({ context, event }, params: { step: VoteStep }) =>
      event.type === 'vote.cast' &&
      checkBallot(ruleOf(context), params.step, event.voteContext, event.voterId, event.ballot, context.election?.executioner ?? null) !==
        null,
  },
  actions: {
    refuseBallot: emit(({ context, event }, params: { step: VoteStep }) => {
      if (event.type !== 'vote.cast') throw new Error(`refuseBallot on ${event.type}`);
      const why = checkBallot(
        ruleOf(context),
        params.step,
        event.voteContext,
        event.voterId,
        event.ballot,
        context.election?.executioner ?? null,
      )!;
      return refuseEffect(event.voterId, why);
    }),
    recordBallot: assign({
      ballots: ({ context, event }) =>
        event.type === 'vote.cast' ? withBallot(context.ballots, event.voterId, event.ballot) : context.ballots,
    }),
    electExecutioner: assign({
      election: ({ context, event }) => {
        const rule = ruleOf(context);
        return holdsElection(rule) && event.type !== 'vote.cast' ? rule.elect(event.voteContext, context.ballots) : null;
      },
    }),
    announceExecutioner: emit(({ context }) =>
      journalFact('vote.executionerElected', {
        day: context.day,
        executioner: context.election?.executioner ?? null,
        reason: context.election?.reason ?? null,
        tallies: context.election?.tallies ?? {},
      }),
    ),
    decide: assign({
      outcome: ({ context, event }) => (event.type === 'vote.cast' ? context.outcome : decide(context, event.voteContext)),
    }),
  },
}).createMachine({
  id: 'vote',
  context: ({ input }) => ({ day: input.day, voteType: input.voteType, ballots: {}, election: null, outcome: null }),
  initial: 'opening',
  states: {
    opening: {
      always: [{ guard: 'holdsElection', target: 'electing' }, { target: 'balloting' }],
    },
    electing: {
      on: {
        'vote.cast': [
          {
            guard: { type: 'ballotRefused', params: { step: 'election' } },
            actions: { type: 'refuseBallot', params: { step: 'election' } },
          },
          { actions: 'recordBallot' },
        ],
        'vote.closeElection': { target: 'balloting', actions: ['electExecutioner', 'announceExecutioner'] },
        // Closed before the election was: elect now, then decide (nobody had the chance to pick).
        'vote.close': { target: 'decided', actions: ['electExecutioner', 'announceExecutioner', 'decide'] },
      },
    },
    balloting: {
      on: {
        'vote.cast': [
          { guard: { type: 'ballotRefused', params: { step: 'ballot' } }, actions: { type: 'refuseBallot', params: { step: 'ballot' } } },
          { actions: 'recordBallot' },
        ],
        'vote.close': { target: 'decided', actions: 'decide' },
      },
    },
    decided: { type: 'final' },
  },
  output: ({ context }) => ({ outcome: context.outcome!, ballots: context.ballots }),
});

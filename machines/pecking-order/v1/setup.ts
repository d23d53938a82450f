/**
 * The game machine's vocabulary: its types, and every named guard, action, delay and child the
 * chart refers to. Each implementation is a thin call into a pure function of its concept’s file
 * (chat, dms, transfers, activity, admin, cast); the chart itself is in `machine.ts` and `day.ts`.
 * The activity and the vote are child machines (`activity/pick-box.ts`, `vote/ballot-box.ts`): the
 * day forwards their events, tells them when to close, and applies what they decide.
 */
import { assign, assertEvent, enqueueActions, emit, sendTo, setup, type DoneActorEvent } from 'xstate';
import { ADMIN_SENDER, type RoomEffect } from '../../machine-version';
import { VOTE_RULES } from '../rules';
import { pickBoxMachine, type PickBoxOutput } from './activity/pick-box';
import { afterPicksRevealed } from './activity/reveal';
import { afterAdminCredit, afterAdminEliminate, appliedCredit, checkAdminCredit, checkAdminEliminate } from './admin';
import { isAlive, nextDayIsFinale, pickContextOf, todaysPlan, todaysResult, todaysVoteType, voteContextOf, withElimination } from './cast';
import { checkChatPost, checkChatReply, checkHostMessage, checkMentions, checkReaction, groupMessage, reactionEffect } from './chat';
import { emptyToday, type GameContext, type GameInput } from './context';
import { afterDm, checkDm, dmMessage } from './dms';
import { ECONOMY } from './economy';
import type { GameEvent } from './events';
import { journalFact } from './journal';
import { PHASES, type Phase } from './presets';
import { refusal, refuseEffect, type RefusalCode } from './refusals';
import { afterTransfer, checkTransfer } from './transfers';
import { ballotBoxMachine, type BallotBoxOutput } from './vote/ballot-box';
import { ballotOf, holdsElection } from './vote/ballots';

/** A step the game announces: the day's phases, plus the game's first and last states. */
export type GameStep = 'pregame' | Phase | 'gameOver';

/** Who sent an event: players and the host send; raised events come from the game itself. */
function senderOf(event: GameEvent): string {
  return 'senderId' in event ? event.senderId : ADMIN_SENDER;
}

const todayHoldsElection = (context: GameContext) => {
  const voteType = todaysVoteType(context);
  return voteType !== null && holdsElection(VOTE_RULES[voteType]);
};

export const gameSetup = setup({
  types: {
    context: {} as GameContext,
    input: {} as GameInput,
    events: {} as GameEvent,
    emitted: {} as RoomEffect,
    output: {} as { winner: string | null; ending: GameContext['ending'] },
  },
  actors: { vote: ballotBoxMachine, playerPick: pickBoxMachine },
  delays: {
    pregameEnds: ({ context }) => context.timing.pregame,
    morningEnds: ({ context }) => context.timing.morning,
    socialEnds: ({ context }) => context.timing.social,
    electionEnds: ({ context }) => context.timing.election,
    /** The ballot step: the whole vote, or what the election left of it. */
    votingEnds: ({ context }) => (todayHoldsElection(context) ? context.timing.voting - context.timing.election : context.timing.voting),
    resultsEnds: ({ context }) => context.timing.results,
    nightEnds: ({ context }) => context.timing.night,
  },
  guards: {
    isAdminScheduled: ({ context }) => context.scheduling === 'ADMIN',
    nextDayIsFinale: ({ context }) => nextDayIsFinale(context),
    todayHoldsElection: ({ context }) => todayHoldsElection(context),
    todayHasActivity: ({ context }) => todaysPlan(context)?.activity != null,
    chatRefused: ({ context, event }) =>
      event.type === 'chat.post' &&
      (checkChatPost(context, event.senderId, event.text) ?? checkMentions(context, event.senderId, event.mentions)) !== null,
    replyRefused: ({ context, event }) =>
      event.type === 'chat.reply' &&
      (checkChatReply(context, event.senderId, event.text, event.message) ?? checkMentions(context, event.senderId, event.mentions)) !==
        null,
    reactionRefused: ({ context, event }) => event.type === 'chat.react' && checkReaction(context, event.senderId, event.message) !== null,
    dmRefused: ({ context, event }) => event.type === 'dm.send' && checkDm(context, event.senderId, event.to, event.text) !== null,
    transferRefused: ({ context, event }) =>
      event.type === 'silver.transfer' && checkTransfer(context, event.senderId, event.to, event.amount) !== null,
    eliminationRefused: ({ context, event }) => event.type === 'admin.eliminate' && checkAdminEliminate(context, event.playerId) !== null,
    creditRefused: ({ context, event }) =>
      event.type === 'admin.credit' && checkAdminCredit(context, event.playerId, event.amount) !== null,
    hostMessageRefused: ({ event }) => event.type === 'admin.hostMessage' && checkHostMessage(event.text) !== null,
  },
  actions: {
    /** Journals the step; entering a day's phase also raises `phase.<name>` for the day's other regions. */
    announce: enqueueActions(({ context, enqueue }, params: { step: GameStep }) => {
      enqueue.emit(journalFact('phase.changed', { day: context.day, phase: params.step }));
      if ((PHASES as readonly string[]).includes(params.step)) {
        enqueue.raise({ type: `phase.${params.step as Phase}` });
      }
    }),
    startDay: assign(({ context }) => ({ day: context.day + 1, today: emptyToday() })),
    refuseWith: emit(({ event }, params: { code: RefusalCode; message?: string }) =>
      refuseEffect(senderOf(event), refusal(params.code, params.message)),
    ),

    refuseChat: emit(({ context, event }) => {
      assertEvent(event, 'chat.post');
      return refuseEffect(
        event.senderId,
        (checkChatPost(context, event.senderId, event.text) ?? checkMentions(context, event.senderId, event.mentions))!,
      );
    }),
    postChat: emit(({ event }) => {
      assertEvent(event, 'chat.post');
      return groupMessage(event.senderId, event.text, { mentions: event.mentions });
    }),
    refuseReply: emit(({ context, event }) => {
      assertEvent(event, 'chat.reply');
      const why =
        checkChatReply(context, event.senderId, event.text, event.message) ?? checkMentions(context, event.senderId, event.mentions);
      return refuseEffect(event.senderId, why!);
    }),
    postReply: emit(({ event }) => {
      assertEvent(event, 'chat.reply');
      return groupMessage(event.senderId, event.text, { replyTo: event.replyTo, mentions: event.mentions });
    }),
    refuseReaction: emit(({ context, event }) => {
      assertEvent(event, 'chat.react');
      return refuseEffect(event.senderId, checkReaction(context, event.senderId, event.message)!);
    }),
    react: emit(({ event }) => {
      assertEvent(event, 'chat.react');
      return reactionEffect(event.senderId, event.message!, event.emoji);
    }),

    refuseDm: emit(({ context, event }) => {
      assertEvent(event, 'dm.send');
      return refuseEffect(event.senderId, checkDm(context, event.senderId, event.to, event.text)!);
    }),
    sendDm: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'dm.send');
      enqueue.assign(afterDm(context, event.senderId, event.to, event.text));
      enqueue.emit(dmMessage(event.senderId, event.to, event.text));
    }),

    refuseTransfer: emit(({ context, event }) => {
      assertEvent(event, 'silver.transfer');
      return refuseEffect(event.senderId, checkTransfer(context, event.senderId, event.to, event.amount)!);
    }),
    transferSilver: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'silver.transfer');
      enqueue.assign(afterTransfer(context, event.senderId, event.to, event.amount));
      enqueue.emit(journalFact('silver.transferred', { day: context.day, from: event.senderId, to: event.to, amount: event.amount }));
    }),

    forwardPick: sendTo('activity', ({ context, event }) => {
      assertEvent(event, 'activity.pick');
      return { type: 'activity.pick', pickerId: event.senderId, target: event.target, pickContext: pickContextOf(context) };
    }),
    closeActivity: sendTo('activity', ({ context }) => ({ type: 'activity.close', pickContext: pickContextOf(context) })),
    revealPicks: enqueueActions(({ context, event, enqueue }) => {
      const { picks, result } = (event as unknown as DoneActorEvent<PickBoxOutput>).output;
      enqueue.assign(afterPicksRevealed(context, picks, result));
      enqueue.emit(journalFact('activity.revealed', { day: context.day, picks, rewards: result.rewards, mutualPairs: result.mutualPairs }));
    }),

    forwardBallot: sendTo('vote', ({ context, event }) => {
      assertEvent(event, 'vote.cast');
      return { type: 'vote.cast', voterId: event.senderId, ballot: ballotOf(event), voteContext: voteContextOf(context) };
    }),
    closeElection: sendTo('vote', ({ context }) => ({ type: 'vote.closeElection', voteContext: voteContextOf(context) })),
    closeVote: sendTo('vote', ({ context }) => ({ type: 'vote.close', voteContext: voteContextOf(context) })),
    revealVote: enqueueActions(({ context, event, enqueue }) => {
      const { outcome, ballots } = (event as unknown as DoneActorEvent<BallotBoxOutput>).output;
      enqueue.assign({
        history: [...context.history, { ...outcome, day: context.day }],
        today: { ...context.today, ballots },
      });
      enqueue.emit(journalFact('vote.revealed', { day: context.day, voteType: outcome.type, ballots, outcome }));
    }),

    eliminateVotedOut: enqueueActions(({ context, enqueue }) => {
      const out = todaysResult(context)?.out;
      if (!out || !isAlive(context, out)) return;
      enqueue.assign(withElimination(context, out));
      enqueue.emit(journalFact('player.eliminated', { day: context.day, playerId: out }));
    }),
    growGoldPool: enqueueActions(({ context, enqueue }) => {
      const pool = context.goldPool + ECONOMY.goldPerNight;
      enqueue.assign({ goldPool: pool });
      enqueue.emit(journalFact('gold.poolGrew', { day: context.day, pool }));
    }),

    journalAdvance: emit(({ context }, params: { from: string }) => journalFact('admin.advanced', { day: context.day, from: params.from })),
    refuseElimination: emit(({ context, event }) => {
      assertEvent(event, 'admin.eliminate');
      return refuseEffect(event.senderId, checkAdminEliminate(context, event.playerId)!);
    }),
    eliminateByAdmin: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'admin.eliminate');
      enqueue.assign(afterAdminEliminate(context, event.playerId));
      enqueue.emit(journalFact('admin.eliminated', { day: context.day, playerId: event.playerId }));
    }),
    refuseCredit: emit(({ context, event }) => {
      assertEvent(event, 'admin.credit');
      return refuseEffect(event.senderId, checkAdminCredit(context, event.playerId, event.amount)!);
    }),
    creditByAdmin: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'admin.credit');
      const applied = appliedCredit(context, event.playerId, event.amount);
      enqueue.assign(afterAdminCredit(context, event.playerId, event.amount));
      enqueue.emit(journalFact('admin.credited', { day: context.day, playerId: event.playerId, requested: event.amount, applied }));
    }),
    refuseHostMessage: emit(({ event }) => {
      assertEvent(event, 'admin.hostMessage');
      return refuseEffect(event.senderId, checkHostMessage(event.text)!);
    }),
    postHostMessage: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'admin.hostMessage');
      enqueue.emit(groupMessage(ADMIN_SENDER, event.text));
      enqueue.emit(journalFact('admin.hostMessage', { day: context.day, text: event.text }));
    }),
    endGameByAdmin: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ ending: 'ADMIN' });
      enqueue.emit(journalFact('admin.endedGame', { day: context.day }));
    }),
    /** Game over: after the finale the winner takes the gold pool; a game the host ended has no winner. */
    closeGame: enqueueActions(({ context, enqueue }) => {
      const winner = context.ending === 'ADMIN' ? null : (todaysResult(context)?.winner ?? null);
      const gold = winner ? context.goldPool : 0;
      if (winner) {
        const seat = context.cast[winner]!;
        enqueue.assign({
          cast: { ...context.cast, [winner]: { ...seat, gold: seat.gold + gold } },
          goldPool: 0,
        });
      }
      const ending = context.ending ?? 'FINALS';
      enqueue.assign({ winner, ending });
      enqueue.emit(journalFact('phase.changed', { day: context.day, phase: 'gameOver' }));
      enqueue.emit(journalFact('game.over', { winner, gold, ending }));
    }),
  },
});

/** The chart's way to say "refused here, with this code": the `refuseWith` action with its parameters. */
export function refuseWith(code: RefusalCode, message?: string) {
  return { type: 'refuseWith' as const, params: message === undefined ? { code } : { code, message } };
}

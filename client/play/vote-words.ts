/**
 * How each vote type reads on screen: its name, what a ballot field asks, the verb on a target's
 * button and the noun a tally counts. The rules themselves come with the view (`vote.summary`).
 */
import type { BallotKind, VoteType } from '../../machines/pecking-order/rules/types';
import type { PlayerView, ViewPhase } from '../../machines/pecking-order/v1/projection';
import { dayName } from './day-words';

export const VOTE_NAMES: Readonly<Record<VoteType, string>> = {
  MAJORITY: 'Majority',
  BUBBLE: 'Bubble',
  PODIUM_SACRIFICE: 'Podium sacrifice',
  SHIELD: 'Shield',
  EXECUTIONER: 'Executioner',
  SECOND_TO_LAST: 'Second to last',
  TRUST_PAIRS: 'Trust pairs',
  FINALS: 'Finals',
};

interface BallotWords {
  /** The question above the targets. */
  prompt: string;
  /** The verb on each target's button: "Vote out Ana". */
  verb: string;
  /** What a vote of this kind counts as in the reveal. */
  noun: string;
}

const TARGET_WORDS: Readonly<Record<VoteType, BallotWords>> = {
  MAJORITY: { prompt: 'Who should go tonight?', verb: 'Vote out', noun: 'vote' },
  BUBBLE: { prompt: 'Save one player outside the top 3', verb: 'Save', noun: 'save' },
  PODIUM_SACRIFICE: { prompt: 'Save one of the top 3', verb: 'Save', noun: 'save' },
  SHIELD: { prompt: 'Shield one player', verb: 'Shield', noun: 'shield' },
  EXECUTIONER: { prompt: 'Who should go tonight?', verb: 'Vote out', noun: 'vote' },
  SECOND_TO_LAST: { prompt: 'Nobody votes today', verb: 'Vote', noun: 'vote' },
  TRUST_PAIRS: { prompt: 'Vote one player out', verb: 'Vote out', noun: 'vote' },
  FINALS: { prompt: 'Who deserves to win?', verb: 'Crown', noun: 'jury vote' },
};

const OTHER_KINDS: Readonly<Record<Exclude<BallotKind, 'target'>, BallotWords>> = {
  trust: { prompt: 'Whom do you trust? Two players who trust each other are safe tonight', verb: 'Trust', noun: 'trust' },
  elect: { prompt: 'Elect the executioner', verb: 'Elect', noun: 'vote' },
  pick: { prompt: 'You are the executioner: pick who goes tonight', verb: 'Execute', noun: 'pick' },
};

export function ballotWords(type: VoteType, kind: BallotKind): BallotWords {
  return kind === 'target' ? TARGET_WORDS[type] : OTHER_KINDS[kind];
}

/** The order ballot fields are shown in. */
export const KIND_ORDER: readonly BallotKind[] = ['elect', 'trust', 'target', 'pick'];

/** "1 vote", "3 saves". */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export const PHASE_NAMES: Readonly<Record<ViewPhase, string>> = {
  pregame: 'Before the game',
  morning: 'Morning',
  social: 'Social',
  voting: 'Voting',
  results: 'Results',
  night: 'Night',
  gameOver: 'Game over',
};

/** What a phase means for a player, in one line. */
export const PHASE_HINTS: Readonly<Record<ViewPhase, string>> = {
  pregame: 'Meet the cast in the group chat. DMs and silver open on day 1.',
  morning: 'The group chat is open and silver can move. DMs open in the social phase.',
  social: 'DMs are open; make your deals.',
  voting: 'The vote is open: ballots stay secret until it closes.',
  results: 'The vote is revealed.',
  night: 'Chat and DMs are closed. Tonight someone leaves.',
  gameOver: 'The game is over.',
};

/** The phase's hint for this view: the pregame's names the first day in the view's own word (`round 1`). */
export function phaseHint(view: Pick<PlayerView, 'phase' | 'dayWord'>): string {
  if (view.phase === 'pregame') return `Meet the cast in the group chat. DMs and silver open on ${dayName(view, 1).toLowerCase()}.`;
  return PHASE_HINTS[view.phase];
}

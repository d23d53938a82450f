/**
 * The host's dashboard summary of a `pecking-order@1` game: a pure function of the persisted
 * snapshot, the init and the timers, as the projection is. It says what time will do in words,
 * who has voted (never whom: the ballots stay in the vote child and are not read here beyond
 * which voters filled the open step), the nights' results, and whom each host action applies to.
 */
import type { HostSummary, ProjectionInput } from '../../machine-version';
import { VOTE_RULES, type VoteType } from '../rules';
import { aliveIds, voteContextOf } from './cast';
import type { PeckingOrderInit } from './init-schema';
import { readGameSnapshot, type GameSnapshotView } from './snapshot-reader';
import { filledKinds, openKinds } from './vote/ballots';

const VOTE_WORDS: Record<VoteType, string> = {
  MAJORITY: 'Majority vote',
  BUBBLE: 'Bubble vote',
  PODIUM_SACRIFICE: 'Podium sacrifice',
  SECOND_TO_LAST: 'Second to last',
  SHIELD: 'Shield vote',
  TRUST_PAIRS: 'Trust pairs',
  EXECUTIONER: 'Executioner',
  FINALS: 'The finals',
};

const PHASE_WORDS: Record<string, string> = {
  morning: 'Morning',
  social: 'Social',
  voting: 'Voting',
  results: 'Results',
  night: 'Night',
};

/** What the next timer ends, by where the game is. */
function clockLabel(view: GameSnapshotView): string {
  if (view.stage === 'pregame') return 'Day 1 starts';
  if (view.phase === 'voting') return view.voteStep === 'election' ? 'The election closes' : 'Voting closes';
  if (view.phase === 'morning') return 'The social phase opens';
  if (view.phase === 'social') return 'Voting opens';
  if (view.phase === 'results') return view.stage === 'finale' ? 'The game ends' : 'Night falls';
  return 'The next day starts';
}

function stageWords(view: GameSnapshotView): string {
  if (view.stage === 'pregame') return 'Before day 1';
  if (view.stage === 'gameOver') return 'Game over';
  const phase = view.phase ? (PHASE_WORDS[view.phase] ?? view.phase) : '';
  const step = view.voteStep === 'election' ? ' · the election' : '';
  return `${view.stage === 'finale' ? 'Finale' : `Day ${view.context.day}`} · ${phase}${step}`;
}

/** Reads only the init's roster, like the projection (blitz@1 reuses it). */
export function hostView({ snapshot, init, timers }: Omit<ProjectionInput<Pick<PeckingOrderInit, 'roster'>>, 'playerId'>): HostSummary {
  const view = readGameSnapshot(snapshot);
  const { context, ballotBox } = view;
  const over = view.stage === 'gameOver';
  const due = timers.map((t) => t.dueAt);
  const clock = context.scheduling === 'ADMIN' || over || due.length === 0 ? null : { label: clockLabel(view), dueAt: Math.min(...due) };
  const plan = context.plan[context.day - 1];
  let vote: HostSummary['vote'] = null;
  if (plan && (view.stage === 'day' || view.stage === 'finale')) {
    const rule = VOTE_RULES[plan.voteType];
    const open = view.regions.vote === 'open' && ballotBox !== null && view.voteStep !== null;
    const kinds = open ? openKinds(rule, view.voteStep!) : [];
    const voteContext = voteContextOf(context);
    const executioner = ballotBox?.election?.executioner ?? null;
    const ballots = open ? ballotBox!.ballots : {};
    vote = {
      label: VOTE_WORDS[plan.voteType],
      open,
      // Only who filled a field of the open step: the ballot's content never leaves this function.
      voted: Object.keys(ballots).filter((voter) => filledKinds(ballots[voter]!).some((kind) => kinds.includes(kind))),
      eligible: open
        ? init.roster.map((r) => r.playerId).filter((id) => kinds.some((kind) => rule.canVote(voteContext, id, kind, executioner)))
        : [],
    };
  }
  const alive = over ? [] : [...aliveIds(context)];
  return {
    day: context.day,
    dayCount: context.plan.length,
    stage: stageWords(view),
    clock,
    hostAdvances: context.scheduling === 'ADMIN' && !over,
    cast: init.roster.map(({ playerId, name }) => {
      const seat = context.cast[playerId] ?? { alive: false, silver: 0, gold: 0 };
      return { playerId, name, alive: seat.alive, silver: seat.silver, gold: seat.gold };
    }),
    vote,
    nights: context.history.map((result) => ({
      day: result.day,
      label: VOTE_WORDS[result.type],
      out: result.out,
      text: result.explanation,
    })),
    winner: context.winner,
    // Players still in: the jury can be neither put out again nor use silver. Other refusals
    // (too few players left) depend on the days to come and come back from the machine in words.
    actionTargets: { eliminate: alive, credit: alive },
  };
}

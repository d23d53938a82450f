/**
 * The host's dashboard summary of a blitz game: pecking-order's summary (who has voted, never whom;
 * the results so far; whom each host action applies to), with the stage and the clock in blitz's
 * words: rounds, not days, and no night.
 */
import type { HostSummary, ProjectionInput } from '../../machine-version';
import { hostView as peckingOrderHostView } from '../../pecking-order/v1/host-view';
import type { GameSnapshotView } from '../../pecking-order/v1/snapshot-reader';
import type { BlitzInit } from './init-schema';
import { BLITZ_DAY_WORD } from './projection';
import { asPeckingOrderSnapshot, readBlitzSnapshot } from './snapshot-reader';

const PHASE_WORDS: Record<string, string> = { social: 'Social', voting: 'Voting', results: 'Results' };

function stageWords(view: GameSnapshotView): string {
  if (view.stage === 'pregame') return 'Before round 1';
  if (view.stage === 'gameOver') return 'Game over';
  const phase = view.phase ? (PHASE_WORDS[view.phase] ?? view.phase) : '';
  return `${view.stage === 'finale' ? 'Final' : `Round ${view.context.day}`} · ${phase}`;
}

/** What the next timer ends, by where the game is. */
function clockLabel(view: GameSnapshotView): string {
  if (view.stage === 'pregame') return 'Round 1 starts';
  if (view.phase === 'social') return 'Voting opens';
  if (view.phase === 'voting') return 'Voting closes';
  return view.stage === 'finale' ? 'The game ends' : 'The next round starts';
}

export function blitzHostView({ snapshot, init, timers }: Omit<ProjectionInput<BlitzInit>, 'playerId'>): HostSummary {
  const summary = peckingOrderHostView({ snapshot: asPeckingOrderSnapshot(snapshot), init, timers });
  const view = readBlitzSnapshot(snapshot);
  return {
    ...summary,
    dayWord: BLITZ_DAY_WORD,
    stage: stageWords(view),
    clock: summary.clock && { ...summary.clock, label: clockLabel(view) },
    // Every round already puts one player out, so the rounds left always need everyone still in:
    // the machine refuses every host elimination (CAST_TOO_SMALL), and the dashboard offers none.
    actionTargets: { ...summary.actionTargets, eliminate: [] },
  };
}

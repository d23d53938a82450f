import { describe, expect, it } from 'vitest';
import { catalog } from '../../machines/catalog';
import { chartGraph } from '../chart/chart-graph';
import { estimateWidth } from '../chart/chart-text';
import { chartMarks, drawnChart, transitionOfEdge } from './chart-marks';
import { baseChartOf, checkChart, describeDraft, diffCharts, namesOf } from './chart-source';
import { applyEdit, type DraftEdit } from './draft-edits';

const base = catalog.get('pecking-order@1')!;

function edited(...edits: DraftEdit[]) {
  let chart = baseChartOf(base);
  for (const edit of edits) {
    const result = applyEdit(chart, edit);
    if (!result.ok) throw new Error(result.refusal.message);
    chart = result.chart;
  }
  return chart;
}

const advance = { state: ['pregame'], trigger: { kind: 'on', event: 'admin.advance' }, index: 1 } as const;

describe('the drawn draft', () => {
  it('finds the chart transition behind a drawn arrow', () => {
    const described = describeDraft(base, baseChartOf(base));
    if (!('definition' in described)) throw new Error(described.error);
    const drawn = drawnChart(described.definition.root);
    const edge = [...chartGraph(described.definition.root, estimateWidth).edges.values()].find(
      (e) => e.source === 'game.pregame' && e.target === 'game.day' && e.kind === 'event',
    )!;
    expect(transitionOfEdge(drawn, edge)).toEqual(advance);
    const timer = [...chartGraph(described.definition.root, estimateWidth).edges.values()].find(
      (e) => e.source === 'game.pregame.scheduled' && e.target === 'game.day',
    )!;
    expect(transitionOfEdge(drawn, timer)).toEqual({
      state: ['pregame', 'scheduled'],
      trigger: { kind: 'after', delay: 'pregameEnds' },
      index: 1,
    });
  });

  it('counts a candidate among its own trigger’s, not among every event of the state', () => {
    const chart = {
      id: 'm',
      initial: 'a',
      states: { a: { on: { x: 'b', y: [{ guard: 'isAdminScheduled', target: 'b' }, 'c'] } }, b: {}, c: {} },
    };
    const described = describeDraft(base, chart);
    if (!('definition' in described)) throw new Error(described.error);
    const edge = [...chartGraph(described.definition.root, estimateWidth).edges.values()].find(
      (e) => e.source === 'm.a' && e.target === 'm.c',
    )!;
    expect(transitionOfEdge(drawnChart(described.definition.root), edge)).toEqual({
      state: ['a'],
      trigger: { kind: 'on', event: 'y' },
      index: 1,
    });
  });

  it('colours what the diff lists and outlines the states with problems', () => {
    const chart = edited(
      { type: 'state.add', parent: [], key: 'warmup' },
      { type: 'transition.retarget', ref: advance, target: '#game.warmup' },
      { type: 'transition.add', state: ['warmup'], trigger: { kind: 'on', event: 'admin.advance' }, target: '#game.day' },
      {
        type: 'transition.guard',
        ref: { state: ['warmup'], trigger: { kind: 'on', event: 'admin.advance' }, index: 0 },
        guard: 'noSuchGuard',
      },
    );
    const described = describeDraft(base, chart);
    if (!('definition' in described)) throw new Error(described.error);
    const drawn = drawnChart(described.definition.root);
    const issues = checkChart(chart, namesOf(base));
    expect(issues).toEqual([expect.objectContaining({ statePath: 'game.warmup', kind: 'unknown-guard', name: 'noSuchGuard' })]);
    const marks = chartMarks(drawn, diffCharts(baseChartOf(base), chart), issues);
    expect(marks.stateClass('game.warmup')).toBe(' diff-added has-issue');
    expect(marks.stateClass('game.day')).toBeUndefined();
    const edges = [...chartGraph(described.definition.root, estimateWidth).edges.values()];
    const retargeted = edges.find((e) => e.source === 'game.pregame' && e.target === 'game.warmup')!;
    expect(marks.edgeClass(retargeted)).toBe(' diff-changed');
    const added = edges.find((e) => e.source === 'game.warmup')!;
    expect(marks.edgeClass(added)).toBe(' diff-added');
    const untouched = edges.find((e) => e.source === 'game.pregame' && e.target === 'game.finale')!;
    expect(marks.edgeClass(untouched)).toBeUndefined();
  });

  it('says why a draft XState cannot build cannot be drawn, instead of throwing', () => {
    const chart = edited({ type: 'transition.retarget', ref: advance, target: '#game.nowhere' });
    expect(describeDraft(base, chart)).toEqual({ error: expect.stringContaining('nowhere') });
  });
});

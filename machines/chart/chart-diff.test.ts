import { describe, expect, it } from 'vitest';
import { gameMachine } from '../pecking-order/v1';
import type { ChartNode } from './chart';
import { diffCharts } from './chart-diff';
import { chartOf } from './chart-export';

const base = (): ChartNode => ({
  id: 'game',
  initial: 'day',
  states: {
    day: {
      entry: 'open',
      on: { 'chat.post': [{ guard: 'chatRefused', actions: 'refuseChat' }, { actions: 'postChat' }], 'phase.night': 'night' },
      after: { dayEnds: 'night' },
    },
    night: { type: 'final' },
  },
});

describe('diffCharts', () => {
  it('finds no change between a chart and itself written differently (key order, a list of one)', () => {
    const a = base();
    const b: ChartNode = JSON.parse(JSON.stringify(a));
    b.states!.day!.entry = ['open'];
    b.states!.day!.on!['phase.night'] = { target: 'night' };
    b.states = { night: b.states!.night!, day: b.states!.day! };
    expect(diffCharts(a, b)).toEqual({ same: true, states: [], transitions: [] });
    const shipped = chartOf(gameMachine);
    expect(diffCharts(shipped, JSON.parse(JSON.stringify(shipped))).same).toBe(true);
  });

  it('lists states and transitions added, removed and changed, by path, trigger and index', () => {
    const draft = base();
    const day = draft.states!.day!;
    day.entry = ['open', 'announce'];
    day.on!['chat.post'] = [{ guard: 'chatRefused', actions: 'refuseChat' }];
    day.on!['admin.advance'] = 'dusk';
    day.after = { dayEnds: 'dusk' };
    draft.states!.dusk = { after: { 1000: 'night' } };
    const diff = diffCharts(base(), draft);
    expect(diff.same).toBe(false);
    expect(diff.states).toEqual([
      { path: 'game.day', kind: 'changed', fields: ['entry'] },
      { path: 'game.dusk', kind: 'added' },
    ]);
    expect(diff.transitions.map(({ source, trigger, index, kind }) => [source, trigger, index, kind])).toEqual([
      ['game.day', 'after:dayEnds', 0, 'changed'],
      ['game.day', 'on:admin.advance', 0, 'added'],
      ['game.day', 'on:chat.post', 1, 'removed'],
      ['game.dusk', 'after:1000', 0, 'added'],
    ]);
    expect(diff.transitions[0]).toMatchObject({ before: { target: ['night'] }, after: { target: ['dusk'] } });
    expect(diff.transitions[2]!.before).toEqual({ actions: ['postChat'] });
    // JSON-friendly: survives a round trip as it is.
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });

  it('reports the states of a removed subtree and their transitions as removed', () => {
    const draft = base();
    delete draft.states!.night;
    const diff = diffCharts(base(), draft);
    expect(diff.states).toEqual([{ path: 'game.night', kind: 'removed' }]);
    const back = diffCharts(draft, base());
    expect(back.states).toEqual([{ path: 'game.night', kind: 'added' }]);
  });
});

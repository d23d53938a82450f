import { describe, expect, it } from 'vitest';
import { gameMachine } from '../pecking-order/v1';
import type { ChartImplementationNames, ChartNode } from './chart';
import { implementationNamesOf, implementationsOf } from './chart-binding';
import { checkChart } from './chart-check';
import { chartOf } from './chart-export';

const names: ChartImplementationNames = { guards: ['isOpen', 'isFull'], actions: ['open', 'close'], delays: ['dayEnds'], actors: ['vote'] };

const lobby = (): ChartNode => ({
  id: 'game',
  initial: 'day',
  states: {
    day: {
      initial: 'voting',
      entry: 'open',
      states: {
        voting: {
          invoke: { id: 'vote', src: 'vote', onDone: { target: 'counted', actions: { type: 'close', params: { why: 'done' } } } },
          on: {
            'vote.cast': [
              { guard: 'isFull', target: '#game.night' },
              { guard: { type: 'isOpen' }, actions: ['open'] },
            ],
          },
          after: { dayEnds: '.tally', 1000: 'counted' },
          initial: 'tally',
          states: { tally: {} },
        },
        counted: {
          always: { guard: { type: 'xstate.and', guards: ['isOpen', { type: 'xstate.not', guards: ['isFull'] }] }, target: '#game.night' },
        },
      },
    },
    night: { type: 'final', exit: 'close' },
  },
});

describe('checkChart', () => {
  it('finds nothing wrong with a chart that fits its implementations', () => {
    expect(checkChart(lobby(), names)).toEqual([]);
  });

  it('finds nothing wrong with any shipped chart (pecking-order@1 and its children)', () => {
    for (const machine of [gameMachine, ...Object.values(implementationsOf(gameMachine).actors)] as (typeof gameMachine)[]) {
      expect(checkChart(chartOf(machine), implementationNamesOf(implementationsOf(machine)))).toEqual([]);
    }
  });

  it('names the state and the name of every unknown guard, action, delay and actor', () => {
    const chart = lobby();
    const voting = chart.states!.day!.states!.voting!;
    voting.on!['vote.cast'] = [
      { guard: 'isFul', target: '#game.night' },
      { guard: { type: 'xstate.or', guards: ['isOpen', 'nope'] }, actions: ['opn'] },
    ];
    voting.after = { dayEndz: 'counted' };
    voting.invoke = { id: 'vote', src: 'ballotBox' };
    chart.states!.night!.exit = { type: 'shut', params: {} };
    chart.states!.day!.entry = ['open', 'reopen'];
    const issues = checkChart(chart, names);
    expect(issues.map(({ statePath, kind, name }) => ({ statePath, kind, name }))).toEqual([
      { statePath: 'game.day', kind: 'unknown-action', name: 'reopen' },
      { statePath: 'game.day.voting', kind: 'unknown-guard', name: 'isFul' },
      { statePath: 'game.day.voting', kind: 'unknown-guard', name: 'nope' },
      { statePath: 'game.day.voting', kind: 'unknown-action', name: 'opn' },
      { statePath: 'game.day.voting', kind: 'unknown-delay', name: 'dayEndz' },
      { statePath: 'game.day.voting', kind: 'unknown-actor', name: 'ballotBox' },
      { statePath: 'game.night', kind: 'unknown-action', name: 'shut' },
    ]);
    expect(issues[1]!.message).toBe(
      'State "game.day.voting" on "vote.cast" uses the guard "isFul", which the implementations do not define: add it to setup({ guards }) or correct the name.',
    );
  });

  it('resolves targets as XState does (sibling key, .child, #id and #id.path) and names those that do not resolve', () => {
    const chart = lobby();
    const day = chart.states!.day!;
    day.states!.voting!.on = { a: 'counted', b: '.tally', c: '#game.day.counted', d: 'tally', e: '.counted', f: '#night', g: '#game.dusk' };
    day.states!.counted!.id = 'night'; // an explicit id: `#night` now means this state
    const issues = checkChart(chart, names);
    expect(issues.filter((i) => i.kind === 'unknown-target').map((i) => i.name)).toEqual(['tally', '.counted', '#game.dusk']);
    expect(issues.every((i) => i.statePath === 'game.day.voting')).toBe(true);
  });

  it('refuses an initial state that does not exist, and an invoke without an id', () => {
    const chart = lobby();
    chart.states!.day!.initial = 'vooting';
    (chart.states!.day!.states!.voting!.invoke as { id?: string }).id = undefined;
    const issues = checkChart(chart, names);
    expect(issues.map((i) => [i.statePath, i.kind, i.name])).toEqual([
      ['game.day', 'bad-initial', 'vooting'],
      ['game.day.voting', 'missing-invoke-id', 'vote'],
    ]);
    expect(issues[0]!.message).toContain('not one of its states (voting, counted)');
  });
});

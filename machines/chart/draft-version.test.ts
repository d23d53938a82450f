import { describe, expect, it } from 'vitest';
import { fromPromise, setup } from 'xstate';
import { SimulatedRoom } from '../../engine/testing/simulated-room';
import { makeInit } from '../pecking-order/testing/fixtures';
import { playGame } from '../pecking-order/testing/play';
import { gameMachine, peckingOrderV1 } from '../pecking-order/v1';
import type { ChartNode } from './chart';
import { implementationsOf } from './chart-binding';
import { chartOf } from './chart-export';
import { versionFromChart } from './draft-version';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('versionFromChart', () => {
  it('keeps everything of the base version but the machine, which it builds from the chart', () => {
    const result = versionFromChart(peckingOrderV1, copy(chartOf(gameMachine)));
    if (!('version' in result)) throw new Error(JSON.stringify(result.issues));
    const { machine, ...rest } = result.version;
    const { machine: original, ...base } = peckingOrderV1;
    expect(rest).toEqual(base);
    expect(machine).not.toBe(original);
    expect(Object.keys(machine.implementations.actions).sort()).toEqual(Object.keys(original.implementations.actions).sort());
  });

  it('returns the issues of a chart that does not fit the implementations, naming the state', () => {
    const chart = copy(chartOf(gameMachine));
    chart.states!.pregame!.states!.scheduled!.after = { pregameEndz: '#game.day' };
    const result = versionFromChart(peckingOrderV1, chart);
    expect(result).toEqual({
      issues: [expect.objectContaining({ statePath: 'game.pregame.scheduled', kind: 'unknown-delay', name: 'pregameEndz' })],
    });
  });

  it('returns a target that does not resolve as an issue, where building the machine would throw', () => {
    const chart = copy(chartOf(gameMachine));
    chart.states!.pregame!.on!['admin.advance'] = '#game.dya';
    expect(versionFromChart(peckingOrderV1, chart)).toEqual({
      issues: [expect.objectContaining({ statePath: 'game.pregame', kind: 'unknown-target', name: '#game.dya' })],
    });
  });

  it('refuses a chart the host could not make durable (an invoke without an id), as registration would', () => {
    const chart = copy(chartOf(gameMachine));
    const picking = chart.states!.day!.states!.activity!.states!.picking!;
    picking.invoke = { ...(picking.invoke as { src: string }), id: undefined } as never;
    const result = versionFromChart(peckingOrderV1, JSON.parse(JSON.stringify(chart)));
    expect(result).toEqual({ issues: [expect.objectContaining({ statePath: 'game.day.activity.picking', kind: 'missing-invoke-id' })] });
  });

  it('refuses a chart invoking logic no host can make durable, with what registration would say', () => {
    const base = {
      ...peckingOrderV1,
      machine: setup({ actors: { waiter: fromPromise(async () => 1) } }).createMachine({ id: 'w', initial: 'a', states: { a: {} } }),
    };
    const result = versionFromChart(base, { id: 'w', initial: 'a', states: { a: { invoke: { id: 'p', src: 'waiter' } } } });
    expect(result).toEqual({
      issues: [
        {
          statePath: 'w.a',
          kind: 'not-hostable',
          name: 'w.a',
          message: 'state "w.a": invoke "p" runs "waiter", which is not a state machine: only machine children can be made durable',
        },
      ],
    });
  });

  it('builds a draft child from its chart, and refuses a chart for a child the base does not have', () => {
    const vote = copy(chartOf(implementationsOf(gameMachine).actors.vote as typeof gameMachine));
    const built = versionFromChart(peckingOrderV1, copy(chartOf(gameMachine)), { vote });
    if (!('version' in built)) throw new Error(JSON.stringify(built.issues));
    const child = implementationsOf(built.version.machine).actors.vote;
    expect(child).not.toBe(implementationsOf(gameMachine).actors.vote);
    expect(chartOf(child as typeof gameMachine)).toEqual(vote);

    const broken: ChartNode = { ...vote, initial: 'nowhere' };
    expect(versionFromChart(peckingOrderV1, chartOf(gameMachine), { vote: broken })).toEqual({
      issues: [expect.objectContaining({ statePath: 'vote', kind: 'bad-initial', name: 'nowhere' })],
    });
    expect(versionFromChart(peckingOrderV1, chartOf(gameMachine), { ballotBox: vote })).toEqual({
      issues: [expect.objectContaining({ kind: 'unknown-actor', name: 'ballotBox' })],
    });
  });

  it('runs in the production host: a draft that shortens the pregame plays differently from its base', () => {
    const chart = copy(chartOf(gameMachine));
    chart.states!.pregame!.states!.scheduled!.after = { 500: chart.states!.pregame!.states!.scheduled!.after!.pregameEnds! };
    const result = versionFromChart(peckingOrderV1, chart);
    if (!('version' in result)) throw new Error(JSON.stringify(result.issues));
    const init = makeInit(4);
    const base = new SimulatedRoom({ version: peckingOrderV1, init });
    const draft = new SimulatedRoom({ version: result.version, init });
    expect(draft.timers()[0]!.dueAt).toBe(draft.now + 500);
    expect(base.timers()[0]!.dueAt).toBeGreaterThan(base.now + 500);
    playGame(draft, ['p1', 'p2', 'p3', 'p4']);
    expect(draft.done).toBe(true);
  });
});

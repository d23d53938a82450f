import { describe, expect, it } from 'vitest';
import { and, assign, createActor, not, setup } from 'xstate';
import { gameMachine } from '../pecking-order/v1';
import { implementationsOf, machineFromChart } from './chart-binding';
import { ChartExportError, bindingOf, chartOf, exportChart } from './chart-export';

const lab = setup({
  types: { context: {} as { n: number }, input: {} as { start: number } },
  guards: { small: ({ context }) => context.n < 3, odd: ({ context }) => context.n % 2 === 1 },
  actions: { bump: assign({ n: ({ context }) => context.n + 1 }) },
});

describe('a chart exported from a TypeScript machine', () => {
  it('is JSON, and its binding holds exactly the context, output and child inputs', () => {
    const { chart, binding } = exportChart(gameMachine);
    expect(JSON.parse(JSON.stringify(chart))).toEqual(chart);
    expect(chart).not.toHaveProperty('context');
    expect(chart).not.toHaveProperty('output');
    expect(Object.keys(binding).sort()).toEqual(['context', 'inputs', 'output']);
    expect(Object.keys(binding.inputs!).sort()).toEqual(['playerPick', 'vote']);
    expect(JSON.stringify(chart)).not.toContain('"input"');
  });

  it('fails on any function the binding does not take, naming where it is', () => {
    const inline = lab.createMachine({
      id: 'lab',
      context: { n: 0 },
      on: { go: { actions: assign({ n: 1 }) } },
    });
    expect(() => chartOf(inline)).toThrow(ChartExportError);
    expect(() => chartOf(inline)).toThrow('lab.on.go.actions is a function');
    const inlineGuard = lab.createMachine({
      id: 'lab',
      context: { n: 0 },
      on: { go: { guard: ({ context }) => context.n > 0, actions: 'bump' } },
    });
    expect(() => chartOf(inlineGuard)).toThrow('lab.on.go.guard is a function');
  });

  it('writes higher-order guards as data, and builds them back into guards that behave the same', () => {
    const machine = lab.createMachine({
      id: 'lab',
      context: ({ input }) => ({ n: input.start }),
      on: { go: { guard: and(['small', not('odd')]), actions: 'bump' } },
    });
    const chart = chartOf(machine);
    expect(chart.on!.go).toEqual({
      guard: { type: 'xstate.and', guards: ['small', { type: 'xstate.not', guards: ['odd'] }] },
      actions: 'bump',
    });
    const rebuilt = machineFromChart(JSON.parse(JSON.stringify(chart)), implementationsOf(machine), bindingOf(machine));
    for (const start of [0, 1, 2, 4]) {
      const runs = [machine, rebuilt].map((m) => {
        const actor = createActor(m, { input: { start } }).start();
        actor.send({ type: 'go' });
        return actor.getSnapshot().context.n;
      });
      expect(runs[1], `start ${start}`).toBe(runs[0]);
    }
  });
});

import { fromCallback, fromPromise, setup, createMachine, spawnChild, raise, type AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { catalog } from './catalog';
import { hostableProblems } from './hostable';
import { createRegistry } from './registry';
import type { MachineVersion } from './machine-version';

const child = createMachine({ id: 'child', initial: 'a', states: { a: { after: { 100: 'b' } }, b: {} } });

describe('what a hostable chart may use', () => {
  it('accepts every shipped version', () => {
    for (const version of catalog.list()) expect(hostableProblems(version.machine), `${version.name}@${version.version}`).toEqual([]);
  });

  it('accepts machine children with ids, and every delayed form with defined delays', () => {
    const machine = setup({ actors: { child }, delays: { soon: 10 } }).createMachine({
      id: 'ok',
      initial: 'a',
      states: {
        a: { invoke: { id: 'kid', src: 'child' }, entry: raise({ type: 'x' }, { delay: 'soon' }), after: { soon: 'b', 500: 'b' } },
        b: {},
      },
    });
    expect(hostableProblems(machine)).toEqual([]);
  });

  it('names the state and the form of each problem', () => {
    const machine = setup({
      actors: { child, waiter: fromPromise(async () => 1), ticker: fromCallback(() => () => {}) },
      delays: { soon: 10 },
    }).createMachine({
      // Deliberately what setup's types forbid: the check is for charts that come as data.
      id: 'bad',
      initial: 'a',
      states: {
        a: {
          invoke: [{ src: 'child' }, { id: 'p', src: 'waiter' }, { id: 'c', src: 'ticker' }],
          after: { typo: 'b' },
          entry: [raise({ type: 'x' }, { delay: 'missing' as never }), spawnChild('child')],
        },
        b: { invoke: { id: 'inline', src: createMachine({}) } },
      },
    } as never) as unknown as AnyStateMachine;
    expect(hostableProblems(machine)).toEqual([
      'state "bad.a": invoke needs an explicit id',
      'state "bad.a": invoke "p" runs "waiter", which is not a state machine: only machine children can be made durable',
      'state "bad.a": invoke "c" runs "ticker", which is not a state machine: only machine children can be made durable',
      'state "bad.a": `after` uses the delay "typo", which setup({ delays }) does not define',
      'state "bad.a": a delayed raise uses the delay "missing", which setup({ delays }) does not define',
      'state "bad.a": spawnChild needs an explicit id',
      expect.stringMatching(/^state "bad\.b": invoke "inline" must name its logic in setup\(\{ actors \}\)/),
    ]);
  });

  it('looks into child machines', () => {
    const inner = setup({}).createMachine({ id: 'inner', initial: 'a', states: { a: { after: { later: 'a' } } } } as never);
    const machine = setup({ actors: { inner } }).createMachine({ id: 'outer', invoke: { id: 'i', src: 'inner' } });
    expect(hostableProblems(machine)).toEqual([
      'child "inner": state "inner.a": `after` uses the delay "later", which setup({ delays }) does not define',
    ]);
  });

  it('refuses a chart naming a guard or an action the implementations lack, or a missing target or initial state, naming the state', () => {
    const machine = setup({ guards: { ready: () => true }, actions: { log: () => {} } }).createMachine({
      // Deliberately what setup's types forbid: the check is for charts that come as data.
      id: 'typos',
      initial: 'a',
      states: {
        a: {
          on: {
            go: [
              { guard: 'redy', target: 'b' },
              { guard: 'ready', actions: ['log', 'lgo'] },
            ],
          },
        },
        b: { initial: 'missing', states: { inner: {} }, exit: 'shout' },
      },
    } as never) as unknown as AnyStateMachine;
    expect(hostableProblems(machine)).toEqual([
      'State "typos.a" on "go" uses the guard "redy", which the implementations do not define: add it to setup({ guards }) or correct the name.',
      'State "typos.a" on "go" runs the action "lgo", which the implementations do not define: add it to setup({ actions }) or correct the name.',
      'State "typos.b" starts in "missing", which is not one of its states (inner).',
      'State "typos.b" on exit runs the action "shout", which the implementations do not define: add it to setup({ actions }) or correct the name.',
    ]);
    expect(() => createRegistry([{ ...catalog.list()[0]!, version: 98, machine } as MachineVersion])).toThrow(
      'Machine pecking-order@98 cannot be hosted durably:\n- State "typos.a" on "go" uses the guard "redy"',
    );
    // A target that does not resolve never gets this far from TypeScript: createMachine throws. A
    // chart from data is checked before it is built (versionFromChart), with the state named.
    expect(() => setup({}).createMachine({ id: 'lost', initial: 'a', states: { a: { on: { go: '#lost.nowhere' } } } })).toThrow(/nowhere/);
  });

  it('refuses to register a version that breaks one, with the reasons', () => {
    const broken = {
      ...catalog.list()[0]!,
      version: 99,
      machine: setup({}).createMachine({ id: 'x', after: { never: '.' } }),
    } as MachineVersion;
    expect(() => createRegistry([broken])).toThrow(
      /pecking-order@99 cannot be hosted durably:\n- state "x": `after` uses the delay "never"/,
    );
  });
});

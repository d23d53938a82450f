import { describe, expect, it } from 'vitest';
import { STATELY_INSPECT_VERSION, type InspectionRecord, type StatelyInspectionEvent } from '../../protocol';
import { createMachine } from 'xstate';
import { rootActorEvent, StatelyStream } from './stately-stream';

const base = { rootId: 'root', id: null, createdAt: '1', _version: STATELY_INSPECT_VERSION } as const;
const actor = (sessionId: string): StatelyInspectionEvent => ({
  ...base,
  type: '@xstate.actor',
  sessionId,
  name: sessionId,
  definition: '{}',
});
const snapshot = (sessionId: string, value: string): StatelyInspectionEvent => ({
  ...base,
  type: '@xstate.snapshot',
  sessionId,
  event: { type: 'x' },
  snapshot: { value, status: 'active' },
});
const records = (seq: number, from: number, events: StatelyInspectionEvent[]): InspectionRecord[] =>
  events.map((event, i) => ({ n: from + i, seq, at: 1, event }));

describe('StatelyStream', () => {
  it('gives each actor event the snapshot its actor starts with, else the last known, else active', () => {
    const stream = new StatelyStream();
    const out = stream.add([
      ...records(1, 1, [actor('root'), snapshot('root', 'lobby')]),
      ...records(2, 3, [actor('root/vote')]),
      ...records(3, 4, [snapshot('root', 'day'), actor('root')]),
    ]);
    expect(out.map((e) => e.snapshot)).toEqual([
      { value: 'lobby', status: 'active' },
      { value: 'lobby', status: 'active' },
      { status: 'active' },
      { value: 'day', status: 'active' },
      { value: 'day', status: 'active' },
    ]);
  });

  it('passes on each record once, in order, when a reconnect repeats the history', () => {
    const stream = new StatelyStream();
    const first = records(1, 1, [actor('root'), snapshot('root', 'a')]);
    expect(stream.add(first)).toHaveLength(2);
    const again = [...first, ...records(2, 3, [snapshot('root', 'b')])].reverse();
    expect(stream.add(again).map((e) => e.snapshot?.value)).toEqual(['b']);
    expect(stream.history().map((e) => e.type)).toEqual(['@xstate.actor', '@xstate.snapshot', '@xstate.snapshot']);
  });

  it('keeps at most its limit of events for late receivers, and every actor event', () => {
    const stream = new StatelyStream(3);
    stream.add(records(1, 1, [actor('root'), snapshot('root', 'a'), snapshot('root', 'b'), snapshot('root', 'c'), snapshot('root', 'd')]));
    expect(stream.history().map((e) => (e.type === '@xstate.actor' ? 'actor' : e.snapshot?.value))).toEqual(['actor', 'c', 'd']);
  });

  it('makes up the root actor event a trimmed history lost, from the machine, starting at its first snapshot', () => {
    expect(rootActorEvent(records(1, 1, [actor('root'), snapshot('root', 'a')]), undefined)).toBeNull();
    const machine = createMachine({ id: 'game', initial: 'a', states: { a: {} } });
    const made = rootActorEvent(records(900, 900, [snapshot('root/vote', 'v'), snapshot('root', 'day')]), machine);
    expect(made).toMatchObject({ type: '@xstate.actor', sessionId: 'root', name: 'game', snapshot: { value: 'day' } });
    expect(JSON.parse(made!.definition!)).toMatchObject({ id: 'game', initial: 'a' });
  });
});

/**
 * The host serialises the actor tree only when an actor's snapshot object changed, and hands
 * projections the object it serialised instead of parsing the string again (host.ts `serialise`).
 * These tests fail when either cache goes stale: a change only a child made must still be stored
 * and seen, and a step that changed nothing must store the very same string.
 */
import { assign, emit, sendTo, setup } from 'xstate';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { MachineVersion, RoomEffect, RoomEvent } from '../machines/machine-version';
import { SimulatedRoom } from './testing/simulated-room';

const counter = setup({ types: { context: {} as { n: number } } }).createMachine({
  id: 'counter',
  context: { n: 0 },
  on: { 'count.bump': { actions: assign({ n: ({ context }) => context.n + 1 }) } },
});

const machine = setup({
  types: { context: {} as { notes: number }, events: {} as RoomEvent, emitted: {} as RoomEffect },
  actors: { counter },
}).createMachine({
  id: 'cache-lab',
  context: { notes: 0 },
  invoke: { id: 'counter', src: 'counter' },
  on: {
    // The root only forwards: its own snapshot object stays the same, the child's changes.
    'count.bump': { actions: sendTo('counter', { type: 'count.bump' }) },
    // Only an effect: no snapshot object changes anywhere.
    'count.say': { actions: emit({ type: 'room.journal', kind: 'said', data: {} }) },
    'count.note': { actions: assign({ notes: ({ context }) => context.notes + 1 }) },
    // A new context object that writes the same JSON.
    'count.same': { actions: assign(({ context }) => ({ ...context })) },
  },
});

type Persisted = { context: { notes: number }; children: { counter: { snapshot: { context: { n: number } } } } };

const cacheLabV1: MachineVersion<{ seats: string[] }> = {
  name: 'cache-lab',
  version: 1,
  description: 'A test fixture: a root that forwards to a child, for the host’s serialisation cache.',
  machine,
  initSchema: z.object({ seats: z.array(z.string()) }),
  createInput: () => ({}),
  players: (init) => init.seats.map((seat) => ({ playerId: seat, name: seat })),
  playerEvents: {
    'count.bump': z.object({}).strict(),
    'count.say': z.object({}).strict(),
    'count.note': z.object({}).strict(),
    'count.same': z.object({}).strict(),
  },
  adminEvents: {},
  project: ({ snapshot }) => {
    const persisted = snapshot as Persisted;
    return { notes: persisted.context.notes, n: persisted.children.counter.snapshot.context.n };
  },
};

const room = () => new SimulatedRoom({ version: cacheLabV1, init: { seats: ['ana'] } });

describe('the host’s serialisation cache', () => {
  it('stores and shows a change only a child made', () => {
    const lab = room();
    const result = lab.step({ type: 'player', playerId: 'ana', event: { type: 'count.bump' } });
    expect(result.snapshotChanged).toBe(true);
    expect((JSON.parse(result.state.snapshot) as Persisted).children.counter.snapshot.context.n).toBe(1);
    expect(lab.view('ana')).toEqual({ notes: 0, n: 1 });
    expect(result.views.get('ana')?.view).toEqual({ notes: 0, n: 1 });
    lab.sendAs('ana', 'count.note');
    lab.sendAs('ana', 'count.bump');
    expect(lab.view('ana')).toEqual({ notes: 1, n: 2 });
    // What was stored is what a fresh host restores and projects.
    const restored = new SimulatedRoom({ version: cacheLabV1, init: { seats: ['ana'] }, restoreFrom: lab.stored() });
    expect(restored.view('ana')).toEqual({ notes: 1, n: 2 });
  });

  it('keeps the stored string for a step that changed no snapshot, and still reports its effect', () => {
    const lab = room();
    lab.sendAs('ana', 'count.bump');
    const before = lab.stored().snapshot;
    const result = lab.step({ type: 'player', playerId: 'ana', event: { type: 'count.say' } });
    expect(result.snapshotChanged).toBe(false);
    expect(result.state.snapshot).toBe(before);
    expect(result.transitions).toHaveLength(1);
    expect(result.emitted.map((e) => e.effect.type)).toEqual(['room.journal']);
    expect(result.views.size).toBe(0);
  });

  it('takes a new snapshot object that writes the same JSON as no change: no transition, no views', () => {
    const lab = room();
    lab.sendAs('ana', 'count.note');
    const before = lab.stored();
    const result = lab.step({ type: 'player', playerId: 'ana', event: { type: 'count.same' } });
    expect(result.snapshotChanged).toBe(false);
    expect(result.transitions).toEqual([]);
    expect(result.state).toBe(before);
    expect(result.views.size).toBe(0);
    lab.sendAs('ana', 'count.note');
    expect(lab.view('ana')).toEqual({ notes: 2, n: 0 });
  });

  it('serialises a snapshot only when its state is read, once', () => {
    const lab = room();
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const snapshotsWritten = () => stringify.mock.results.filter((r) => String(r.value).includes('"context"')).length;
      for (let i = 0; i < 5; i++) lab.sendAs('ana', 'count.note');
      lab.sendAs('ana', 'count.bump');
      expect(lab.view('ana')).toEqual({ notes: 5, n: 1 });
      expect(snapshotsWritten()).toBe(0);
      const state = lab.stored();
      expect((JSON.parse(state.snapshot) as Persisted).context.notes).toBe(5);
      expect((JSON.parse(state.snapshot) as Persisted).children.counter.snapshot.context.n).toBe(1);
      expect(snapshotsWritten()).toBe(1);
    } finally {
      stringify.mockRestore();
    }
  });

  it('after a restore, serialises again before trusting anything', () => {
    const lab = room();
    lab.sendAs('ana', 'count.bump');
    const restored = new SimulatedRoom({ version: cacheLabV1, init: { seats: ['ana'] }, restoreFrom: lab.stored() });
    const result = restored.step({ type: 'player', playerId: 'ana', event: { type: 'count.bump' } });
    expect(result.snapshotChanged).toBe(true);
    expect(restored.view('ana')).toEqual({ notes: 0, n: 2 });
  });
});

/**
 * The contract test for the XState internals durable timers rely on (xstate is pinned: a failure
 * here after an upgrade means durable-timers.ts must change with it), and the bridge itself.
 */
import { createActor, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { DurableTimers, ROOT_ACTOR_ID, actorAt, actorPathOf } from './durable-timers';

const child = setup({}).createMachine({
  id: 'child',
  initial: 'a',
  states: { a: { after: { 500: 'b' } }, b: {} },
});

const machine = setup({ actors: { child } }).createMachine({
  id: 'm',
  initial: 'waiting',
  states: {
    waiting: {
      invoke: { id: 'kid', src: 'child' },
      after: { 1000: 'done' },
      on: { LEAVE: 'left' },
    },
    left: {},
    done: {},
  },
});

describe('XState internals the durable timers rely on (xstate 5.33)', () => {
  it('the system scheduler has schedule/cancel and records scheduled events with source, target, event, delay and id', () => {
    const actor = createActor(machine, { id: ROOT_ACTOR_ID, clock: { setTimeout: () => 1, clearTimeout: () => {} } });
    const scheduler = (actor as any).system.scheduler;
    expect(typeof scheduler.schedule).toBe('function');
    expect(typeof scheduler.cancel).toBe('function');
    actor.start();
    const events = Object.values((actor as any).system._snapshot._scheduledEvents) as any[];
    expect(events.map((e) => [e.id, e.delay, e.event.type]).sort()).toEqual([
      ['xstate.after.1000.m.waiting', 1000, 'xstate.after.1000.m.waiting'],
      ['xstate.after.500.child.a', 500, 'xstate.after.500.child.a'],
    ]);
    for (const e of events) expect(Object.keys(e).sort()).toEqual(['delay', 'event', 'id', 'source', 'startedAt', 'target']);
  });

  it('a persisted snapshot holds no scheduled events: restoring drops pending timers (statelyai/xstate#5331)', () => {
    const actor = createActor(machine).start();
    const persisted = actor.getPersistedSnapshot() as any;
    expect(JSON.stringify(persisted)).not.toContain('xstate.after.1000');
    const restored = createActor(machine, { snapshot: persisted, clock: { setTimeout: () => 1, clearTimeout: () => {} } }).start();
    expect(Object.keys((restored as any).system._snapshot._scheduledEvents)).toEqual([]);
  });
});

describe('DurableTimers', () => {
  const start = (now: { t: number }, snapshot?: unknown) => {
    const timers = new DurableTimers(() => now.t);
    const actor = createActor(machine, { id: ROOT_ACTOR_ID, clock: timers.clock, ...(snapshot ? { snapshot } : {}) } as any);
    timers.install(actor);
    actor.start();
    return { timers, actor };
  };

  it('keys timers by actor path and timer id, with absolute due times', () => {
    const { timers, actor } = start({ t: 10_000 });
    expect(timers.list().map((t) => [t.actorPath, t.timerId, t.targetPath, t.dueAt])).toEqual([
      ['root/kid', 'xstate.after.500.child.a', 'root/kid', 10_500],
      ['root', 'xstate.after.1000.m.waiting', 'root', 11_000],
    ]);
    expect(actorPathOf(actorAt(actor, 'root/kid')!)).toBe('root/kid');
    expect(actorAt(actor, 'root/nobody')).toBeUndefined();
  });

  it('fires through XState’s own callback, removes fired timers, and cancels on exit', () => {
    const { timers, actor } = start({ t: 0 });
    const kid = timers.list()[0]!;
    expect(timers.fire({ id: 'wrong-task', payload: kid } as any)).toBe(false);
    const tasks = new Map<string, any>();
    timers.flush({
      schedule: (t: any) => (tasks.set(t.id, t), t),
      cancel: (id: string) => tasks.delete(id),
    } as any);
    const kidTask = [...tasks.values()].find((t) => t.payload.actorPath === 'root/kid');
    expect(timers.fire(kidTask)).toBe(true);
    expect((actor.getSnapshot().children as any).kid.getSnapshot().value).toBe('b');
    expect(timers.fire(kidTask)).toBe(false);
    expect(timers.list().map((t) => t.actorPath)).toEqual(['root']);
    actor.send({ type: 'LEAVE' });
    expect(timers.list()).toEqual([]);
  });

  it('re-arms stored timers after a restore with their original due times', () => {
    const now = { t: 0 };
    const first = start(now);
    const tasks = new Map<string, any>();
    first.timers.flush({ schedule: (t: any) => (tasks.set(t.id, t), t), cancel: (id: string) => tasks.delete(id) } as any);
    const persisted = first.actor.getPersistedSnapshot();

    now.t = 700; // restored 700 ms later, after the child's 500 ms was due
    const timers = new DurableTimers(() => now.t);
    const actor = createActor(machine, { id: ROOT_ACTOR_ID, clock: timers.clock, snapshot: persisted } as any);
    timers.install(actor);
    actor.start();
    timers.rearm(actor, [...tasks.values()]);
    expect(timers.list().map((t) => t.dueAt)).toEqual([500, 1000]);
    expect(timers.dirty).toBe(false);
  });
});

/**
 * The XState behaviours the host relies on, one assertion each (xstate is pinned). When an xstate
 * upgrade changes one, its test here fails and names what engine/ must change with it.
 */
import {
  createActor,
  emit,
  getNextTransitions,
  isMachineSnapshot,
  raise,
  sendParent,
  sendTo,
  setup,
  SimulatedClock,
  type AnyActorRef,
  type InspectionEvent,
} from 'xstate';
import { describe, expect, it } from 'vitest';

const child = setup({}).createMachine({
  id: 'child',
  initial: 'a',
  states: { a: { after: { 500: 'b' }, entry: sendParent({ type: 'HELLO' }, { delay: 200, id: 'hello' }) }, b: {} },
});

const machine = setup({ actors: { child } }).createMachine({
  id: 'm',
  initial: 'waiting',
  states: {
    waiting: {
      invoke: { id: 'kid', src: 'child' },
      entry: [raise({ type: 'ECHO' }, { delay: 300, id: 'echo' }), sendTo('kid', { type: 'POKE' }, { delay: 400, id: 'poke' })],
      after: { 1000: 'done' },
      on: { LEAVE: 'left', HELLO: {}, ECHO: {} },
    },
    left: {},
    done: {},
  },
});

const inert = { setTimeout: () => 0, clearTimeout: () => {} };

function recorded(start: (inspect: (e: InspectionEvent) => void) => AnyActorRef) {
  const events: InspectionEvent[] = [];
  const actor = start((e) => events.push(e));
  const actions = () => events.filter((e) => e.type === '@xstate.action').map((e) => (e as any).action as { type: string; params: any });
  return { actor, events, actions };
}

describe('XState behaviours the host relies on (xstate 5.33)', () => {
  it('an `after` delay is an entry `xstate.raise` with a numeric delay and the id xstate.after.<delay>.<state id>, reported by @xstate.action', () => {
    const { actions } = recorded((inspect) => createActor(machine, { clock: inert, inspect }).start());
    expect(actions()).toContainEqual({
      type: 'xstate.raise',
      params: { event: { type: 'xstate.after.1000.m.waiting' }, id: 'xstate.after.1000.m.waiting', delay: 1000 },
    });
  });

  it('a delayed raise reports its event, id and resolved delay in @xstate.action params', () => {
    const { actions } = recorded((inspect) => createActor(machine, { clock: inert, inspect }).start());
    expect(actions()).toContainEqual({ type: 'xstate.raise', params: { event: { type: 'ECHO' }, id: 'echo', delay: 300 } });
  });

  it('a delayed sendTo reports its target ref (resolved even for a child invoked in the same step), event, id and delay', () => {
    const { actor, actions } = recorded((inspect) => createActor(machine, { clock: inert, inspect }).start());
    const send = actions().find((a) => a.type === 'xstate.sendTo' && a.params.id === 'poke')!;
    expect(send.params).toMatchObject({ event: { type: 'POKE' }, delay: 400, to: actor.getSnapshot().children.kid });
  });

  it('a delayed sendParent is a sendTo whose target is the parent ref', () => {
    const { actor, events } = recorded((inspect) => createActor(machine, { clock: inert, inspect }).start());
    const fromChild = events.find((e) => e.type === '@xstate.action' && (e as any).action.params?.id === 'hello') as any;
    expect(fromChild.action.params.to).toBe(actor);
  });

  it('leaving a state cancels its `after` with an `xstate.cancel` whose params.sendId is the timer id', () => {
    const { actor, actions } = recorded((inspect) => createActor(machine, { clock: inert, inspect }).start());
    actor.send({ type: 'LEAVE' });
    expect(actions()).toContainEqual({ type: 'xstate.cancel', params: { sendId: 'xstate.after.1000.m.waiting' } });
  });

  it('an inert clock means nothing is ever delivered by XState itself', async () => {
    const actor = createActor(machine, { clock: inert }).start();
    await new Promise((r) => setTimeout(r, 20));
    expect(actor.getSnapshot().value).toBe('waiting');
  });

  it('sending an `xstate.after.*` event from outside takes the delayed transition', () => {
    const actor = createActor(machine, { clock: inert }).start();
    actor.send({ type: 'xstate.after.1000.m.waiting' } as never);
    expect(actor.getSnapshot().value).toBe('done');
  });

  it('a persisted snapshot holds no scheduled events: restoring drops pending timers (statelyai/xstate#5331)', () => {
    const clock = new SimulatedClock();
    const persisted = createActor(machine, { clock }).start().getPersistedSnapshot();
    const restored = createActor(machine, { clock, snapshot: persisted }).start();
    clock.increment(2_000);
    expect(restored.getSnapshot().value).toBe('waiting');
  });

  it('scheduling an id that is already scheduled makes both fire (which the host’s table prevents)', () => {
    const twice = setup({}).createMachine({
      context: { n: 0 },
      on: { ARM: { actions: raise({ type: 'TICK' }, { delay: 100, id: 'same' }) }, TICK: { actions: ({ context }) => void context.n++ } },
    });
    const clock = new SimulatedClock();
    const actor = createActor(twice, { clock }).start();
    actor.send({ type: 'ARM' });
    actor.send({ type: 'ARM' });
    clock.increment(200);
    expect(actor.getSnapshot().context.n).toBe(2);
  });

  it('a stopped child’s delayed events are dropped without any `xstate.cancel` action', () => {
    const { actor, actions } = recorded((inspect) => createActor(machine, { clock: inert, inspect }).start());
    const before = actions().length;
    actor.send({ type: 'LEAVE' });
    const cancels = actions()
      .slice(before)
      .filter((a) => a.type === 'xstate.cancel')
      .map((a) => a.params.sendId);
    expect(cancels).not.toContain('xstate.after.500.child.a');
  });

  it('getNextTransitions lists the active states’ `after` transitions by their event type', () => {
    const actor = createActor(machine, { clock: inert }).start();
    expect(getNextTransitions(actor.getSnapshot()).map((t) => t.eventType)).toContain('xstate.after.1000.m.waiting');
  });

  it('a snapshot’s `children` maps ids to live actor refs, and child snapshots are machine snapshots', () => {
    const actor = createActor(machine, { clock: inert }).start();
    const kid = actor.getSnapshot().children.kid as AnyActorRef;
    expect(kid.id).toBe('kid');
    expect(isMachineSnapshot(kid.getSnapshot())).toBe(true);
  });

  it('@xstate.actor is reported for every actor, including children restored from a snapshot', () => {
    const persisted = createActor(machine, { clock: inert }).start().getPersistedSnapshot();
    const { events } = recorded((inspect) => createActor(machine, { clock: inert, inspect, snapshot: persisted }));
    expect(events.filter((e) => e.type === '@xstate.actor').map((e) => (e.actorRef as AnyActorRef).id)).toEqual([
      expect.any(String),
      'kid',
    ]);
  });

  it('actor.on("*") receives what an actor emits', () => {
    const m = setup({ types: { emitted: {} as { type: 'room.journal' } } }).createMachine({
      on: { GO: { actions: emit({ type: 'room.journal' }) } },
    });
    const actor = createActor(m, { clock: inert }).start();
    const heard: string[] = [];
    actor.on('*', (e: { type: string }) => heard.push(e.type));
    actor.send({ type: 'GO' });
    expect(heard).toEqual(['room.journal']);
  });

  it('restoring a snapshot that names a state the machine does not have yields status `error`', () => {
    const persisted = createActor(machine, { clock: inert }).start().getPersistedSnapshot() as any;
    const broken = createActor(machine, { clock: inert, snapshot: { ...persisted, value: 'vanished' } });
    expect(broken.getSnapshot().status).toBe('error');
  });
});

import { describe, expect, it } from 'vitest';
import { catalog } from '../../machines/catalog';
import { describeMachine } from '../../machines/definition';
import { InspectionRecord } from '../../protocol';
import { activeStateIds, handledEvents } from '../inspection/active-states';
import { snapshotsAt, transitionsOf } from '../inspection/transitions';
import { sampleInit } from './sample-inputs';
import { Simulation, startSimulation } from './simulation';

const version = catalog.get('pecking-order@1')!;
const facts = { roomId: 'workbench', createdAt: Date.UTC(2026, 0, 1, 8, 0, 0), seed: 'workbench' };

function start(scheduling: 'ADMIN' | 'PRE_SCHEDULED') {
  const init = sampleInit(version) as any;
  init.manifest.scheduling = scheduling;
  return new Simulation(version, init, facts);
}

const rootValue = (sim: Simulation) => snapshotsAt(sim.getSnapshot().records, null).get('root')?.value;

describe('a simulated pecking-order@1', () => {
  it('records its start like a room: the root actor, its init event and snapshot, in Stately shapes', () => {
    const sim = start('PRE_SCHEDULED');
    const { records, timers, now } = sim.getSnapshot();
    expect(records.map((r) => r.event.type)).toEqual(expect.arrayContaining(['@xstate.actor', '@xstate.snapshot']));
    expect(records.every((r) => r.seq === 1 && r.event.rootId === 'root' && r.event._version === '0.7.2')).toBe(true);
    expect(rootValue(sim)).toEqual({ pregame: 'scheduled' });
    expect(timers).toEqual([expect.objectContaining({ actorPath: 'root', event: 'xstate.after.pregameEnds.game.pregame.scheduled' })]);
    expect(timers[0]!.dueAt).toBeGreaterThan(now);
  });

  it('jumps to the next timer and delivers it at its due time', () => {
    const sim = start('PRE_SCHEDULED');
    const due = sim.getSnapshot().timers[0]!.dueAt;
    expect(sim.advanceToNextTimer()).toBe(true);
    expect(sim.getSnapshot().now).toBe(due);
    expect(rootValue(sim)).toMatchObject({ day: { phase: { morning: 'scheduled' } } });
    const last = transitionsOf(sim.getSnapshot().records).at(-1)!;
    expect(last).toMatchObject({ actorPath: 'root', sender: 'timer', from: { pregame: 'scheduled' } });
  });

  it('advances by an amount, delivering every timer on the way at its own time', () => {
    const sim = start('PRE_SCHEDULED');
    const pregame = sim.getSnapshot().timers[0]!.dueAt - sim.getSnapshot().now;
    sim.advanceBy(pregame + 10_000 + 500); // FAST: the morning lasts 10 s
    expect(rootValue(sim)).toMatchObject({ day: { phase: { social: 'scheduled' } } });
    const morningTimer = transitionsOf(sim.getSnapshot().records).filter((t) => t.event.type.startsWith('xstate.after.morningEnds'));
    expect(morningTimer).toHaveLength(1);
    expect(morningTimer[0]!.at).toBe(facts.createdAt + pregame + 10_000);
  });

  it('records a whole game, every child actor included, in the protocol’s record shape', () => {
    const sim = start('PRE_SCHEDULED');
    for (let step = 0; step < 500 && sim.advanceToNextTimer(); step++);
    const { records, status } = sim.getSnapshot();
    expect(status).toBe('done');
    expect(new Set(records.map((r) => r.event.sessionId)).size).toBeGreaterThan(1);
    for (const record of records) {
      const parsed = InspectionRecord.safeParse(record);
      expect(parsed.error?.issues, JSON.stringify(record).slice(0, 300)).toBeUndefined();
      expect(parsed.data).toEqual(record);
    }
  });

  it('plays a vote in ADMIN scheduling: ballots go to the vote child, the result lands in the context', () => {
    const sim = start('ADMIN');
    const definition = describeMachine(version);
    const advance = () => sim.send({ type: 'admin.advance', senderId: 'admin' });
    advance(); // day 1 morning
    advance(); // social
    advance(); // voting (day 1 is MAJORITY: straight to the ballot)
    expect(rootValue(sim)).toMatchObject({ day: { phase: { voting: { ballot: 'heldForAdmin' } }, vote: 'open' } });
    const handled = handledEvents(definition.root, activeStateIds(definition.root, rootValue(sim)));
    expect(handled.has('vote.cast')).toBe(true);
    for (const voter of ['p1', 'p2', 'p3', 'p4']) expect(sim.send({ type: 'vote.cast', senderId: voter, target: 'p5' })).toEqual([]);
    expect(sim.send({ type: 'vote.cast', senderId: 'p5', target: 'p9' })[0]).toMatchObject({ type: 'room.refuse', to: 'p5' });
    // A refused ballot changes nothing, so it is no transition (as in a room); its refusal is an effect.
    expect(sim.getSnapshot().effects.at(-1)).toMatchObject({ actorPath: 'root/vote', effect: { type: 'room.refuse', to: 'p5' } });
    const child = transitionsOf(sim.getSnapshot().records).filter((t) => t.actorPath === 'root/vote');
    expect(child.at(-1)).toMatchObject({ event: { type: 'vote.cast', voterId: 'p4' }, sender: 'root' });
    advance(); // results: the vote closes and is revealed
    const root = snapshotsAt(sim.getSnapshot().records, null).get('root')!;
    expect(root.value).toMatchObject({ day: { phase: { results: 'heldForAdmin' }, vote: 'revealed' } });
    expect((root.context as any).history[0]).toMatchObject({ day: 1, out: 'p5' });
    expect(sim.getSnapshot().effects.map((e) => e.effect)).toContainEqual(
      expect.objectContaining({ type: 'room.journal', kind: 'vote.revealed' }),
    );
  });
});

describe('starting a simulation from typed input', () => {
  it('says what is wrong in words: not JSON, each init issue on its line, or starts', () => {
    expect(startSimulation(version, '{ nope', facts, 'The machine')).toEqual({
      problem: expect.stringMatching(/^The input is not JSON: /),
    });
    const invalid = startSimulation(version, JSON.stringify({ roster: [], manifest: {} }), facts, 'The machine');
    expect('problem' in invalid && invalid.problem.split('\n').length).toBeGreaterThan(0);
    expect('problem' in invalid && invalid.problem).toMatch(/^roster|^manifest|^\(input\)/m);
    const started = startSimulation(version, JSON.stringify(sampleInit(version)), facts, 'The machine');
    expect('simulation' in started && started.simulation.version).toBe(version);
  });

  it('starts every version the catalog lists from its sample input (the workbench offers them all)', () => {
    for (const each of catalog.list()) {
      const started = startSimulation(each, JSON.stringify(sampleInit(each)), facts, 'The machine');
      expect('problem' in started ? started.problem : null, `${each.name}@${each.version}`).toBeNull();
    }
  });
});

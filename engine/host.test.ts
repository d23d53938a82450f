/**
 * The one host's invariants, on the delay-forms and timer-lab fixtures and a simulated clock.
 * Each invariant's test fails when the code that keeps it is removed.
 */
import { describe, expect, it } from 'vitest';
import { timerLabV1 } from './testing/fixtures/timer-lab';
import { delayFormsV1 } from './testing/fixtures/delay-forms';
import { SimulatedRoom } from './testing/simulated-room';
import { GameHost } from './host';
import { RestoreError } from './host-error';

const MS = 1_000;
const forms = (restoreEveryStep = false) =>
  new SimulatedRoom({ version: delayFormsV1, init: { seats: ['ana', 'ben'], ms: MS }, restoreEveryStep });
const lab = (manifest: Partial<{ ringAfterMs: number; tickEveryMs: number; echoAfterMs: number }> = {}) =>
  new SimulatedRoom({
    version: timerLabV1,
    init: {
      roster: [{ playerId: 'ana' }, { playerId: 'ben' }],
      manifest: { ringAfterMs: 60_000, tickEveryMs: 3_600_000, echoAfterMs: 3_600_000, ...manifest },
    },
  });

describe('the host', () => {
  it('delivers every delayed form, root and child, each at its due time, also when restored after every step', () => {
    for (const restoreEveryStep of [false, true]) {
      const room = forms(restoreEveryStep);
      room.sendAs('ana', 'forms.go');
      expect(
        room
          .timers()
          .map((t) => `${t.actorPath} ${t.timerId.replace(/\.\d+\.\d+$/, '.n')}`)
          .sort(),
      ).toEqual([
        'root raised',
        'root to-child',
        'root xstate.after.thrice.delay-forms.running',
        'root xstate.delayed.n',
        'root/helper helper-self',
        'root/helper xstate.after.ms.helper.waiting',
        'root/helper xstate.delayed.n',
      ]);
      const started = room.now;
      room.clock.set(started + MS);
      const due = room.step({ type: 'time' });
      // Due at once: delivered in the order they were scheduled, each as its own transition.
      expect(room.persisted().context.log).toEqual([
        'root raise',
        'child got sendTo',
        'child got sendTo',
        'child raise',
        'child sendParent',
        'child after',
      ]);
      expect(due.transitions.map((t) => t.at - started)).toEqual([MS, MS, MS, MS, MS, MS]);
      room.clock.set(started + 3 * MS);
      room.step({ type: 'time' });
      expect(room.persisted().context.log.at(-1)).toBe('root after');
      expect(room.persisted().value).toBe('rang');
      expect(room.timers(), 'the child stopped with `running`: its timers went with it').toEqual([]);
    }
  });

  it('keeps one timer per actor and id: an id scheduled twice fires once', () => {
    const room = forms();
    room.sendAs('ana', 'forms.go');
    while (room.persisted().value !== 'rang') room.advance();
    room.sendAs('ana', 'forms.twice');
    expect(room.timers().filter((t) => t.timerId === 'twice')).toHaveLength(1);
    room.advance();
    expect(room.persisted().context.log.filter((entry: string) => entry === 'once')).toEqual(['once']);
  });

  it('never lets an input overtake time: due timers are delivered before it, at their own times', () => {
    const room = lab({ ringAfterMs: 10 * MS, tickEveryMs: 3 * MS });
    room.sendAs('ana', 'lab.start');
    const started = room.now;
    room.clock.set(started + 11 * MS);
    const result = room.step({ type: 'player', playerId: 'ben', event: { type: 'lab.poke' } });
    expect(result.transitions.map((t) => (t.cause.type === 'timer' ? t.cause.timer.timerId : t.cause.type))).toEqual([
      'xstate.after.tick.ticker.ticking',
      'xstate.after.tick.ticker.ticking',
      'xstate.after.tick.ticker.ticking',
      'xstate.after.ring.timer-lab.running',
      'event',
    ]);
    expect(result.transitions.map((t) => t.at - started)).toEqual([3 * MS, 6 * MS, 9 * MS, 10 * MS, 11 * MS]);
    expect(room.persisted().context.fired).toEqual(['tick', 'tick', 'tick', 'ring']);
  });

  it('rejects an input while a due timer cannot be delivered, delivers nothing after it, and changes nothing', () => {
    const room = lab({ echoAfterMs: 10 * MS, ringAfterMs: 20 * MS });
    room.sendAs('ana', 'lab.start');
    room.sendAs('ana', 'lab.arm');
    const before = room.stored();
    room.clock.set(room.now + 30 * MS);
    const result = room.step({ type: 'player', playerId: 'ben', event: { type: 'lab.poke' } });
    expect(result.input).toMatchObject({ status: 'rejected', error: { code: 'TIMER_FAILED' } });
    expect(result.failure?.timer.timerId).toBe('echo');
    expect(result.failure?.error.message).toMatch(/bomb/);
    expect(result.transitions).toEqual([]);
    expect(room.stored()).toEqual(before);
    // Tried again, first, on every step.
    expect(room.step({ type: 'time' }).failure?.timer.timerId).toBe('echo');
  });

  it('rolls a failing event back: nothing changes and the host goes on from the last good state', () => {
    const room = lab();
    room.sendAs('ana', 'lab.start');
    const before = room.stored();
    const broken = room.step({ type: 'unchecked', event: { type: 'lab.echo', senderId: 'ana' } });
    expect(broken.input.status).toBe('applied');
    room.sendAs('ana', 'lab.arm');
    const failed = room.step({ type: 'unchecked', event: { type: 'lab.echo', senderId: 'ana' } });
    expect(failed.input).toMatchObject({ status: 'rejected', error: { code: 'MACHINE_ERROR' } });
    expect(room.persisted().context.armed).toBe(true);
    expect(room.stored().seq).toBe(before.seq + 2);
  });

  it('admits only the version’s own events, for its own players, and sets the sender itself', () => {
    const room = lab();
    for (const type of ['constructor', '__proto__', 'toString', 'lab.fly']) {
      expect(room.step({ type: 'player', playerId: 'ana', event: { type } }).input, type).toMatchObject({
        status: 'rejected',
        error: { code: 'INVALID_EVENT' },
      });
    }
    expect(room.step({ type: 'admin', event: { type: 'constructor' } }).input).toMatchObject({ error: { code: 'INVALID_EVENT' } });
    expect(room.step({ type: 'player', playerId: 'zed', event: { type: 'lab.poke' } }).input).toMatchObject({
      error: { code: 'INVALID_EVENT' },
    });
    room.step({ type: 'player', playerId: 'ana', event: { type: 'lab.poke', senderId: 'ben' } });
    expect(room.persisted().context.pokes).toEqual({ ana: 1 });
  });

  it('returns only the views that changed', () => {
    const room = lab();
    expect([...room.results[0]!.views.keys()], 'everyone’s first view').toEqual(['ana', 'ben']);
    expect([...room.step({ type: 'player', playerId: 'ana', event: { type: 'lab.poke' } }).views.keys()]).toEqual(['ana']);
    expect([...room.step({ type: 'player', playerId: 'ana', event: { type: 'lab.say', text: 'hi' } }).views.keys()]).toEqual([]);
    expect([...room.step({ type: 'player', playerId: 'ana', event: { type: 'lab.start' } }).views.keys()]).toEqual(['ana', 'ben']);
  });

  it('tells no views when asked not to, and does everything else the same', () => {
    const quiet = new SimulatedRoom({ version: timerLabV1, init: lab().init, views: false });
    const loud = lab();
    for (const room of [quiet, loud]) {
      room.sendAs('ana', 'lab.start');
      room.sendAs('ben', 'lab.poke');
    }
    expect(quiet.stored()).toEqual(loud.stored());
    expect(quiet.results.every((r) => r.views.size === 0)).toBe(true);
    expect(loud.results.at(-1)!.views.size).toBe(1);
  });

  it('does not rewrite the snapshot for a message-only transition, but counts it', () => {
    const room = lab();
    const before = room.stored();
    const said = room.step({ type: 'player', playerId: 'ana', event: { type: 'lab.say', text: 'hi' } });
    expect(said.snapshotChanged).toBe(false);
    expect(said.state.snapshot).toBe(before.snapshot);
    expect(said.state.seq).toBe(before.seq + 1);
    expect(said.transitions[0]!.effects.map((e) => e.effect.type)).toEqual(['room.message']);
  });

  it('refuses to restore a stored state with a dead timer, naming it', () => {
    const room = lab();
    room.sendAs('ana', 'lab.start');
    const stored = room.stored();
    const dead = { ...stored, timers: [...stored.timers, { ...stored.timers[0]!, actorPath: 'root/ghost', targetPath: 'root/ghost' }] };
    const restore = () => GameHost.restore(timerLabV1, dead, room.init, room.facts, { clock: room.clock });
    expect(restore).toThrow(RestoreError);
    expect(restore).toThrow(/root\/ghost/);
    const stale = {
      ...stored,
      timers: [{ ...stored.timers[0]!, timerId: 'xstate.after.ring.timer-lab.idle', event: { type: 'xstate.after.ring.timer-lab.idle' } }],
    };
    expect(() => GameHost.restore(timerLabV1, stale, room.init, room.facts, { clock: room.clock })).toThrow(
      /no delayed transition of an active state/,
    );
  });

  it('never lets time run backwards, across a restore', () => {
    const room = lab();
    room.clock.set(room.now + 5 * MS);
    room.sendAs('ana', 'lab.poke');
    const stored = room.stored();
    // Another machine's clock, a minute behind.
    const behind = GameHost.restore(timerLabV1, stored, room.init, room.facts, { clock: { now: () => stored.at - 60 * MS } });
    expect(behind.step({ type: 'player', playerId: 'ana', event: { type: 'lab.poke' } }).state.at).toBe(stored.at);
  });
});

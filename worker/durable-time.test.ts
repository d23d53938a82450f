import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { advance, call, initRoom, inRoom, labInit, play, sleep, storedEnvelope, stub, timerTasks } from './test/helpers';

const S = 1_000;
const alarmOf = (room: string) => inRoom(room, (_s, state) => state.storage.getAlarm());
/** The alarm must sit on the earliest task of any kind (timers, journal flushes), or be unset. */
async function expectAlarmOnEarliestTask(room: string): Promise<void> {
  const [alarm, earliest] = await inRoom(room, async (_s, state) => [
    await state.storage.getAlarm(),
    state.storage.sql.exec<{ t: number | null }>('SELECT MIN(time) AS t FROM tasks').one().t,
  ]);
  if (earliest === null || earliest > Date.now()) expect(alarm).toBe(earliest);
  // A task already due (a journal flush) may have its alarm set to "now" by the runtime.
  else expect(alarm).toBeGreaterThanOrEqual(earliest);
}

describe('durable time', () => {
  it('turns an `after` delay into a task row with an absolute due time, and cancels it on leaving the state', async () => {
    await initRoom('time-1', labInit({ ringAfterMs: 100 * S }));
    expect(await timerTasks('time-1')).toEqual([]);
    const before = Date.now();
    expect((await play('time-1', 'ana', { type: 'lab.start' })).type).toBe('ack');
    const tasks = await timerTasks('time-1');
    const ring = tasks.find((t) => t.description === 'root xstate.after.ring.timer-lab.running');
    expect(ring, JSON.stringify(tasks)).toBeDefined();
    expect(ring!.time).toBeGreaterThanOrEqual(before + 100 * S);
    expect(ring!.time).toBeLessThan(Date.now() + 100 * S + 1);
    // Root delayed raise, delayed sendTo into the child, and the child's own `after` are all durable.
    expect(tasks.map((t) => t.description).sort()).toEqual([
      'root echo',
      'root ping',
      'root xstate.after.ring.timer-lab.running',
      'root/ticker xstate.after.tick.ticker.ticking',
    ]);
    await expectAlarmOnEarliestTask('time-1');

    expect((await play('time-1', 'ana', { type: 'lab.stop' })).type).toBe('ack');
    expect(await timerTasks('time-1'), 'timers left after leaving `running`').toEqual([]);
    await expectAlarmOnEarliestTask('time-1');
  });

  it('restores a room evicted mid-delay and fires the transition at its original due time', async () => {
    await initRoom('time-2', labInit({ ringAfterMs: 1_500 }));
    await play('time-2', 'ana', { type: 'lab.start' });
    const [ring] = (await timerTasks('time-2')).filter((t) => t.description.includes('ring'));
    await sleep(400);
    await evictDurableObject(stub('time-2'));
    // Nothing of the object is in memory now; only SQLite and the alarm remain.
    await sleep(Math.max(0, ring!.time - Date.now()) + 600);
    const envelope = await storedEnvelope('time-2');
    expect(envelope?.snapshot.value).toBe('rung');
    expect(envelope?.snapshot.context.fired).toEqual(['ring']);
    const firedAt = await inRoom(
      'time-2',
      (_s, state) => state.storage.sql.exec<{ updated_at: number }>('SELECT updated_at FROM envelope').one().updated_at,
    );
    expect(firedAt).toBeGreaterThanOrEqual(ring!.time);
    expect(firedAt - ring!.time).toBeLessThan(1_000);
  });

  it('fires an overdue timer at once on wake, never dropping it for being late', async () => {
    await initRoom('time-3', labInit({ ringAfterMs: 60 * S }));
    await play('time-3', 'ana', { type: 'lab.start' });
    await advance('time-3', 61 * S);
    await evictDurableObject(stub('time-3'));
    const status = await call('time-3', 'status');
    expect(status.json.value).toBe('rung');
    expect((await storedEnvelope('time-3'))?.snapshot.context.fired).toEqual(['ring']);
  });

  it('delivers two alarms’ worth of root and child timers in due order', async () => {
    await initRoom('time-4', labInit({ tickEveryMs: 30 * S, echoAfterMs: 40 * S, ringAfterMs: 100 * S }));
    await play('time-4', 'ana', { type: 'lab.start' });
    const s = stub('time-4');

    await advance('time-4', 45 * S);
    expect(await runDurableObjectAlarm(s)).toBe(true);
    // tick (child, 30 s), echo (root delayed raise, 40 s), ping→pong (delayed sendTo into the child, 40 s).
    expect((await storedEnvelope('time-4'))?.snapshot.context.fired).toEqual(['tick', 'echo', 'pong']);

    await evictDurableObject(s);
    await advance('time-4', 60 * S);
    expect(await runDurableObjectAlarm(s)).toBe(true);
    const envelope = await storedEnvelope('time-4');
    // Late timers are delivered each at its own due time: the child, re-armed at 30 s, ticks at
    // 60 s and again at 90 s, before the root rings at 100 s. Lateness never shifts the schedule.
    expect(envelope?.snapshot.context.fired).toEqual(['tick', 'echo', 'pong', 'tick', 'tick', 'ring']);
    expect(envelope?.snapshot.value).toBe('rung');
    // Leaving `running` stopped the child: its timers went with it.
    expect(await timerTasks('time-4')).toEqual([]);
  });

  it('delivers nothing twice when an alarm repeats, in the same instance or after eviction', async () => {
    await initRoom('time-5', labInit({ echoAfterMs: 10 * S }));
    await play('time-5', 'ana', { type: 'lab.start' });
    await advance('time-5', 11 * S);
    await runInDurableObject(stub('time-5'), (server) => server.alarm());
    const first = await storedEnvelope('time-5');
    expect(first?.snapshot.context.fired).toEqual(['echo', 'pong']);
    // At-least-once: the runtime may run the alarm handler again, here or in a fresh instance.
    await runInDurableObject(stub('time-5'), (server) => server.alarm());
    await evictDurableObject(stub('time-5'));
    await runInDurableObject(stub('time-5'), (server) => server.alarm());
    const after = await storedEnvelope('time-5');
    expect(after?.snapshot.context.fired).toEqual(['echo', 'pong']);
    expect(after?.seq).toBe(first?.seq);
  });

  it('keeps a timer whose delivery fails, lets nothing overtake it, retries with backoff, and delivers it once a fixed version runs', async () => {
    await initRoom('time-6', labInit({ echoAfterMs: 10 * S }));
    await play('time-6', 'ana', { type: 'lab.start' });
    await play('time-6', 'ana', { type: 'lab.arm' });
    await advance('time-6', 11 * S);
    await runInDurableObject(stub('time-6'), (server) => server.alarm());

    const stuck = await inRoom('time-6', (_s, state) =>
      state.storage.sql
        .exec<{ time: number; attempts: number; last_error: string; payload: string }>(
          "SELECT time, attempts, last_error, payload FROM tasks WHERE description = 'root echo'",
        )
        .one(),
    );
    expect(stuck.attempts).toBe(1);
    expect(stuck.last_error).toMatch(/bomb/);
    // The alarm retries after a backoff (2 s, doubling); the timer itself stays as old as it was.
    const { dueAt } = JSON.parse(stuck.payload);
    expect(stuck.time - dueAt).toBeGreaterThanOrEqual(2_000);
    expect(await alarmOf('time-6')).toBe(stuck.time);
    // The ping→pong, due at the same time but scheduled after the echo, waits behind it.
    expect((await storedEnvelope('time-6'))?.snapshot.context.fired).toEqual([]);
    const status = await call('time-6', 'status');
    expect(status.json.lastError.code).toBe('TIMER_FAILED');

    // An input may not overtake the stuck timer: it is refused, and nothing changes.
    const seq = (await storedEnvelope('time-6'))?.seq;
    expect(await play('time-6', 'ben', { type: 'lab.poke' })).toMatchObject({ type: 'error', code: 'TIMER_FAILED' });
    expect((await storedEnvelope('time-6'))?.seq).toBe(seq);

    // The way out: a version that fixes the bug. The carried timer is delivered under it, then the rest.
    const upgraded = await call('time-6', 'upgrade', { body: { to: 'timer-lab@2' } });
    expect(upgraded.status, JSON.stringify(upgraded.json)).toBe(200);
    expect((await storedEnvelope('time-6'))?.snapshot.context.fired).toEqual(['echo', 'pong']);
    expect((await play('time-6', 'ben', { type: 'lab.poke' })).type).toBe('ack');
  });
});

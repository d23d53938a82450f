import { describe, expect, it } from 'vitest';
import { roomStorageOf } from './room-storage';
import { SqliteScheduler, retryDelay } from './scheduler';
import { inRoom } from './test/helpers';

const T0 = Date.parse('2026-06-01T12:00:00Z');

/** A scheduler over a real room's SQLite, with a clock the test sets. */
function withScheduler<R>(room: string, fn: (scheduler: SqliteScheduler, clock: { now: number }) => R): Promise<R> {
  return inRoom(room, (_server, state) => {
    const clock = { now: T0 };
    return fn(new SqliteScheduler(roomStorageOf(state.storage), () => clock.now), clock);
  });
}

describe('the durable scheduler (partywhen task model over SQLite)', () => {
  it('schedules delayed, scheduled-at and cron tasks with absolute due times', () =>
    withScheduler('sched-1', (scheduler) => {
      const delayed = scheduler.schedule({ kind: 'k', description: 'in 90 s', payload: { n: 1 }, type: 'delayed', delayInSeconds: 90 });
      const at = scheduler.schedule({ kind: 'k', description: 'at 13:00', payload: null, type: 'scheduled', time: T0 + 3_600_000 });
      const cron = scheduler.schedule({ kind: 'k', description: 'every 15 min', payload: [], type: 'cron', cron: '*/15 * * * *' });
      expect(delayed.time).toBe(T0 + 90_000);
      expect(at.time).toBe(T0 + 3_600_000);
      expect(cron.time).toBe(T0 + 15 * 60_000);
      expect(delayed.payload).toEqual({ n: 1 });
      expect(scheduler.nextDueAt()).toBe(T0 + 90_000);
    }));

  it('lists due tasks earliest first, in insertion order on equal times', () =>
    withScheduler('sched-2', (scheduler, clock) => {
      for (const [id, time] of [
        ['c', 30],
        ['a', 10],
        ['b', 10],
        ['d', 99],
      ] as const) {
        scheduler.schedule({ id, kind: 'k', description: id, payload: {}, type: 'scheduled', time: T0 + time });
      }
      clock.now = T0 + 50;
      expect(scheduler.due(clock.now).map((t) => t.id)).toEqual(['a', 'b', 'c']);
    }));

  it('queries and cancels by id, description and kind; rescheduling an id replaces it', () =>
    withScheduler('sched-3', (scheduler) => {
      scheduler.schedule({ id: 'x', kind: 'mail', description: 'remind', payload: 1, type: 'delayed', delayInSeconds: 5 });
      scheduler.schedule({ id: 'y', kind: 'mail', description: 'remind', payload: 2, type: 'delayed', delayInSeconds: 6 });
      scheduler.schedule({ id: 'z', kind: 'other', description: 'other', payload: 3, type: 'delayed', delayInSeconds: 7 });
      expect(scheduler.list({ kind: 'mail' }).map((t) => t.id)).toEqual(['x', 'y']);
      scheduler.schedule({ id: 'x', kind: 'mail', description: 'remind', payload: 9, type: 'delayed', delayInSeconds: 60 });
      expect(scheduler.get('x')).toMatchObject({ payload: 9, time: T0 + 60_000 });
      expect(scheduler.list()).toHaveLength(3);
      expect(scheduler.cancelByDescription('remind')).toBe(2);
      expect(scheduler.cancel('z')).toBe(true);
      expect(scheduler.cancel('z')).toBe(false);
      expect(scheduler.nextDueAt()).toBeNull();
    }));

  it('schedules a task by id only when none with that id waits, which keeps its own time and attempts', () =>
    withScheduler('sched-3b', (scheduler) => {
      const flush = { id: 'f', kind: 'flush', description: 'flush', payload: {}, type: 'scheduled', time: T0 } as const;
      expect(scheduler.scheduleIfAbsent(flush)).toBe(true);
      expect(scheduler.get('f')).toMatchObject({ time: T0, attempts: 0 });
      expect(scheduler.nextDueAt()).toBe(T0);
      const retryAt = scheduler.retryLater(scheduler.get('f')!, T0, new Error('D1 is down'));
      expect(scheduler.nextDueAt()).toBe(retryAt);
      // Backing off: asking again leaves the waiting task (and the known next due time) alone.
      expect(scheduler.scheduleIfAbsent(flush)).toBe(false);
      expect(scheduler.get('f')).toMatchObject({ time: retryAt, attempts: 1, lastError: 'D1 is down' });
      expect(scheduler.nextDueAt()).toBe(retryAt);
      scheduler.complete(scheduler.get('f')!, retryAt);
      expect(scheduler.scheduleIfAbsent(flush)).toBe(true);
      expect(scheduler.nextDueAt()).toBe(T0);
    }));

  it('moves a completed cron task to its next time and removes completed one-shot tasks', () =>
    withScheduler('sched-4', (scheduler, clock) => {
      const cron = scheduler.schedule({ id: 'c', kind: 'k', description: 'hourly', payload: {}, type: 'cron', cron: '0 * * * *' });
      const once = scheduler.schedule({ id: 'o', kind: 'k', description: 'once', payload: {}, type: 'delayed', delayInSeconds: 1 });
      clock.now = T0 + 3_600_000;
      scheduler.complete(cron, clock.now);
      scheduler.complete(once, clock.now);
      expect(scheduler.get('c')?.time).toBe(T0 + 2 * 3_600_000);
      expect(scheduler.get('o')).toBeUndefined();
    }));

  it('keeps a failed task for a retry with doubling backoff, capped', () =>
    withScheduler('sched-5', (scheduler, clock) => {
      let task = scheduler.schedule({ id: 'r', kind: 'k', description: 'flaky', payload: {}, type: 'delayed', delayInSeconds: 0 });
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        times.push(scheduler.retryLater(task, clock.now, new Error(`fail ${i}`)) - clock.now);
        task = scheduler.get('r')!;
      }
      expect(times).toEqual([2_000, 4_000, 8_000]);
      expect(task).toMatchObject({ attempts: 3, lastError: 'fail 2' });
      expect(retryDelay(30)).toBe(5 * 60_000);
    }));

  it('keeps a cron task in its time zone: 09:00 Paris, before and after the clocks change', () =>
    withScheduler('sched-6', (scheduler, clock) => {
      clock.now = Date.parse('2026-03-27T12:00:00Z');
      const daily = scheduler.schedule({
        id: 'd',
        kind: 'k',
        description: 'digest',
        payload: {},
        type: 'cron',
        cron: '0 9 * * *',
        timeZone: 'Europe/Paris',
      });
      expect(new Date(daily.time).toISOString()).toBe('2026-03-28T08:00:00.000Z'); // CET
      expect(daily.timeZone).toBe('Europe/Paris');
      clock.now = daily.time;
      scheduler.complete(scheduler.get('d')!, clock.now);
      expect(new Date(scheduler.get('d')!.time).toISOString()).toBe('2026-03-29T07:00:00.000Z'); // CEST
      const utc = scheduler.schedule({ id: 'u', kind: 'k', description: 'utc', payload: {}, type: 'cron', cron: '@daily' });
      expect(utc.timeZone).toBeNull();
    }));

  it('refuses a cron task it cannot read, and schedules nothing', () =>
    withScheduler('sched-7', (scheduler) => {
      expect(() =>
        scheduler.schedule({ kind: 'k', description: 'bad', payload: {}, type: 'cron', cron: '0 9 * * *', timeZone: 'Nowhere/City' }),
      ).toThrow(/unknown time zone/);
      expect(() => scheduler.schedule({ kind: 'k', description: 'bad', payload: {}, type: 'cron', cron: '@secondly' })).toThrow(
        /once a minute/,
      );
      expect(scheduler.list()).toEqual([]);
    }));

  it('adds the time zone column to a task table made before it existed', () =>
    inRoom('sched-8', (_server, state) => {
      const storage = roomStorageOf(state.storage);
      storage.sql.exec('DROP TABLE IF EXISTS tasks');
      storage.sql.exec(`CREATE TABLE tasks (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
        description TEXT NOT NULL, payload TEXT NOT NULL, type TEXT NOT NULL, time INTEGER NOT NULL, cron TEXT,
        attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, created_at INTEGER NOT NULL)`);
      storage.sql.exec(
        `INSERT INTO tasks (id, kind, description, payload, type, time, created_at) VALUES ('old', 'k', 'old', '{}', 'scheduled', ?, ?)`,
        T0,
        T0,
      );
      const scheduler = new SqliteScheduler(storage, () => T0);
      expect(scheduler.get('old')).toMatchObject({ id: 'old', timeZone: null, time: T0 });
      scheduler.schedule({ id: 'z', kind: 'k', description: 'z', payload: {}, type: 'cron', cron: '0 9 * * *', timeZone: 'Asia/Tokyo' });
      expect(scheduler.get('z')?.timeZone).toBe('Asia/Tokyo');
    }));
  // nextDueAt is remembered between writes (the room re-arms its alarm after every input); each of
  // these fails when a write, or a rolled-back transaction, leaves it stale.
  it('keeps the next due time right across every kind of write, and after a rolled-back transaction', () =>
    inRoom('sched-9', (_server, state) => {
      const storage = roomStorageOf(state.storage);
      const clock = { now: T0 };
      const scheduler = new SqliteScheduler(storage, () => clock.now);
      const at = (id: string, ms: number, description = id) =>
        scheduler.schedule({ id, kind: 'k', description, payload: {}, type: 'scheduled', time: T0 + ms });
      expect(scheduler.nextDueAt()).toBeNull();
      at('a', 100);
      expect(scheduler.nextDueAt()).toBe(T0 + 100);
      at('b', 50, 'shared');
      expect(scheduler.nextDueAt()).toBe(T0 + 50);
      expect(scheduler.cancel('b')).toBe(true);
      expect(scheduler.nextDueAt()).toBe(T0 + 100);
      expect(scheduler.reschedule('a', T0 + 10)).toBe(true);
      expect(scheduler.nextDueAt()).toBe(T0 + 10);
      const retryAt = scheduler.retryLater(scheduler.get('a')!, T0 + 10, new Error('no'));
      expect(scheduler.nextDueAt()).toBe(retryAt);
      at('c', 5, 'shared');
      expect(scheduler.nextDueAt()).toBe(T0 + 5);
      expect(scheduler.cancelByDescription('shared')).toBe(1);
      expect(scheduler.nextDueAt()).toBe(retryAt);
      scheduler.complete(scheduler.get('a')!, retryAt);
      expect(scheduler.nextDueAt()).toBeNull();
      const cron = scheduler.schedule({ id: 'm', kind: 'k', description: 'm', payload: {}, type: 'cron', cron: '*/15 * * * *' });
      expect(scheduler.nextDueAt()).toBe(cron.time);
      scheduler.complete(cron, cron.time);
      expect(scheduler.nextDueAt()).toBe(cron.time + 15 * 60_000);
      // Read inside a transaction that then fails: the room forgets (HostedRoom.restore) and reads again.
      expect(() =>
        storage.transaction(() => {
          at('d', 1);
          expect(scheduler.nextDueAt()).toBe(T0 + 1);
          throw new Error('persist failed');
        }),
      ).toThrow('persist failed');
      scheduler.forget();
      expect(scheduler.nextDueAt()).toBe(cron.time + 15 * 60_000);
    }));
});

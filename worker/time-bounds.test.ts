import { describe, expect, it } from 'vitest';
import { makeInit } from '../machines/pecking-order/testing/fixtures';
import { MAX_START_LEAD_MS } from '../machines/pecking-order/v1/timeline';
import { ROOM_ERRORS } from '../protocol';
import { roomStorageOf } from './room-storage';
import { MAX_TASK_HORIZON_MS, SqliteScheduler } from './scheduler';
import { TestSocket, call, inRoom, initRoom, labInit, storedEnvelope, timerTasks, tokens } from './test/helpers';

const DAY = 86_400_000;
const alarmOf = (room: string) => inRoom(room, (_s, state) => state.storage.getAlarm());
const roomNow = (room: string) => inRoom(room, (server) => (server as any).now() as number);
const peckingOrder = (startAt?: number) => {
  const init = makeInit(5, { preset: 'DEFAULT' });
  return { machine: 'pecking-order@1', ...init, manifest: { ...init.manifest, ...(startAt !== undefined ? { startAt } : {}) } };
};

describe('upper bounds on time', () => {
  it('documents one horizon, well beyond the furthest pecking-order timer', () => {
    expect(MAX_TASK_HORIZON_MS).toBe(365 * DAY);
    expect(ROOM_ERRORS.TIMER_OUT_OF_RANGE.meaning).toContain(`${MAX_TASK_HORIZON_MS / DAY} days`);
    expect(MAX_START_LEAD_MS).toBeLessThan(MAX_TASK_HORIZON_MS);
  });

  it('refuses a pecking-order start more than 30 days after the init, by its path, and stores nothing', async () => {
    for (const [room, startAt] of [
      ['far-1', Date.UTC(2200, 0, 1)],
      ['far-2', Date.UTC(2300, 0, 1)],
      ['far-3', Date.now() + 31 * DAY],
    ] as const) {
      const { status, json } = await call(room, 'init', { body: peckingOrder(startAt) });
      expect(status, room).toBe(400);
      expect(json.error.code).toBe('INVALID_INIT');
      expect(json.error.issues).toEqual([
        { path: 'manifest.startAt', message: expect.stringContaining('at most 30 days after the game is created') },
      ]);
      expect(await storedEnvelope(room)).toBeUndefined();
      expect(await timerTasks(room)).toEqual([]);
      expect(await alarmOf(room)).toBeNull();
      expect((await call(room, 'status')).json.status).toBe('uninitialised');
    }
    // Nothing was kept: the same room takes a sound init afterwards.
    expect((await call('far-1', 'init', { body: peckingOrder() })).status).toBe(201);
  });

  it('accepts a start 29 days ahead, and its first timer is due then', async () => {
    const startAt = Date.now() + 29 * DAY;
    await initRoom('far-4', peckingOrder(startAt));
    const [pregame] = await timerTasks('far-4');
    expect(pregame!.time).toBeGreaterThanOrEqual(startAt);
    expect(pregame!.time).toBeLessThan(startAt + 1_000);
  });

  it('never schedules a timer past the room’s horizon: the transition is refused with TIMER_OUT_OF_RANGE and nothing changes', async () => {
    await initRoom('far-5', labInit({ ringAfterMs: MAX_TASK_HORIZON_MS + DAY }));
    const { players } = await tokens('far-5');
    const socket = await TestSocket.open('far-5', `token=${players.ana}`);
    await socket.next((f) => f.type === 'view');
    const before = await storedEnvelope('far-5');
    socket.send({ type: 'send', ref: 's1', event: { type: 'lab.start' } });
    expect(await socket.next((f) => f.ref === 's1')).toMatchObject({ type: 'error', code: 'TIMER_OUT_OF_RANGE' });
    socket.close();
    expect(await storedEnvelope('far-5')).toEqual(before);
    expect(await timerTasks('far-5')).toEqual([]);
    // The room stays healthy: its alarm is on a task it can set (or none), and it still answers.
    const alarm = await alarmOf('far-5');
    if (alarm !== null) expect(alarm).toBeLessThanOrEqual((await roomNow('far-5')) + MAX_TASK_HORIZON_MS);
    expect((await call('far-5', 'status')).json).toMatchObject({ status: 'running', value: 'idle', timers: [] });
  });

  it('the scheduler refuses tasks beyond the horizon or at no valid time, and takes one at the horizon', () =>
    inRoom('far-6', (_server, state) => {
      const now = Date.parse('2026-12-01T00:00:00Z');
      const scheduler = new SqliteScheduler(roomStorageOf(state.storage), () => now);
      const at = (time: number) => () => scheduler.schedule({ kind: 'k', description: 'd', payload: null, type: 'scheduled', time });
      expect(at(now + MAX_TASK_HORIZON_MS)().time).toBe(now + MAX_TASK_HORIZON_MS);
      for (const time of [now + MAX_TASK_HORIZON_MS + 1, Date.UTC(2300, 0, 1), Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(at(time), String(time)).toThrow(expect.objectContaining({ code: 'TIMER_OUT_OF_RANGE' }));
      }
      expect(scheduler.list().length).toBe(1);
    }));
});

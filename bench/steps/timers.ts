/**
 * Step 5, durable timers: how late timers fire (the room's delivery time `at` from the inspection
 * stream, against the due time `/status` and the stream's statuses announced).
 *
 * Live: rooms of 3 players play TEST-preset PRE_SCHEDULED games (phases of 1–3 s) with nobody
 * connected but an inspector; every phase change is a durable timer (a Durable Object alarm).
 * Day 1 starts at an explicit `startAt`, staggered per room, so the rooms' timers do not coincide.
 *
 * Across a restart: more rooms are created, the server is stopped before their first timer is due
 * and started again; half of those timers fall due while it is down, half after it is back. The
 * rooms are not touched until well after: then their stored history says when each timer was
 * delivered — by its alarm, or only because the inspector's connection woke the room.
 */
import type { BenchContext } from '../context';
import { manifestOf } from '../bot-room';
import { InspectorSocket, type InspectionRecord } from '../inspector-socket';
import { createGame, roomStatus, type RoomStatus, type Target, type TimerStatus } from '../room-api';
import { distribution, type Distribution } from '../stats';

export interface FiredTimer {
  event: string;
  dueAt: number;
  /** When the room delivered it (its clock), ms since the epoch. */
  at: number;
  lateMs: number;
}

export interface TimersResult {
  live: { rooms: number; timers: number; lateness: Distribution; observedLateness: Distribution; missed: number };
  restart: {
    rooms: number;
    /** From stopping the server to its first answer again, s. */
    downSeconds: number;
    /**
     * Timers due while the server was down. `afterBackMs`: delivery − the moment the restarted
     * server first answered a request (negative: the alarm ran while it was still starting).
     */
    overdue: { timers: number; firedByAlarm: number; firedOnConnect: number; lateness: Distribution; afterBackMs: Distribution };
    /** Timers armed before the stop and due after the server was back. */
    armedAcross: { timers: number; firedByAlarm: number; firedOnConnect: number; lateness: Distribution };
    notFired: number;
  } | null;
  /** Live and armed-across-restart timers together: what the target is about. */
  all: Distribution;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const timerKey = (t: Pick<TimerStatus, 'actorPath' | 'event'>) => `${t.actorPath} ${t.event}`;

async function createTimerRoom(target: Target, startAt: number): Promise<string> {
  const game = await createGame(target, {
    players: 3,
    manifest: manifestOf({ players: 3, preset: 'TEST', scheduling: 'PRE_SCHEDULED', startAt }),
  });
  return game.roomId;
}

/** Follows one room's stream: the due times its statuses announce, the deliveries its records show. */
class TimerWatch {
  readonly fired: (FiredTimer & { receivedAt: number })[] = [];
  private readonly pending = new Map<string, TimerStatus>();
  finished = false;

  track(status: RoomStatus): void {
    for (const timer of status.timers) this.pending.set(timerKey(timer), timer);
    if (status.status === 'finished') this.finished = true;
  }

  see(records: InspectionRecord[], receivedAt: number): void {
    for (const record of records) {
      if (record.event.type !== '@xstate.event') continue;
      const key = `${record.event.sessionId} ${record.event.event?.type}`;
      const timer = this.pending.get(key);
      if (!timer) continue;
      this.pending.delete(key);
      this.fired.push({ event: timer.event, dueAt: timer.dueAt, at: record.at, lateMs: record.at - timer.dueAt, receivedAt });
    }
  }
}

async function liveTimers(ctx: BenchContext, rooms: number, wanted: number) {
  const { target, progress } = ctx;
  const watches: TimerWatch[] = [];
  const inspectors: InspectorSocket[] = [];
  const firstStart = Date.now() + 2_000 + rooms * 400;
  try {
    for (let i = 0; i < rooms; i++) {
      progress.update(`live: creating room ${i + 1}/${rooms}`);
      const roomId = await createTimerRoom(target, firstStart + i * 173);
      const watch = new TimerWatch();
      const inspector = await InspectorSocket.open(target.baseUrl, roomId, target.secret, {
        records: true,
        onRecords: (records, at) => watch.see(records, at),
        onStatus: (status) => watch.track(status),
      });
      watch.track(inspector.hello!.status);
      watches.push(watch);
      inspectors.push(inspector);
    }
    const deadline = Date.now() + 90_000;
    for (;;) {
      const fired = watches.reduce((n, w) => n + w.fired.length, 0);
      progress.update(`live: ${fired}/${wanted} timers fired in ${rooms} rooms`);
      if (fired >= wanted || watches.every((w) => w.finished) || Date.now() > deadline) break;
      await sleep(250);
    }
  } finally {
    for (const inspector of inspectors) inspector.close();
  }
  const fired = watches.flatMap((w) => w.fired);
  return {
    rooms,
    timers: fired.length,
    lateness: distribution(fired.map((f) => f.lateMs)),
    observedLateness: distribution(fired.map((f) => f.receivedAt - f.dueAt)),
    missed: Math.max(0, wanted - fired.length),
    fired,
  };
}

async function timersAcrossRestart(ctx: BenchContext, rooms: number) {
  const server = ctx.server!;
  const { target, progress } = ctx;
  const base = Date.now() + 1_000 + rooms * 400;
  const created: { roomId: string; timer: TimerStatus }[] = [];
  for (let i = 0; i < rooms; i++) {
    progress.update(`restart: creating room ${i + 1}/${rooms}`);
    // Half due ~2 s after the stop (while down), half well after the server is back.
    const startAt = i % 2 === 0 ? base + 2_000 + i * 50 : base + (ctx.smoke ? 9_000 : 20_000) + i * 50;
    const roomId = await createTimerRoom(target, startAt);
    const timer = (await roomStatus(target, roomId)).timers[0];
    if (!timer) throw new Error(`room ${roomId} has no timer to watch`);
    created.push({ roomId, timer });
  }
  progress.update('restart: stopping the server');
  const stoppedAt = Date.now();
  const firstDue = Math.min(...created.map((c) => c.timer.dueAt));
  await server.stop();
  // Stay down until every "while down" timer is due.
  const pause = Math.max(0, firstDue + 1_000 + rooms * 50 - Date.now());
  await sleep(pause);
  progress.update('restart: starting the server again');
  await server.restart();
  const backAt = server.readyAt;
  const lastDue = Math.max(...created.map((c) => c.timer.dueAt));
  const lookAt = Math.max(lastDue, backAt) + 5_000;
  while (Date.now() < lookAt) {
    progress.update(`restart: leaving the rooms alone for ${Math.ceil((lookAt - Date.now()) / 1000)} s`);
    await sleep(Math.min(1_000, lookAt - Date.now()));
  }
  const overdue: FiredTimer[] = [];
  const armed: FiredTimer[] = [];
  const byAlarm = { overdue: 0, armed: 0 };
  let notFired = 0;
  for (const [i, { roomId, timer }] of created.entries()) {
    progress.update(`restart: reading room ${i + 1}/${rooms}`);
    const connectedAt = Date.now();
    const inspector = await InspectorSocket.open(target.baseUrl, roomId, target.secret);
    inspector.close();
    const delivery = inspector.hello!.history.find(
      (r) => r.event.type === '@xstate.event' && r.event.sessionId === timer.actorPath && r.event.event?.type === timer.event,
    );
    if (!delivery) {
      notFired++;
      continue;
    }
    const fired = { event: timer.event, dueAt: timer.dueAt, at: delivery.at, lateMs: delivery.at - timer.dueAt };
    // Delivered before this look: by its alarm. At the look: only the connection's catch-up did it.
    const alarm = delivery.at < connectedAt - 20;
    if (timer.dueAt < backAt) {
      overdue.push(fired);
      if (alarm) byAlarm.overdue++;
    } else {
      armed.push(fired);
      if (alarm) byAlarm.armed++;
    }
  }
  return {
    rooms,
    downSeconds: Math.round((backAt - stoppedAt) / 100) / 10,
    overdue: {
      timers: overdue.length,
      firedByAlarm: byAlarm.overdue,
      firedOnConnect: overdue.length - byAlarm.overdue,
      lateness: distribution(overdue.map((f) => f.lateMs)),
      afterBackMs: distribution(overdue.map((f) => f.at - backAt)),
    },
    armedAcross: {
      timers: armed.length,
      firedByAlarm: byAlarm.armed,
      firedOnConnect: armed.length - byAlarm.armed,
      lateness: distribution(armed.map((f) => f.lateMs)),
    },
    notFired,
    armed,
  };
}

export async function timersStep(ctx: BenchContext): Promise<TimersResult> {
  const live = await liveTimers(ctx, ctx.smoke ? 2 : 10, ctx.smoke ? 4 : 100);
  const restart = ctx.server ? await timersAcrossRestart(ctx, ctx.smoke ? 2 : 20) : null;
  const { fired, ...liveSummary } = live;
  const all = [...fired.map((f) => f.lateMs), ...(restart?.armed.map((f) => f.lateMs) ?? [])];
  if (!restart) return { live: liveSummary, restart: null, all: distribution(all) };
  const { armed, ...restartSummary } = restart;
  return { live: liveSummary, restart: restartSummary, all: distribution(all) };
}

/**
 * Durable timers: every delayed event the XState actor system schedules (`after`, delayed `raise`,
 * delayed `sendTo`, in the root and in children) becomes a task row with an absolute due time.
 *
 * Why this exists: XState v5 keeps scheduled events only in memory — `getPersistedSnapshot()` has
 * none, so restoring a snapshot silently drops pending `after` timers (statelyai/xstate#5331).
 *
 * How: the actor gets an inert clock (in-memory timeouts would keep a hibernating object awake and
 * die with it), and the system scheduler's `schedule`/`cancel` are wrapped to keep a table of live
 * timers keyed by actor path + timer id (XState's own keys embed session ids that change between
 * isolates). The room's alarm calls {@link DurableTimers.fire}, which runs XState's own callback,
 * so delivery takes exactly the path an in-memory timeout would. On wake, {@link rearm} schedules
 * the stored timers again with their original due times.
 *
 * This reaches into `actor.system.scheduler`, which is internal: xstate is pinned, and
 * `durable-timers.test.ts` is the contract test for the shape relied on here.
 */
import type { AnyActorRef } from 'xstate';

/** XState's clock shape (not exported by name from 'xstate'). */
interface Clock {
  setTimeout(fn: (...args: any[]) => void, timeout: number): any;
  clearTimeout(id: any): void;
}
import { actorAt, actorPathOf } from '../machines/actor-path';
import type { PortableTimer, TimerView } from '../machines/machine-version';
import type { Scheduler, Task } from './scheduler';

export { ROOT_ACTOR_ID, actorAt, actorPathOf } from '../machines/actor-path';

export const MACHINE_TIMER_TASK = 'machine-timer';

export interface MachineTimerPayload {
  actorPath: string;
  timerId: string;
  targetPath: string;
  event: PortableTimer['event'];
}

interface XStateScheduler {
  schedule(source: AnyActorRef, target: AnyActorRef, event: any, delay: number, id?: string): void;
  cancel(source: AnyActorRef, id: string): void;
}

interface LiveTimer extends PortableTimer {
  handle: number;
  taskId: string;
}

export class RestoreTimerError extends Error {}

const keyOf = (actorPath: string, timerId: string) => `${actorPath}\u0000${timerId}`;

export class DurableTimers {
  /** Give this to `createActor(..., { clock })`: it records callbacks and never fires by itself. */
  readonly clock: Clock;
  private readonly callbacks = new Map<number, () => void>();
  private nextHandle = 1;
  private lastHandle = 0;
  private readonly live = new Map<string, LiveTimer>();
  /** Task id stored in SQLite for each key, as of the last flush. */
  private readonly stored = new Map<string, string>();
  private readonly changed = new Set<string>();
  private restoring: { dueAt: number; taskId: string } | null = null;

  constructor(private readonly now: () => number) {
    this.clock = {
      setTimeout: (fn: (...args: any[]) => void) => {
        const handle = this.nextHandle++;
        this.callbacks.set(handle, fn);
        this.lastHandle = handle;
        return handle;
      },
      clearTimeout: (handle: number) => {
        this.callbacks.delete(handle);
      },
    };
  }

  /** Wraps the actor system's scheduler. Call after `createActor` and before `start`. */
  install(root: AnyActorRef): void {
    const scheduler = (root as any).system.scheduler as XStateScheduler;
    const schedule = scheduler.schedule.bind(scheduler);
    const cancel = scheduler.cancel.bind(scheduler);
    // Mutating the object (not replacing it) matters: XState's cancelAll calls the same object.
    scheduler.schedule = (source, target, event, delay, id = crypto.randomUUID()) => {
      const actorPath = actorPathOf(source);
      const key = keyOf(actorPath, id);
      const previous = this.live.get(key);
      // XState would let both fire when an id is scheduled twice; a durable table keeps one.
      if (previous) this.callbacks.delete(previous.handle);
      schedule(source, target, event, delay, id);
      const restored = this.restoring;
      this.live.set(key, {
        actorPath,
        timerId: id,
        targetPath: actorPathOf(target),
        event: structuredClone(event),
        dueAt: restored ? restored.dueAt : this.now() + delay,
        handle: this.lastHandle,
        taskId: restored ? restored.taskId : `timer-${crypto.randomUUID()}`,
      });
      if (!restored) this.changed.add(key);
    };
    scheduler.cancel = (source, id) => {
      cancel(source, id);
      const key = keyOf(actorPathOf(source), id);
      if (this.live.delete(key)) this.changed.add(key);
    };
  }

  /**
   * Schedules stored timers again after a restore, keeping their due times. Throws
   * {@link RestoreTimerError} when a timer names an actor the restored snapshot does not have.
   */
  rearm(root: AnyActorRef, tasks: readonly Task<MachineTimerPayload>[]): void {
    const scheduler = (root as any).system.scheduler as XStateScheduler;
    for (const task of tasks) {
      const { actorPath, timerId, targetPath, event } = task.payload;
      const source = actorAt(root, actorPath);
      const target = actorAt(root, targetPath);
      if (!source || !target) {
        throw new RestoreTimerError(`timer ${timerId} names actor ${source ? targetPath : actorPath}, which the snapshot does not have`);
      }
      this.restoring = { dueAt: task.time, taskId: task.id };
      try {
        scheduler.schedule(source, target, event, Math.max(0, task.time - this.now()), timerId);
      } finally {
        this.restoring = null;
      }
      this.stored.set(keyOf(actorPath, timerId), task.id);
    }
  }

  /**
   * Delivers the timer a task stands for, through XState's own timeout callback. Returns false
   * (and delivers nothing) when the task is stale: already delivered, cancelled or replaced.
   */
  fire(task: Task<MachineTimerPayload>): boolean {
    const key = keyOf(task.payload.actorPath, task.payload.timerId);
    const timer = this.live.get(key);
    if (!timer || timer.taskId !== task.id) return false;
    const callback = this.callbacks.get(timer.handle);
    this.live.delete(key);
    this.changed.add(key);
    this.callbacks.delete(timer.handle);
    callback?.();
    return callback !== undefined;
  }

  /** Writes the timers that changed since the last flush (inside the persist transaction); returns the bytes written. */
  flush(scheduler: Scheduler): number {
    let bytes = 0;
    for (const key of this.changed) {
      const storedId = this.stored.get(key);
      const timer = this.live.get(key);
      if (storedId && storedId !== timer?.taskId) {
        scheduler.cancel(storedId);
        this.stored.delete(key);
      }
      if (timer && storedId !== timer.taskId) {
        const payload: MachineTimerPayload = {
          actorPath: timer.actorPath,
          timerId: timer.timerId,
          targetPath: timer.targetPath,
          event: timer.event,
        };
        bytes += JSON.stringify(payload).length;
        scheduler.schedule({
          id: timer.taskId,
          kind: MACHINE_TIMER_TASK,
          description: `${timer.actorPath} ${timer.timerId}`,
          payload,
          type: 'scheduled',
          time: timer.dueAt,
        });
        this.stored.set(key, timer.taskId);
      }
    }
    this.changed.clear();
    return bytes;
  }

  get dirty(): boolean {
    return this.changed.size > 0;
  }

  /** Live timers, earliest first. */
  list(): PortableTimer[] {
    return [...this.live.values()]
      .sort((a, b) => a.dueAt - b.dueAt)
      .map(({ actorPath, timerId, targetPath, event, dueAt }) => ({ actorPath, timerId, targetPath, event, dueAt }));
  }

  views(): TimerView[] {
    return this.list().map(({ actorPath, timerId, event, dueAt }) => ({ actorPath, timerId, event: event.type, dueAt }));
  }
}

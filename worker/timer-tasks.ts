/**
 * Durable timers as scheduler tasks: one task row per timer of the host's table (kind
 * `machine-timer`), so the room's single alarm covers machine time and its own work alike.
 *
 * The task's `time` is when the alarm should next try it: the timer's due time, or later after a
 * failed delivery (backoff). The due time itself travels in the payload, because it is what the
 * host orders and delivers by: a retried timer is still as old as it was.
 */
import type { PortableTimer } from '../machines/machine-version';
import type { Scheduler, Task } from './scheduler';

export const MACHINE_TIMER_TASK = 'machine-timer';

export interface MachineTimerPayload {
  actorPath: string;
  timerId: string;
  targetPath: string;
  event: PortableTimer['event'];
  /** Absent in rows written before due times moved into the payload: then `time` is the due time. */
  dueAt?: number;
}

/** A stable task id per timer key, so writing a timer again replaces its row. */
export const timerTaskId = (timer: Pick<PortableTimer, 'actorPath' | 'timerId'>) => `timer:${timer.actorPath}:${timer.timerId}`;

export function timerOfTask(task: Task<MachineTimerPayload>): PortableTimer {
  const { actorPath, timerId, targetPath, event, dueAt } = task.payload;
  return { actorPath, timerId, targetPath, event, dueAt: dueAt ?? task.time };
}

/** The stored timers, in the order they were scheduled (which breaks ties between equal due times). */
export function storedTimers(scheduler: Scheduler): { timers: PortableTimer[]; tasks: Task<MachineTimerPayload>[] } {
  const tasks = scheduler.list<MachineTimerPayload>({ kind: MACHINE_TIMER_TASK });
  // Listed by (time, insertion); a stable sort by due time keeps insertion order among equals.
  const timers = tasks.map(timerOfTask).sort((a, b) => a.dueAt - b.dueAt);
  return { timers, tasks };
}

/** Writes what the host's step changed; call inside the step's transaction. Returns bytes written. */
export function writeTimers(
  scheduler: Scheduler,
  change: { added: readonly PortableTimer[]; removed: readonly PortableTimer[] },
  stored: ReadonlyMap<string, string>,
): number {
  let bytes = 0;
  for (const timer of change.removed) scheduler.cancel(stored.get(timerTaskId(timer)) ?? timerTaskId(timer));
  for (const timer of change.added) {
    const payload: MachineTimerPayload = { ...timer };
    bytes += JSON.stringify(payload).length;
    scheduler.schedule({
      id: timerTaskId(timer),
      kind: MACHINE_TIMER_TASK,
      description: `${timer.actorPath} ${timer.timerId}`,
      payload,
      type: 'scheduled',
      time: timer.dueAt,
    });
  }
  return bytes;
}

/**
 * After a failed delivery: no machine timer is tried before `retryAt`. Those due behind the failed
 * one cannot be delivered before it anyway (the host keeps due order), and leaving their rows in
 * the past would keep the alarm firing at once, over and over.
 */
export function holdBehind(scheduler: Scheduler, retryAt: number): void {
  for (const task of scheduler.list({ kind: MACHINE_TIMER_TASK, dueBy: retryAt - 1 })) scheduler.reschedule(task.id, retryAt);
}

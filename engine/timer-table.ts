/**
 * The host's durable timers: every delayed event of the actor tree (an `after` delay, a delayed
 * `raise`, a delayed `sendTo`), keyed by the scheduling actor's path and the timer id, with an
 * absolute due time. XState keeps scheduled events only in memory — a persisted snapshot has none
 * (statelyai/xstate#5331) — so this table is what a room stores beside the snapshot.
 *
 * One timer per key: XState lets both fire when an id is scheduled twice; a durable table keeps
 * the latest, which is what `cancel(id)` can still reach.
 */
import type { PortableTimer, TimerView } from '../machines/machine-version';

export type DurableTimer = PortableTimer;

export const timerKey = (timer: Pick<DurableTimer, 'actorPath' | 'timerId'>): string => `${timer.actorPath}\u0000${timer.timerId}`;

/** Earliest first; ties keep the order in which they were scheduled. */
const byDue = (a: DurableTimer, b: DurableTimer) => a.dueAt - b.dueAt;

export class TimerTable {
  /** Insertion order is scheduling order, which breaks ties between equal due times. */
  private readonly timers = new Map<string, DurableTimer>();

  constructor(timers: Iterable<DurableTimer> = []) {
    for (const timer of timers) this.timers.set(timerKey(timer), timer);
  }

  /** Schedules a timer, replacing one with the same key (which then never fires). */
  schedule(timer: DurableTimer): void {
    const key = timerKey(timer);
    this.timers.delete(key);
    this.timers.set(key, timer);
  }

  cancel(actorPath: string, timerId: string): boolean {
    return this.timers.delete(timerKey({ actorPath, timerId }));
  }

  get(actorPath: string, timerId: string): DurableTimer | undefined {
    return this.timers.get(timerKey({ actorPath, timerId }));
  }

  /** The earliest timer due at or before `now`. */
  firstDue(now: number): DurableTimer | undefined {
    const first = this.list()[0];
    return first && first.dueAt <= now ? first : undefined;
  }

  /** Removes every timer `keep` rejects; returns what it removed. */
  removeWhere(remove: (timer: DurableTimer) => boolean): DurableTimer[] {
    const removed = [...this.timers.values()].filter(remove);
    for (const timer of removed) this.timers.delete(timerKey(timer));
    return removed;
  }

  /** Timers earliest first (ties in scheduling order). */
  list(): DurableTimer[] {
    return [...this.timers.values()].sort(byDue);
  }

  /** Timers in scheduling order: the order to store them in, so a restored table breaks ties alike. */
  stored(): DurableTimer[] {
    return [...this.timers.values()];
  }

  clone(): TimerTable {
    return new TimerTable(this.stored());
  }

  /** What changed from `before` to this table: a timer rescheduled under the same key is removed and added. */
  diffFrom(before: TimerTable): { added: DurableTimer[]; removed: DurableTimer[] } {
    const added = this.stored().filter((t) => !sameTimer(before.timers.get(timerKey(t)), t));
    const removed = before.stored().filter((t) => !sameTimer(this.timers.get(timerKey(t)), t));
    return { added, removed };
  }

  views(): TimerView[] {
    return this.list().map(({ actorPath, timerId, event, dueAt }) => ({ actorPath, timerId, event: event.type, dueAt }));
  }
}

function sameTimer(a: DurableTimer | undefined, b: DurableTimer): boolean {
  // Timers are never changed in place (scheduling replaces the object), so one object is one timer.
  if (a === b) return true;
  return a !== undefined && a.dueAt === b.dueAt && a.targetPath === b.targetPath && JSON.stringify(a.event) === JSON.stringify(b.event);
}

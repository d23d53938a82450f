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
  private timers: Map<string, DurableTimer>;
  /**
   * Whether `timers` may be another table's too: a clone shares its original's map, and whichever
   * changes first copies it. The host clones the table for every transition (to diff and to roll
   * back) and most transitions change no timer, so most clones are never copied.
   */
  private shared = false;
  /**
   * The timers earliest first, in scheduling order, and their views, made when first asked for
   * after a change. The host reads them several times a step (what is due, what to store, every
   * player's view of when the phase ends), and most steps change no timer; a change drops them.
   */
  private ordered: readonly DurableTimer[] | undefined;
  private inOrder: readonly DurableTimer[] | undefined;
  private viewed: readonly TimerView[] | undefined;

  constructor(timers: Iterable<DurableTimer> = []) {
    this.timers = new Map();
    for (const timer of timers) this.timers.set(timerKey(timer), timer);
  }

  /** Schedules a timer, replacing one with the same key (which then never fires). */
  schedule(timer: DurableTimer): void {
    const key = timerKey(timer);
    const timers = this.writable();
    timers.delete(key);
    timers.set(key, timer);
  }

  cancel(actorPath: string, timerId: string): boolean {
    const key = timerKey({ actorPath, timerId });
    if (!this.timers.has(key)) return false;
    this.writable().delete(key);
    return true;
  }

  get(actorPath: string, timerId: string): DurableTimer | undefined {
    return this.timers.get(timerKey({ actorPath, timerId }));
  }

  /** The earliest timer due at or before `now`. */
  firstDue(now: number): DurableTimer | undefined {
    const first = this.earliestFirst()[0];
    return first && first.dueAt <= now ? first : undefined;
  }

  /** Removes every timer `keep` rejects; returns what it removed. */
  removeWhere(remove: (timer: DurableTimer) => boolean): DurableTimer[] {
    const removed: DurableTimer[] = [];
    for (const timer of this.timers.values()) if (remove(timer)) removed.push(timer);
    if (removed.length === 0) return removed;
    const timers = this.writable();
    for (const timer of removed) timers.delete(timerKey(timer));
    return removed;
  }

  /** Timers earliest first (ties in scheduling order). */
  list(): DurableTimer[] {
    return [...this.earliestFirst()];
  }

  /** Timers in scheduling order: the order to store them in, so a restored table breaks ties alike. */
  stored(): DurableTimer[] {
    return [...this.timers.values()];
  }

  /** {@link stored}, as one frozen list until the table changes (what a stored state holds). */
  storedList(): readonly DurableTimer[] {
    return (this.inOrder ??= Object.freeze([...this.timers.values()]));
  }

  /** A copy to change independently: it shares this table's timers until either changes. */
  clone(): TimerTable {
    const copy = new TimerTable();
    copy.timers = this.timers;
    copy.shared = this.shared = true;
    copy.ordered = this.ordered;
    copy.inOrder = this.inOrder;
    copy.viewed = this.viewed;
    return copy;
  }

  /** What changed from `before` to this table: a timer rescheduled under the same key is removed and added. */
  diffFrom(before: TimerTable): { added: DurableTimer[]; removed: DurableTimer[] } {
    const added: DurableTimer[] = [];
    const removed: DurableTimer[] = [];
    if (this.timers === before.timers) return { added, removed };
    for (const [key, timer] of this.timers) if (!sameTimer(before.timers.get(key), timer)) added.push(timer);
    for (const [key, timer] of before.timers) if (!sameTimer(this.timers.get(key), timer)) removed.push(timer);
    return { added, removed };
  }

  /** The timers as views show them, earliest first; one frozen list until the table changes, shared by every reader. */
  views(): readonly TimerView[] {
    return (this.viewed ??= Object.freeze(
      this.earliestFirst().map(({ actorPath, timerId, event, dueAt }) => Object.freeze({ actorPath, timerId, event: event.type, dueAt })),
    ));
  }

  private earliestFirst(): readonly DurableTimer[] {
    return (this.ordered ??= [...this.timers.values()].sort(byDue));
  }

  /** The map to change: this table's own (copied first if shared), with what was made from it dropped. */
  private writable(): Map<string, DurableTimer> {
    if (this.shared) {
      this.timers = new Map(this.timers);
      this.shared = false;
    }
    this.ordered = undefined;
    this.inOrder = undefined;
    this.viewed = undefined;
    return this.timers;
  }
}

function sameTimer(a: DurableTimer | undefined, b: DurableTimer): boolean {
  // Timers are never changed in place (scheduling replaces the object), so one object is one timer.
  if (a === b) return true;
  return a !== undefined && a.dueAt === b.dueAt && a.targetPath === b.targetPath && JSON.stringify(a.event) === JSON.stringify(b.event);
}

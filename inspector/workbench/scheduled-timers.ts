/**
 * The delayed events an actor system holds, as timers with absolute due times. XState keeps them in
 * `system._snapshot._scheduledEvents` (source, event, delay, id; its `startedAt` reads the wall
 * clock, not the simulated one), so each is stamped with the simulated time it was first seen at,
 * which is when it was scheduled because the simulation reads them after every step.
 */
import type { AnyActorRef } from 'xstate';
import { actorPathOf } from '../../machines/actor-path';
import type { TimerView } from '../../machines/machine-version';

interface ScheduledEvent {
  id: string;
  delay: number;
  event: { type: string };
  source: AnyActorRef;
}

export class ScheduledTimers {
  private known = new Map<string, { scheduled: ScheduledEvent; dueAt: number }>();

  /** Reads the system's schedule at simulated time `now`. */
  refresh(root: AnyActorRef, now: number): void {
    const scheduled = ((root.system as any)._snapshot?._scheduledEvents ?? {}) as Record<string, ScheduledEvent>;
    for (const key of [...this.known.keys()]) if (!(key in scheduled)) this.known.delete(key);
    for (const [key, event] of Object.entries(scheduled)) {
      const seen = this.known.get(key);
      // A new object under a known key is the same timer scheduled again.
      if (!seen || seen.scheduled !== event) this.known.set(key, { scheduled: event, dueAt: now + event.delay });
    }
  }

  list(): TimerView[] {
    return [...this.known.values()]
      .map(({ scheduled, dueAt }) => ({
        actorPath: actorPathOf(scheduled.source),
        timerId: scheduled.id,
        event: scheduled.event.type,
        dueAt,
      }))
      .sort((a, b) => a.dueAt - b.dueAt);
  }

  nextDueAt(): number | null {
    const first = this.list()[0];
    return first ? first.dueAt : null;
  }
}

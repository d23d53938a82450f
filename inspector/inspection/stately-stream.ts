/**
 * A room's inspection records as the events `@statelyai/inspect`'s WebSocket inspector sends: one
 * bare event each, in the room's order, every `@xstate.actor` event with its `snapshot` (the room
 * stores actor events without one; the package sends the actor's snapshot when it is created).
 * Pure: `npm run inspect`'s relay (relay/) and the Stately window hand-off (live/stately-inspector.ts)
 * feed it records, and send what it returns.
 */
import type { AnyStateMachine } from 'xstate';
import { STATELY_INSPECT_VERSION, type InspectedSnapshot, type InspectionRecord, type StatelyInspectionEvent } from '../../protocol';

/** What `@statelyai/inspect` itself sends for an actor it has no snapshot of. */
const UNKNOWN_SNAPSHOT: InspectedSnapshot = { status: 'active' };

/**
 * The history may have lost the root's `@xstate.actor` event (it keeps the last 1,000
 * transitions); the Stately inspector needs one to draw the machine, so it is made up from the
 * machine this build knows, with the root's first snapshot in the records as its start.
 */
export function rootActorEvent(records: readonly InspectionRecord[], machine: AnyStateMachine | undefined): StatelyInspectionEvent | null {
  if (records.some((r) => r.event.type === '@xstate.actor' && r.event.sessionId === 'root')) return null;
  const first = records[0]?.event;
  return {
    type: '@xstate.actor',
    sessionId: 'root',
    rootId: 'root',
    id: null,
    name: machine?.id ?? 'root',
    createdAt: first?.createdAt ?? String(Date.now()),
    _version: first?._version ?? STATELY_INSPECT_VERSION,
    definition: JSON.stringify(machine?.config ?? { id: 'root' }),
    snapshot: records.find((r) => r.event.type === '@xstate.snapshot' && r.event.sessionId === 'root')?.event.snapshot ?? UNKNOWN_SNAPSHOT,
  };
}

/** Events a late receiver is sent at most (actor events are kept past it: without them nothing draws). */
export const STREAM_HISTORY_LIMIT = 50_000;

export class StatelyStream {
  private lastN = -Infinity;
  private readonly snapshots = new Map<string, InspectedSnapshot>();
  private readonly kept: StatelyInspectionEvent[] = [];

  constructor(private readonly limit = STREAM_HISTORY_LIMIT) {}

  /**
   * Takes records (a hello's history or a live frame; a reconnect's hello repeats what was seen)
   * and returns the new events, in order. Records already taken, by position `n`, are skipped.
   */
  add(records: readonly InspectionRecord[]): StatelyInspectionEvent[] {
    const fresh = records.filter((r) => r.n > this.lastN).sort((a, b) => a.n - b.n);
    const out: StatelyInspectionEvent[] = [];
    fresh.forEach((record, i) => {
      let event = record.event;
      if (event.type === '@xstate.snapshot' && event.snapshot) this.snapshots.set(event.sessionId, event.snapshot);
      if (event.type === '@xstate.actor' && !event.snapshot)
        event = { ...event, snapshot: this.snapshotAtStart(event.sessionId, fresh, i) };
      out.push(event);
    });
    if (fresh.length > 0) this.lastN = fresh[fresh.length - 1]!.n;
    this.keep(out);
    return out;
  }

  /** Puts an actor event made up for the history (see {@link rootActorEvent}) before everything kept. */
  prepend(event: StatelyInspectionEvent): void {
    this.kept.unshift(event);
  }

  /** What a receiver that connects now is sent first, oldest first. */
  history(): readonly StatelyInspectionEvent[] {
    return this.kept;
  }

  /**
   * An actor's snapshot once started, as the package reads it (`getSnapshot()` after creation):
   * the first snapshot of the same actor in the same transition, else the last one known.
   */
  private snapshotAtStart(sessionId: string, records: readonly InspectionRecord[], at: number): InspectedSnapshot {
    const seq = records[at]!.seq;
    for (let i = at + 1; i < records.length && records[i]!.seq === seq; i++) {
      const next = records[i]!.event;
      if (next.type === '@xstate.snapshot' && next.sessionId === sessionId && next.snapshot) return next.snapshot;
    }
    return this.snapshots.get(sessionId) ?? UNKNOWN_SNAPSHOT;
  }

  private keep(events: readonly StatelyInspectionEvent[]): void {
    this.kept.push(...events);
    let over = this.kept.length - this.limit;
    for (let i = 0; over > 0 && i < this.kept.length; ) {
      if (this.kept[i]!.type === '@xstate.actor') i++;
      else this.kept.splice(i, 1), over--;
    }
  }
}

/**
 * Transitions read from inspection records. XState reports one `@xstate.snapshot` per event an
 * actor processed (its whole macrostep), carrying that event: each one is a transition of that
 * actor, from its previous snapshot to this one. Pure.
 */
import type { StateValue } from 'xstate';
import { ROOT_ACTOR_ID } from '../../engine/actor-tree';
import type { InspectedEvent, InspectedSnapshot, InspectionRecord } from '../../protocol';

export interface Transition {
  /** The record's position in the history; identifies the transition. */
  n: number;
  seq: number;
  at: number;
  actorPath: string;
  event: InspectedEvent;
  /** Who sent it: the player or `admin` (`event.senderId`), another actor, or a timer. */
  sender: string;
  from: StateValue | null;
  to: StateValue | null;
  context: unknown;
  previousContext: unknown;
  status: InspectedSnapshot['status'];
}

const isTimerEvent = (type: string) => type.startsWith('xstate.after.');

function senderOf(event: InspectedEvent, sourceId: string | undefined, actorPath: string): string {
  if (typeof event.senderId === 'string') return event.senderId;
  if (isTimerEvent(event.type)) return 'timer';
  if (event.type === 'xstate.init') return 'room';
  if (sourceId && sourceId !== actorPath) return sourceId;
  return '—';
}

/** Every transition in the records, oldest first. */
export function transitionsOf(records: readonly InspectionRecord[]): Transition[] {
  const last = new Map<string, InspectedSnapshot>();
  const lastSource = new Map<string, { type: string; sourceId: string | undefined }>();
  const out: Transition[] = [];
  for (const record of records) {
    const e = record.event;
    if (e.type === '@xstate.event' && e.event) {
      lastSource.set(e.sessionId, { type: e.event.type, sourceId: e.sourceId });
      continue;
    }
    if (e.type !== '@xstate.snapshot' || !e.snapshot) continue;
    const previous = last.get(e.sessionId);
    const event = e.event ?? { type: '(unknown)' };
    const source = lastSource.get(e.sessionId);
    out.push({
      n: record.n,
      seq: record.seq,
      at: record.at,
      actorPath: e.sessionId,
      event,
      sender: senderOf(event, source?.type === event.type ? source.sourceId : undefined, e.sessionId),
      from: previous?.value ?? null,
      to: e.snapshot.value ?? null,
      context: e.snapshot.context,
      previousContext: previous?.context,
      status: e.snapshot.status,
    });
    last.set(e.sessionId, e.snapshot);
  }
  return out;
}

/** Every actor's latest snapshot at record `n` (inclusive); the latest of all when `n` is null. */
export function snapshotsAt(records: readonly InspectionRecord[], n: number | null): Map<string, InspectedSnapshot> {
  const snapshots = new Map<string, InspectedSnapshot>();
  for (const record of records) {
    if (n !== null && record.n > n) break;
    const e = record.event;
    if (e.type === '@xstate.snapshot' && e.snapshot) snapshots.set(e.sessionId, e.snapshot);
  }
  return snapshots;
}

/** The actors alive at a point: the root and, below it, the children its snapshots list. */
export function liveActorsOf(snapshots: Map<string, InspectedSnapshot>): string[] {
  const alive: string[] = [];
  const visit = (path: string) => {
    const snapshot = snapshots.get(path);
    if (!snapshot) return;
    alive.push(path);
    for (const id of Object.keys(snapshot.children ?? {})) visit(`${path}/${id}`);
  };
  visit(ROOT_ACTOR_ID);
  return alive;
}

/** A state value as one line: `day.phase.social.scheduled, day.groupChat.open, …`. */
export function formatStateValue(value: StateValue | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return leavesOf(value).join(', ');
}

/** What a transition changed: the active leaves it left and those it entered (in value order). */
export function valueChange(from: StateValue | null, to: StateValue | null): { left: string[]; entered: string[]; stayed: string[] } {
  const before = from === null ? [] : leavesOf(from);
  const after = to === null ? [] : leavesOf(to);
  return {
    left: before.filter((leaf) => !after.includes(leaf)),
    entered: after.filter((leaf) => !before.includes(leaf)),
    stayed: after.filter((leaf) => before.includes(leaf)),
  };
}

/** The active leaves of a state value as dotted paths. */
export function leavesOf(value: StateValue): string[] {
  if (typeof value === 'string') return [value];
  const leaves: string[] = [];
  const walk = (v: StateValue, prefix: string) => {
    if (typeof v === 'string') return void leaves.push(prefix ? `${prefix}.${v}` : v);
    const entries = Object.entries(v);
    if (entries.length === 0 && prefix) leaves.push(prefix);
    for (const [key, child] of entries) walk(child as StateValue, prefix ? `${prefix}.${key}` : key);
  };
  walk(value, '');
  return leaves;
}

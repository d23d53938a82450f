/**
 * Replaying a room's input history (protocol/input-history.ts) on a machine version, and comparing
 * two versions on it: the original the room ran, and a designer's draft (machines/chart/draft-version.ts).
 * Both run through the one host, GameHost, with the history's facts and init, the clock set to each
 * entry's time before its input: what a replay shows is what the room would have done.
 *
 * A comparison stops at the first divergence: after it, the draft plays a different game, and
 * the history's later inputs (made by players who saw the original) no longer mean the same.
 */
import type { MachineVersion } from '../machines/machine-version';
import type { HistoryEntry, InputHistory, StateValue } from '../protocol';
import { GameHost, type HostClock, type HostInput, type StepResult } from './host';

/** A side of a comparison at one moment: its state value and root context. */
export interface ReplayPoint {
  value: unknown;
  context: unknown;
}

/** One entry replayed on one version. */
export interface ReplayStep {
  index: number;
  entry: HistoryEntry;
  before: ReplayPoint;
  after: ReplayPoint;
  result: StepResult;
}

/** Where the replay of the original differs from what the room recorded (it should not: the host is deterministic). */
export interface RecordedMismatch {
  index: number;
  recorded: { seq: number; value: StateValue };
  replayed: { seq: number; value: unknown };
}

export interface HistoryReplay {
  steps: ReplayStep[];
  /** Entries whose recorded `after` the replay did not reach; empty when it replays faithfully. */
  mismatches: RecordedMismatch[];
  /** Whether the game ended. */
  finished: boolean;
}

export class ReplayError extends Error {
  override name = 'ReplayError';
}

/** Steps a history's entries through a host, one at a time (so two versions can go in lock step). */
class Replayer {
  private readonly clock: HostClock & { at: number };
  readonly host: GameHost;
  readonly start: StepResult;

  constructor(version: MachineVersion, history: InputHistory) {
    if (history.upgradedAt !== undefined) {
      throw new ReplayError(
        `The history of room ${history.room} spans an upgrade (at ${history.upgradedAt}): entries after it ran on another version, and cannot be replayed on one.`,
      );
    }
    const clock = { at: history.facts.createdAt, now: () => clock.at };
    this.clock = clock;
    const created = GameHost.create(version, history.init, history.facts, { clock, views: false });
    this.host = created.host;
    this.start = created.result;
  }

  point(): ReplayPoint {
    const snapshot = JSON.parse(this.host.state.snapshot) as { value: unknown; context: unknown };
    return { value: snapshot.value, context: snapshot.context };
  }

  step(index: number, entry: HistoryEntry): ReplayStep {
    const before = this.point();
    // The host keeps its own time monotonic; the recorded times are the room's and never go back.
    this.clock.at = Math.max(this.clock.at, entry.at);
    const result = this.host.step(entry.input as HostInput);
    return { index, entry, before, after: this.point(), result };
  }
}

/** Replays `history` on `version` from its facts and init; throws ReplayError when it cannot start. */
export function replayHistory(version: MachineVersion, history: InputHistory): HistoryReplay {
  const replayer = new Replayer(version, history);
  const steps: ReplayStep[] = [];
  const mismatches: RecordedMismatch[] = [];
  history.entries.forEach((entry, index) => {
    const step = replayer.step(index, entry);
    steps.push(step);
    const seq = step.result.state.seq;
    if (entry.after && (entry.after.seq !== seq || canonical(entry.after.value) !== canonical(step.after.value))) {
      mismatches.push({ index, recorded: entry.after, replayed: { seq, value: step.after.value } });
    }
  });
  return { steps, mismatches, finished: replayer.host.status === 'finished' };
}

export interface Divergence {
  /** The entry at which the draft first did otherwise; -1 when the two differ from the start. */
  index: number;
  entry: HistoryEntry | null;
  before: { original: ReplayPoint; draft: ReplayPoint };
  after: { original: ReplayPoint; draft: ReplayPoint };
  /** A sentence saying what differs. */
  reason: string;
}

export interface ReplayComparison {
  same: boolean;
  /** How many entries both sides took (all of them when `same`). */
  entries: number;
  divergence?: Divergence;
  /** Where the original did not replay to the room's recorded state (a broken history, or a non-deterministic version). */
  recorded: RecordedMismatch[];
}

/** What differs between two results of the same step; null when nothing does. */
function difference(original: StepResult, draft: StepResult): string | null {
  const a = JSON.parse(original.state.snapshot) as Record<string, unknown>;
  const b = JSON.parse(draft.state.snapshot) as Record<string, unknown>;
  if (original.input.status === 'applied' && draft.input.status === 'rejected') {
    return `the draft rejected the input the original took (${draft.input.error.code}: ${draft.input.error.message})`;
  }
  if (original.input.status !== draft.input.status)
    return `the input was ${original.input.status} in the original and ${draft.input.status} in the draft`;
  if (canonical(a.value) !== canonical(b.value))
    return `the state differs: ${canonical(a.value)} in the original, ${canonical(b.value)} in the draft`;
  if (canonical(a.context) !== canonical(b.context)) {
    const keys = contextKeysDiffering(a.context, b.context);
    return `the context differs${keys.length ? ` (${keys.join(', ')})` : ''}`;
  }
  if (canonical(a.children) !== canonical(b.children))
    return `a child machine's state differs (${childIdsDiffering(a.children, b.children).join(', ')})`;
  if (a.status !== b.status) return `the game is ${String(a.status)} in the original and ${String(b.status)} in the draft`;
  const timers = (r: StepResult) =>
    canonical(r.state.timers.map(({ actorPath, timerId, event, dueAt }) => ({ actorPath, timerId, event: event.type, dueAt })));
  if (timers(original) !== timers(draft)) return 'the durable timers differ (ids, events or due times)';
  if (canonical(original.refusals) !== canonical(draft.refusals)) {
    return `the refusals differ: ${refusalsOf(original)} in the original, ${refusalsOf(draft)} in the draft`;
  }
  return null;
}

const refusalsOf = (r: StepResult) => (r.refusals.length ? r.refusals.map((x) => `${x.code} to ${x.to}`).join(', ') : 'none');

function contextKeysDiffering(a: unknown, b: unknown): string[] {
  const x = (a ?? {}) as Record<string, unknown>;
  const y = (b ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => canonical(x[k]) !== canonical(y[k]));
}

const childIdsDiffering = contextKeysDiffering;

/**
 * Replays `history` on `original` and on `draft` in lock step and reports the first entry where
 * they differ in state value, context, children, timers or refusals, or where the draft rejects
 * an input the original took. Also reports where the original does not reach the recorded state.
 */
export function compareReplay(original: MachineVersion, draft: MachineVersion, history: InputHistory): ReplayComparison {
  const a = new Replayer(original, history);
  let b: Replayer;
  try {
    b = new Replayer(draft, history);
  } catch (error) {
    const point = a.point();
    const none = { value: null, context: null };
    return {
      same: false,
      entries: 0,
      divergence: {
        index: -1,
        entry: null,
        before: { original: point, draft: none },
        after: { original: point, draft: none },
        reason: `the draft cannot start this room's game: ${(error as Error).message}`,
      },
      recorded: [],
    };
  }
  const recorded: RecordedMismatch[] = [];
  const startDiff = difference(a.start, b.start);
  if (startDiff) {
    const points = { original: a.point(), draft: b.point() };
    return {
      same: false,
      entries: 0,
      divergence: { index: -1, entry: null, before: points, after: points, reason: `at the start, ${startDiff}` },
      recorded,
    };
  }
  for (const [index, entry] of history.entries.entries()) {
    const x = a.step(index, entry);
    const y = b.step(index, entry);
    if (entry.after && (entry.after.seq !== x.result.state.seq || canonical(entry.after.value) !== canonical(x.after.value))) {
      recorded.push({ index, recorded: entry.after, replayed: { seq: x.result.state.seq, value: x.after.value } });
    }
    const why = difference(x.result, y.result);
    if (why) {
      return {
        same: false,
        entries: index + 1,
        divergence: {
          index,
          entry,
          before: { original: x.before, draft: y.before },
          after: { original: x.after, draft: y.after },
          reason: why,
        },
        recorded,
      };
    }
  }
  return { same: true, entries: history.entries.length, recorded };
}

/** JSON with sorted keys: snapshots written by two machines order keys as their charts did. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([k1], [k2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Durable tasks over the room's SQLite, with the task model of `partywhen`: a task has an id, a
 * description, a JSON payload and a schedule — `delayed` (seconds from now), `scheduled` (an
 * absolute time) or `cron` (worker/cron.ts: `cron-parser`, with names, macros and a time zone).
 * Many tasks share the Durable Object's single alarm, which is always set to the earliest due task.
 * The room schedules delayed and scheduled tasks (machine timers, the journal flush). No room task
 * is a cron task yet: the type is kept, tested, for room-level routines on the wall clock (a daily
 * digest at 09:00 in the host's zone) that a chart's relative `after` delays cannot express; the
 * room's alarm handler would need a `kind` to dispatch it to.
 *
 * Swapping in the published `partywhen` is not a one-file change. What differs:
 * - Delivery. partywhen's alarm calls the method a task names. Here the room owns the alarm
 *   (worker/game-server.ts `onAlarm`): it takes `due(now)`, delivers machine timers through the host
 *   in due order, dispatches other tasks by `kind`, and reports each with `complete` or `retryLater`;
 *   `nextDueAt` is what it re-arms the alarm to, even after a failure.
 * - Failures. Per-task attempts, backoff and last error (`retryLater`, shown in `/status`) are ours.
 * - Ids. Scheduling an existing id replaces that task: machine timers are keyed by actor path and
 *   timer id (worker/timer-tasks.ts), which is how a restore re-arms them without duplicates.
 * - Bounds and queries. `TIMER_OUT_OF_RANGE` past MAX_TASK_HORIZON_MS; `list` by kind, description
 *   and due time; `reschedule`.
 * - Storage. This `tasks` table (with `kind`, `attempts`, `last_error`, `time_zone`) is not
 *   partywhen's: rooms already running would need their rows migrated.
 * So a swap is an adapter implementing `Scheduler` over partywhen (or partywhen extended with the
 * above), the room's alarm path moved onto partywhen's callbacks, and a data migration per room.
 */ import { parseCron } from './cron';
import { RoomError } from './room-error';
import { rows, type RoomStorage } from './room-storage';

/**
 * No task is scheduled further ahead than this. The Durable Object alarm cannot be set past
 * 2262-04-11 (workerd holds times as int64 nanoseconds; its error says "after 2189"), and a room
 * whose earliest task lies beyond that could never set its alarm again, so every entry point would
 * fail. A year is far more than any game needs (pecking-order@1's furthest timer is 30 days out).
 */
export const MAX_TASK_HORIZON_MS = 365 * 86_400_000;

export type TaskSchedule =
  | { type: 'delayed'; delayInSeconds: number }
  | { type: 'scheduled'; time: number }
  /** Recurs at the times a cron expression names (worker/cron.ts), in `timeZone` (IANA; default UTC). */
  | { type: 'cron'; cron: string; timeZone?: string };

export type NewTask<P = unknown> = TaskSchedule & {
  /** A stable id makes scheduling idempotent: scheduling an existing id replaces that task. */
  id?: string;
  kind: string;
  description: string;
  payload: P;
};

export interface Task<P = unknown> {
  id: string;
  kind: string;
  description: string;
  payload: P;
  type: TaskSchedule['type'];
  /** Next due time, ms since the epoch. */
  time: number;
  cron: string | null;
  /** A cron task's time zone; null for UTC and for one-shot tasks. */
  timeZone: string | null;
  /** Failed deliveries since the last success. */
  attempts: number;
  lastError: string | null;
  createdAt: number;
}

export interface TaskQuery {
  kind?: string;
  description?: string;
  /** Only tasks due at or before this time. */
  dueBy?: number;
}

export interface Scheduler {
  schedule<P>(task: NewTask<P>): Task<P>;
  /**
   * Schedules the task unless one with its id is already scheduled, which keeps its own time (a
   * flush already waiting, perhaps backing off after a failure); true when it was scheduled.
   */
  scheduleIfAbsent<P>(task: NewTask<P> & { id: string }): boolean;
  get<P = unknown>(id: string): Task<P> | undefined;
  list<P = unknown>(query?: TaskQuery): Task<P>[];
  cancel(id: string): boolean;
  /** Moves a task to another due time. */
  reschedule(id: string, time: number): boolean;
  cancelByDescription(description: string): number;
  /** Due tasks, earliest first (ties in insertion order): the order in which to deliver them. */
  due(now: number): Task[];
  /** A delivery succeeded: one-shot tasks are removed, cron tasks move to their next time. */
  complete(task: Task, now: number): void;
  /** A delivery failed: keep the task and try again after a backoff (2 s, doubling, at most 5 min). */
  retryLater(task: Task, now: number, error: unknown): number;
  /** The time the alarm must be set to, or null when nothing is scheduled. */
  nextDueAt(): number | null;
  /** Forget what was read from storage (after a transaction rolled back writes made through this scheduler). */
  forget(): void;
}

interface TaskRow {
  id: string;
  kind: string;
  description: string;
  payload: string;
  type: TaskSchedule['type'];
  time: number;
  cron: string | null;
  time_zone: string | null;
  attempts: number;
  last_error: string | null;
  created_at: number;
}

const RETRY_BASE_MS = 2_000;
const RETRY_MAX_MS = 5 * 60_000;

export function retryDelay(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export class SqliteScheduler implements Scheduler {
  /**
   * The earliest due time as last read; undefined when unknown. The room re-arms its alarm after
   * every input, and querying `MIN(time)` each time was a share of every action; every write
   * through this scheduler forgets it, and so does {@link forget} (a rolled-back transaction).
   */
  private earliest: number | null | undefined;

  constructor(
    private readonly storage: RoomStorage,
    private readonly now: () => number,
  ) {
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS tasks (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      description TEXT NOT NULL,
      payload TEXT NOT NULL,
      type TEXT NOT NULL,
      time INTEGER NOT NULL,
      cron TEXT,
      time_zone TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      created_at INTEGER NOT NULL
    )`);
    storage.sql.exec('CREATE INDEX IF NOT EXISTS tasks_due ON tasks (time, seq)');
    // Rooms created before cron tasks had time zones have a tasks table without the column.
    if (!storage.sql.exec('SELECT * FROM tasks LIMIT 0').columnNames.includes('time_zone')) {
      storage.sql.exec('ALTER TABLE tasks ADD COLUMN time_zone TEXT');
    }
  }

  schedule<P>(task: NewTask<P>): Task<P> {
    const row = this.insert(task, 'replace');
    return taskOf<P>(row!);
  }

  scheduleIfAbsent<P>(task: NewTask<P> & { id: string }): boolean {
    return this.insert(task, 'keep') !== undefined;
  }

  /**
   * Writes a task, replacing one with its id or keeping that one; returns the row as stored
   * (`RETURNING`: no second query to read it back), undefined when an existing task was kept.
   */
  private insert<P>(task: NewTask<P>, existing: 'replace' | 'keep'): TaskRow | undefined {
    const now = this.now();
    const id = task.id ?? crypto.randomUUID();
    const time =
      task.type === 'delayed'
        ? now + task.delayInSeconds * 1000
        : task.type === 'scheduled'
          ? task.time
          : parseCron(task.cron, { timeZone: task.timeZone, seed: id }).next(now);
    if (!Number.isFinite(time) || time > now + MAX_TASK_HORIZON_MS) {
      // Thrown inside the persist transaction: the transition that wanted this task does not happen.
      throw new RoomError(
        'TIMER_OUT_OF_RANGE',
        `"${task.description.slice(0, 100)}" would be due ${Number.isFinite(time) ? `${Math.ceil((time - now) / 86_400_000)} days ahead` : 'at no valid time'}; the room schedules at most ${MAX_TASK_HORIZON_MS / 86_400_000} days ahead`,
      );
    }
    const cron = task.type === 'cron' ? task.cron : null;
    const timeZone = task.type === 'cron' ? (task.timeZone ?? null) : null;
    const conflict =
      existing === 'keep'
        ? 'DO NOTHING'
        : `DO UPDATE SET kind = excluded.kind, description = excluded.description,
         payload = excluded.payload, type = excluded.type, time = excluded.time, cron = excluded.cron,
         time_zone = excluded.time_zone, attempts = 0, last_error = NULL`;
    const row = rows<TaskRow>(
      this.storage.sql,
      `INSERT INTO tasks (id, kind, description, payload, type, time, cron, time_zone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) ${conflict} RETURNING *`,
      id,
      task.kind,
      task.description,
      JSON.stringify(task.payload),
      task.type,
      time,
      cron,
      timeZone,
      now,
    )[0];
    // A kept task changed nothing, so the earliest due time stays known.
    if (row) this.forget();
    return row;
  }

  get<P = unknown>(id: string): Task<P> | undefined {
    return this.select<P>('WHERE id = ?', id)[0];
  }

  list<P = unknown>(query: TaskQuery = {}): Task<P>[] {
    const where: string[] = [];
    const bindings: (string | number)[] = [];
    if (query.kind !== undefined) where.push('kind = ?'), bindings.push(query.kind);
    if (query.description !== undefined) where.push('description = ?'), bindings.push(query.description);
    if (query.dueBy !== undefined) where.push('time <= ?'), bindings.push(query.dueBy);
    return this.select<P>(where.length ? `WHERE ${where.join(' AND ')}` : '', ...bindings);
  }

  cancel(id: string): boolean {
    this.forget();
    return this.storage.sql.exec('DELETE FROM tasks WHERE id = ?', id).rowsWritten > 0;
  }

  reschedule(id: string, time: number): boolean {
    this.forget();
    return this.storage.sql.exec('UPDATE tasks SET time = ? WHERE id = ?', time, id).rowsWritten > 0;
  }

  cancelByDescription(description: string): number {
    this.forget();
    return this.storage.sql.exec('DELETE FROM tasks WHERE description = ?', description).rowsWritten;
  }

  due(now: number): Task[] {
    return this.list({ dueBy: now });
  }

  complete(task: Task, now: number): void {
    if (task.type === 'cron' && task.cron) {
      const next = parseCron(task.cron, { timeZone: task.timeZone ?? undefined, seed: task.id }).next(Math.max(now, task.time));
      this.forget();
      this.storage.sql.exec('UPDATE tasks SET time = ?, attempts = 0, last_error = NULL WHERE id = ?', next, task.id);
    } else {
      this.cancel(task.id);
    }
  }

  retryLater(task: Task, now: number, error: unknown): number {
    const attempts = task.attempts + 1;
    const time = now + retryDelay(attempts);
    const message = error instanceof Error ? error.message : String(error);
    this.forget();
    this.storage.sql.exec(
      'UPDATE tasks SET time = ?, attempts = ?, last_error = ? WHERE id = ?',
      time,
      attempts,
      message.slice(0, 500),
      task.id,
    );
    return time;
  }

  nextDueAt(): number | null {
    if (this.earliest === undefined) {
      const row = rows<{ time: number | null }>(this.storage.sql, 'SELECT MIN(time) AS time FROM tasks')[0];
      this.earliest = row?.time ?? null;
    }
    return this.earliest;
  }

  forget(): void {
    this.earliest = undefined;
  }

  private select<P>(where: string, ...bindings: (string | number)[]): Task<P>[] {
    return rows<TaskRow>(this.storage.sql, `SELECT * FROM tasks ${where} ORDER BY time, seq`, ...bindings).map((row) => taskOf<P>(row));
  }
}

function taskOf<P>(row: TaskRow): Task<P> {
  return {
    id: row.id,
    kind: row.kind,
    description: row.description,
    payload: JSON.parse(row.payload) as P,
    type: row.type,
    time: row.time,
    cron: row.cron,
    timeZone: row.time_zone,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}

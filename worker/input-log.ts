/**
 * The room's one record of what happened: a row per host step, in the step's transaction, for the
 * whole game. A row holds the input as protocol/input-history.ts records it (engine/input-history.ts
 * `historyEntryOf`) and the seq and time after the step; every {@link CHECKPOINT_EVERY} transitions, at a phase change, at the start and at
 * an upgrade, it also holds the stored state (a checkpoint).
 *
 * Three readers share it, so they cannot disagree: the admins' `GET …/history` export (the entries),
 * the inspection history (inspection-log.ts rebuilds any past snapshot by restoring the checkpoint
 * before it and stepping the recorded inputs), and the room's own head (seq, time and record count
 * are read from the last row on wake, so a message-only transition need not rewrite a head row).
 */
import type { MachineRef, PortableTimer } from '../machines/machine-version';
import type { HistoryEntry } from '../protocol';
import type { StoredState } from '../engine/host';
import { firstRow, rows, type RoomStorage } from './room-storage';

/** A checkpoint at least every this many transitions bounds what rebuilding a past snapshot replays. */
export const CHECKPOINT_EVERY = 100;

/**
 * `start`: the game's first step (its time is the host's creation time); `input`: a host step;
 * `upgrade`: a migration to another version (always with a checkpoint: replay cannot cross it);
 * `resume`: the state of a room created before this log existed, when it first wrote to it.
 */
export type LogKind = 'start' | 'input' | 'upgrade' | 'resume';

export interface LogRow {
  id: number;
  kind: LogKind;
  seq: number;
  at: number;
  entry: HistoryEntry | null;
  state: StoredState | null;
}

interface RawRow {
  id: number;
  kind: string;
  seq: number;
  at: number;
  entry: string | null;
  machine: string | null;
  snapshot: string | null;
  timers: string | null;
}

export class InputLog {
  /** Whether the table has any row (rooms created before it have none; see {@link HostedRoom}). */
  private started: boolean;

  constructor(private readonly storage: RoomStorage) {
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS input_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL,
      entry TEXT, machine TEXT, snapshot TEXT, timers TEXT)`);
    this.started = firstRow(storage.sql, 'SELECT id FROM input_log LIMIT 1') !== undefined;
  }

  get empty(): boolean {
    return !this.started;
  }

  /** Writes one row; call inside the step's transaction. Returns the bytes written. */
  append(row: Omit<LogRow, 'id'>): number {
    const entry = row.entry ? JSON.stringify(row.entry) : null;
    const timers = row.state ? JSON.stringify(row.state.timers) : null;
    // The snapshot string is stored as the host serialised it (once per transition).
    const snapshot = row.state?.snapshot ?? null;
    this.storage.sql.exec(
      'INSERT INTO input_log (kind, seq, at, entry, machine, snapshot, timers) VALUES (?, ?, ?, ?, ?, ?, ?)',
      row.kind,
      row.seq,
      row.at,
      entry,
      row.state?.machine ?? null,
      snapshot,
      timers,
    );
    this.started = true;
    return (entry?.length ?? 0) + (timers?.length ?? 0) + (snapshot?.length ?? 0) + (row.state?.machine.length ?? 0) + 24;
  }

  /** The last row's seq and time, or undefined when the log is empty. */
  head(): { seq: number; at: number } | undefined {
    return firstRow<{ seq: number; at: number }>(this.storage.sql, 'SELECT seq, at FROM input_log ORDER BY id DESC LIMIT 1');
  }

  /** The game's recorded inputs, oldest first. */
  entries(): HistoryEntry[] {
    return rows<{ entry: string }>(this.storage.sql, "SELECT entry FROM input_log WHERE kind = 'input' ORDER BY id").map((r) =>
      JSON.parse(r.entry),
    );
  }

  first(): LogRow | undefined {
    const raw = firstRow<RawRow>(this.storage.sql, 'SELECT * FROM input_log ORDER BY id LIMIT 1');
    return raw && rowOf(raw);
  }

  /** The seq of the last checkpoint, or undefined when there is none. */
  lastCheckpointSeq(): number | undefined {
    return firstRow<{ seq: number }>(this.storage.sql, 'SELECT seq FROM input_log WHERE snapshot IS NOT NULL ORDER BY id DESC LIMIT 1')
      ?.seq;
  }

  /** The time of the first upgrade, if the room was ever upgraded. */
  upgradedAt(): number | undefined {
    return firstRow<{ at: number }>(this.storage.sql, "SELECT at FROM input_log WHERE kind = 'upgrade' ORDER BY id LIMIT 1")?.at;
  }

  /** The latest checkpoint at or before `seq` (the first row when none is). */
  checkpointAtOrBefore(seq: number): LogRow | undefined {
    const raw =
      firstRow<RawRow>(this.storage.sql, 'SELECT * FROM input_log WHERE snapshot IS NOT NULL AND seq <= ? ORDER BY id DESC LIMIT 1', seq) ??
      firstRow<RawRow>(this.storage.sql, 'SELECT * FROM input_log WHERE snapshot IS NOT NULL ORDER BY id LIMIT 1');
    return raw && rowOf(raw);
  }

  /** Rows after row `id`, oldest first. */
  after(id: number): LogRow[] {
    return rows<RawRow>(this.storage.sql, 'SELECT * FROM input_log WHERE id > ? ORDER BY id', id).map(rowOf);
  }
}

function rowOf(raw: RawRow): LogRow {
  const state: StoredState | null =
    raw.snapshot === null
      ? null
      : {
          machine: raw.machine as MachineRef,
          snapshot: raw.snapshot,
          timers: JSON.parse(raw.timers ?? '[]') as PortableTimer[],
          seq: raw.seq,
          at: raw.at,
        };
  return {
    id: raw.id,
    kind: raw.kind as LogKind,
    seq: raw.seq,
    at: raw.at,
    entry: raw.entry === null ? null : JSON.parse(raw.entry),
    state,
  };
}

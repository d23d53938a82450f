/**
 * The inspection history: every actor, event and snapshot inspection event of the room's actor
 * system, converted to the shapes `@statelyai/inspect` sends (so the official Stately inspector can
 * read the stream as it is), kept for the last {@link INSPECTION_HISTORY_TRANSITIONS} transitions
 * in the room's SQLite so a late inspector sees the past.
 *
 * Ids are actor paths (`root`, `root/vote`) rather than XState session ids, which change on every
 * restore: the history of one room reads as one run across evictions.
 */
import type { StatelyInspectionEvent } from '../protocol';
import { rows, type RoomStorage } from './room-storage';

export const INSPECTION_HISTORY_TRANSITIONS = 1_000;

/** A record as written (an `InspectionRecord` of protocol/inspection.ts): its event serialised once, for storage and for the wire. */
export interface StoredRecord {
  n: number;
  seq: number;
  at: number;
  json: string;
}

/** Serialises records for a frame without re-serialising their events. */
export function recordsJson(records: readonly StoredRecord[]): string {
  return `[${records.map((r) => `{"n":${r.n},"seq":${r.seq},"at":${r.at},"event":${r.json}}`).join(',')}]`;
}

export class InspectionLog {
  constructor(private readonly storage: RoomStorage) {
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS inspection (
      n INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER NOT NULL, at INTEGER NOT NULL, event TEXT NOT NULL)`);
  }

  /** Writes the events of transition `seq`, each serialised once; call inside the step's transaction. */
  append(seq: number, at: number, events: readonly StatelyInspectionEvent[]): StoredRecord[] {
    const records = events.map((event) => {
      const json = JSON.stringify(event);
      const { n } = rows<{ n: number }>(
        this.storage.sql,
        'INSERT INTO inspection (seq, at, event) VALUES (?, ?, ?) RETURNING n',
        seq, at, json,
      )[0]!;
      return { n, seq, at, json };
    });
    if (records.length > 0) this.storage.sql.exec('DELETE FROM inspection WHERE seq <= ?', seq - INSPECTION_HISTORY_TRANSITIONS);
    return records;
  }

  /** The stored history, oldest first. */
  history(): StoredRecord[] {
    return rows<{ n: number; seq: number; at: number; event: string }>(this.storage.sql, 'SELECT * FROM inspection ORDER BY n').map(
      (row) => ({ n: row.n, seq: row.seq, at: row.at, json: row.event }),
    );
  }
}

/**
 * The journal's outbox. Facts are appended to the room's SQLite in the same transaction as the
 * transition that produced them, then flushed to D1 in batches by a scheduler task, with retry.
 * A D1 outage therefore delays the journal and never blocks the game; `INSERT OR IGNORE` on the
 * fact id makes a repeated flush (at-least-once alarms, a crash after D1 answered) harmless.
 */
import { rows, type RoomStorage } from '../room-storage';

export interface JournalFact {
  /** Unique and stable: `<roomId>:<envelope seq>:<index>`, so a replayed write cannot duplicate. */
  factId: string;
  roomId: string;
  machine: string;
  seq: number;
  kind: string;
  data: Record<string, unknown>;
  at: number;
}

/** Where flushed facts go: D1 in production; tests wrap it to simulate an outage. */
export interface JournalSink {
  write(facts: readonly JournalFact[]): Promise<void>;
}

export const JOURNAL_FLUSH_TASK = 'journal-flush';
/**
 * How long a fact waits for others to join its batch. A gift journals one: flushed on their own,
 * the facts of a busy day cost an alarm event and a D1 call per gift (one action in seven of the
 * bench's load). The outbox is in the room's SQLite, written with the step, so waiting loses
 * nothing; D1 lags the game by this at most (plus a retry's backoff after an outage).
 */
export const JOURNAL_FLUSH_DELAY_MS = 5_000;
const BATCH = 50;

export function d1JournalSink(db: D1Database): JournalSink {
  return {
    async write(facts) {
      const insert = db.prepare(
        'INSERT OR IGNORE INTO journal (fact_id, room_id, machine, seq, kind, data, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      await db.batch(facts.map((f) => insert.bind(f.factId, f.roomId, f.machine, f.seq, f.kind, JSON.stringify(f.data), f.at)));
    },
  };
}

export class JournalOutbox {
  constructor(private readonly storage: RoomStorage) {
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS journal_outbox (
      n INTEGER PRIMARY KEY AUTOINCREMENT, fact_id TEXT NOT NULL UNIQUE, fact TEXT NOT NULL)`);
  }

  /** Appends made by this instance (a rolled-back one too): what tells a flush that more came while it waited. */
  private appended = 0;

  append(facts: readonly JournalFact[]): void {
    this.appended++;
    for (const fact of facts) {
      this.storage.sql.exec('INSERT OR IGNORE INTO journal_outbox (fact_id, fact) VALUES (?, ?)', fact.factId, JSON.stringify(fact));
    }
  }

  pending(): number {
    return rows<{ n: number }>(this.storage.sql, 'SELECT COUNT(*) AS n FROM journal_outbox')[0]?.n ?? 0;
  }

  /** Sends everything pending, oldest first. Throws on the first failed batch; what was sent stays sent. */
  async flush(sink: JournalSink): Promise<number> {
    let sent = 0;
    for (;;) {
      const appendedBefore = this.appended;
      const batch = rows<{ n: number; fact: string }>(this.storage.sql, 'SELECT n, fact FROM journal_outbox ORDER BY n LIMIT ?', BATCH);
      if (batch.length === 0) return sent;
      await sink.write(batch.map((row) => JSON.parse(row.fact) as JournalFact));
      this.storage.sql.exec('DELETE FROM journal_outbox WHERE n <= ?', batch[batch.length - 1]!.n);
      sent += batch.length;
      // A short batch was all there was, unless facts were appended while D1 was writing (other
      // inputs run meanwhile): then they are read now, as this task is completed when it returns.
      if (batch.length < BATCH && this.appended === appendedBefore) return sent;
    }
  }
}

/**
 * The envelope: what a room persists after every transition — the pinned machine version and the
 * actor's persisted snapshot — plus the room record written once at init (roster, manifest, seed).
 * Durable timers live in the scheduler's task table and are written in the same transaction, so
 * together they are one atomic write.
 */
import type { MachineRef } from '../machines/machine-version';
import { firstRow, type RoomStorage } from './room-storage';

/** SQLite rows hold at most 2 MB; refuse well before that so a transition fails cleanly instead. */
export const MAX_ENVELOPE_BYTES = 1_500_000;

export interface RoomRecord {
  roomId: string;
  /** The machine the room was created with (an upgrade changes the envelope's, not this). */
  createdWith: MachineRef;
  /** The init payload exactly as accepted: `{ machine, roster, manifest }`. */
  init: { machine: string; roster: unknown; manifest: unknown };
  /** SHA-256 of the canonical init payload: a repeated init is harmless, a different one is refused. */
  initHash: string;
  createdAt: number;
  seed: string;
}

export interface Envelope {
  machine: MachineRef;
  /** `actor.getPersistedSnapshot()`, serialised. */
  snapshot: string;
  /** Increments with every persisted transition. */
  seq: number;
  updatedAt: number;
}

export class EnvelopeTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`the game state would take ${bytes} bytes, over the ${MAX_ENVELOPE_BYTES}-byte limit`);
  }
}

export class EnvelopeStore {
  constructor(private readonly storage: RoomStorage) {
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS room (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      room_id TEXT NOT NULL, created_with TEXT NOT NULL, init TEXT NOT NULL, init_hash TEXT NOT NULL,
      created_at INTEGER NOT NULL, seed TEXT NOT NULL)`);
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS envelope (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      machine TEXT NOT NULL, snapshot TEXT NOT NULL, seq INTEGER NOT NULL, updated_at INTEGER NOT NULL)`);
  }

  readRoom(): RoomRecord | undefined {
    const row = firstRow<Record<string, string | number>>(this.storage.sql, 'SELECT * FROM room WHERE id = 1');
    if (!row) return undefined;
    return {
      roomId: String(row.room_id),
      createdWith: row.created_with as MachineRef,
      init: JSON.parse(String(row.init)),
      initHash: String(row.init_hash),
      createdAt: Number(row.created_at),
      seed: String(row.seed),
    };
  }

  writeRoom(room: RoomRecord): void {
    this.storage.sql.exec(
      'INSERT INTO room (id, room_id, created_with, init, init_hash, created_at, seed) VALUES (1, ?, ?, ?, ?, ?, ?)',
      room.roomId, room.createdWith, JSON.stringify(room.init), room.initHash, room.createdAt, room.seed,
    );
  }

  read(): Envelope | undefined {
    const row = firstRow<{ machine: string; snapshot: string; seq: number; updated_at: number }>(
      this.storage.sql,
      'SELECT machine, snapshot, seq, updated_at FROM envelope WHERE id = 1',
    );
    return row && { machine: row.machine as MachineRef, snapshot: row.snapshot, seq: row.seq, updatedAt: row.updated_at };
  }

  write(envelope: Envelope): void {
    const bytes = new TextEncoder().encode(envelope.snapshot).byteLength;
    if (bytes > MAX_ENVELOPE_BYTES) throw new EnvelopeTooLargeError(bytes);
    this.storage.sql.exec(
      `INSERT INTO envelope (id, machine, snapshot, seq, updated_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET machine = excluded.machine, snapshot = excluded.snapshot,
         seq = excluded.seq, updated_at = excluded.updated_at`,
      envelope.machine, envelope.snapshot, envelope.seq, envelope.updatedAt,
    );
  }
}

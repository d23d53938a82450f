/**
 * The envelope: what a room persists after a transition that changed the snapshot — the pinned
 * machine version and the actor's persisted snapshot — plus the room record written once at init
 * (the init payload, opaque to the room, and the seed). A transition that leaves the snapshot as it
 * was (a chat message, a timer that only moved) does not rewrite it: its seq and time are in the
 * room's input log (input-log.ts), which the room reads on wake. The one-row head (`envelope_head`)
 * is what rooms wrote for that before the log, and is still read for them. Durable timers live in the scheduler's task table.
 * All of it is written in the step's one transaction.
 */
import type { MachineRef } from '../machines/machine-version';
import { firstRow, type RoomStorage } from './room-storage';

/** SQLite rows hold at most 2 MB; refuse well before that so a transition fails cleanly instead. */
export const MAX_ENVELOPE_BYTES = 1_500_000;

export interface RoomRecord {
  roomId: string;
  /** The machine the room was created with (an upgrade changes the envelope's, not this). */
  createdWith: MachineRef;
  /** The init payload exactly as accepted: `{ machine, ... }`; only the version reads the rest. */
  init: { machine: string; [field: string]: unknown };
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
  /** The time of the last transition. */
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
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS envelope_head (
      id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, updated_at INTEGER NOT NULL)`);
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
      room.roomId,
      room.createdWith,
      JSON.stringify(room.init),
      room.initHash,
      room.createdAt,
      room.seed,
    );
  }

  /** The envelope with the head's seq and time (rooms from before the head have only the envelope's). */
  read(): Envelope | undefined {
    const row = firstRow<{
      machine: string;
      snapshot: string;
      seq: number;
      updated_at: number;
      head_seq: number | null;
      head_at: number | null;
    }>(
      this.storage.sql,
      `SELECT machine, snapshot, envelope.seq AS seq, envelope.updated_at AS updated_at,
              envelope_head.seq AS head_seq, envelope_head.updated_at AS head_at
       FROM envelope LEFT JOIN envelope_head ON envelope_head.id = 1 WHERE envelope.id = 1`,
    );
    if (!row) return undefined;
    const headAhead = row.head_seq !== null && row.head_seq >= row.seq;
    return {
      machine: row.machine as MachineRef,
      snapshot: row.snapshot,
      seq: headAhead ? row.head_seq! : row.seq,
      updatedAt: headAhead ? row.head_at! : row.updated_at,
    };
  }

  /** Moves the head alone: a transition that did not change the snapshot. */
  writeHead(seq: number, at: number): void {
    this.storage.sql.exec(
      `INSERT INTO envelope_head (id, seq, updated_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at`,
      seq,
      at,
    );
  }

  write(envelope: Envelope): void {
    const bytes = new TextEncoder().encode(envelope.snapshot).byteLength;
    if (bytes > MAX_ENVELOPE_BYTES) throw new EnvelopeTooLargeError(bytes);
    this.storage.sql.exec(
      `INSERT INTO envelope (id, machine, snapshot, seq, updated_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET machine = excluded.machine, snapshot = excluded.snapshot,
         seq = excluded.seq, updated_at = excluded.updated_at`,
      envelope.machine,
      envelope.snapshot,
      envelope.seq,
      envelope.updatedAt,
    );
    // No head row: it is read only when ahead of the envelope, and the input log carries later seqs.
  }

  /** Replaces the stored init payload (an upgrade whose version migrated it); the init hash stays. */
  writeInit(init: RoomRecord['init']): void {
    this.storage.sql.exec('UPDATE room SET init = ? WHERE id = 1', JSON.stringify(init));
  }
}

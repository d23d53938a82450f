/**
 * The inspection history: every actor, event and snapshot inspection event of the room's actor
 * system, converted to the shapes `@statelyai/inspect` sends (so the official Stately inspector can
 * read the stream as it is), for the last {@link INSPECTION_HISTORY_TRANSITIONS} transitions, so a
 * late inspector sees the past.
 *
 * Nothing of it is stored per transition: live records go out from the step's result, and the past
 * is rebuilt on demand from the room's input log (input-log.ts): the one host is restored from the
 * checkpoint before the window and steps the recorded inputs again, which makes the same records
 * (the host is deterministic given its inputs, clock and facts), snapshots and definitions included.
 * Writing a snapshot per transition here doubled what a transition wrote.
 *
 * Ids are actor paths (`root`, `root/vote`) rather than XState session ids, which change on every
 * restore: the history of one room reads as one run across evictions.
 */
import { SimulatedClock } from 'xstate';
import { GameHost, type Transition } from '../engine/host';
import type { MachineRegistry } from '../machines/registry';
import type { RoomFacts } from '../machines/machine-version';
import type { HostInput } from '../engine/host';
import type { RoomRecord } from './envelope';
import type { InputLog, LogRow } from './input-log';
import { rows, type RoomStorage } from './room-storage';

export const INSPECTION_HISTORY_TRANSITIONS = 1_000;

/** A record as sent (an `InspectionRecord` of protocol/inspection.ts): its event serialised once, for every inspector. */
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

/**
 * Records per transition are numbered `seq × RECORDS_PER_TRANSITION + i`: increasing, and the
 * same for the live room and a rebuild without counting what came before (a room makes records
 * only while an inspector listens). Rooms from before numbered them 1, 2, 3…, always below these.
 */
export const RECORDS_PER_TRANSITION = 100_000;

/** The records of a step's transitions; each event is serialised once, when first sent. */
export function recordsOf(transitions: readonly Transition[]): StoredRecord[] {
  const records: StoredRecord[] = [];
  for (const t of transitions) {
    t.inspection.forEach((event, i) => {
      let json: string | undefined;
      records.push({
        n: t.seq * RECORDS_PER_TRANSITION + i,
        seq: t.seq,
        at: t.at,
        get json() {
          return (json ??= JSON.stringify(event));
        },
      });
    });
  }
  return records;
}

export interface HistorySource {
  storage: RoomStorage;
  log: InputLog;
  registry: MachineRegistry;
  room: RoomRecord;
  facts: RoomFacts;
  /** The init payload as the version reads it. */
  payload: unknown;
  /** The room's current seq: the window is the transitions after `seq − INSPECTION_HISTORY_TRANSITIONS`. */
  seq: number;
}

/**
 * The history a late inspector gets, oldest first. Records of rooms from before the input log
 * (the old `inspection` table, which stored them whole) come first; a step that cannot be replayed
 * (its version no longer registered) ends the rebuild there rather than inventing anything.
 */
export function inspectionHistory(source: HistorySource): StoredRecord[] {
  const from = source.seq - INSPECTION_HISTORY_TRANSITIONS;
  const records = legacyRecords(source.storage, from);
  if (source.log.empty) return records;
  const checkpoint = source.log.checkpointAtOrBefore(Math.max(from, 0));
  if (!checkpoint) return records;
  const clock = new SimulatedClock();
  const options = { clock, inspect: true, views: false };
  let host: GameHost | undefined;
  const keep = (made: StoredRecord[]) => records.push(...made.filter((r) => r.seq > from));
  try {
    if (checkpoint.kind === 'start' && from < checkpoint.seq) {
      // The game's first transition has no state before it: run the creation again.
      clock.set(checkpoint.at);
      const version = source.registry.get(source.room.createdWith);
      if (version) {
        const created = GameHost.create(version, source.payload, source.facts, options);
        host = created.host;
        keep(recordsOf(created.result.transitions));
      }
    }
    host ??= restoreAt(source, checkpoint, clock, options);
    for (const row of source.log.after(checkpoint.id)) {
      if (!host) break;
      if (row.kind === 'upgrade' || row.kind === 'resume') {
        // Replay cannot cross a migration: go on from the state the room stored.
        host = restoreAt(source, row, clock, options);
        continue;
      }
      if (row.kind !== 'input' || !row.entry) continue;
      clock.set(row.entry.at);
      const result = host.step(row.entry.input as HostInput);
      keep(recordsOf(result.transitions));
      // A checkpoint the replay does not match means it drifted (it never should): go on from what the room stored.
      if (row.state && (row.state.snapshot !== host.state.snapshot || row.state.machine !== host.ref)) {
        console.error(`inspection history: the replay differs from the checkpoint at seq ${row.seq}`);
        host = restoreAt(source, row, clock, options);
      }
    }
  } catch (error) {
    console.error('inspection history: replay stopped', error);
  }
  return records;
}

function restoreAt(
  source: HistorySource,
  row: LogRow,
  clock: SimulatedClock,
  options: { clock: SimulatedClock; inspect: boolean; views: boolean },
): GameHost | undefined {
  const version = row.state && source.registry.get(row.state.machine);
  if (!version || !row.state) return undefined;
  clock.set(row.at);
  return GameHost.restore(version, row.state, source.payload, source.facts, options);
}

/** Records a room wrote whole before the input log existed (read, never written any more). */
function legacyRecords(storage: RoomStorage, from: number): StoredRecord[] {
  const table = rows<{ name: string }>(storage.sql, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'inspection'");
  if (table.length === 0) return [];
  return rows<{ n: number; seq: number; at: number; event: string }>(
    storage.sql,
    'SELECT * FROM inspection WHERE seq > ? ORDER BY n',
    from,
  ).map((row) => ({ n: row.n, seq: row.seq, at: row.at, json: row.event }));
}

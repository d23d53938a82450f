/**
 * Exactly-once client actions. A client that lost the answer to a `send` frame (a dropped socket,
 * a reconnect) sends the same frame again with the same `ref`. The room remembers the outcome of
 * every applied action by player and ref, written in the same transaction as the action itself,
 * and answers a repeat with that outcome instead of applying it twice.
 *
 * The window: a ref is remembered for {@link REF_WINDOW_MS} and among the player's last
 * {@link REFS_PER_PLAYER} actions (docs/protocol.md). Only actions that reached the machine are
 * remembered; a frame rejected before it (malformed, rate limited, the room not running) changed
 * nothing, and sending it again is simply tried again.
 */
import { firstRow, rows, type RoomStorage } from './room-storage';

export const REF_WINDOW_MS = 24 * 60 * 60 * 1000;
export const REFS_PER_PLAYER = 200;

export type RememberedOutcome = { type: 'ack'; seq: number } | { type: 'error'; code: string; message: string };

/** Old refs are forgotten every this many remembered actions, not on each one (the queries cost). */
const PRUNE_EVERY = 64;

export class ActionRefs {
  private sincePrune = 0;
  /**
   * Per player, every ref the table may hold: read with the player's first lookup, then added to
   * by every `remember` (even one a rolled-back transaction undoes), so it only ever holds more
   * than the table. A ref not in it was never remembered: a new action, nearly every frame, needs
   * no query (the lookup was a twelfth of an action's CPU). A possible repeat asks the table.
   */
  private readonly known = new Map<string, Set<string>>();

  constructor(private readonly storage: RoomStorage) {
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS action_refs (
      player_id TEXT NOT NULL, ref TEXT NOT NULL, outcome TEXT NOT NULL, at INTEGER NOT NULL,
      PRIMARY KEY (player_id, ref))`);
    storage.sql.exec('CREATE INDEX IF NOT EXISTS action_refs_by_time ON action_refs (player_id, at)');
  }

  /** The outcome of an earlier action with this ref, if it is still remembered. */
  outcomeOf(playerId: string, ref: string, now: number): RememberedOutcome | undefined {
    if (!this.refsOf(playerId).has(ref)) return undefined;
    const row = firstRow<{ outcome: string }>(
      this.storage.sql,
      'SELECT outcome FROM action_refs WHERE player_id = ? AND ref = ? AND at > ?',
      playerId,
      ref,
      now - REF_WINDOW_MS,
    );
    return row && (JSON.parse(row.outcome) as RememberedOutcome);
  }

  private refsOf(playerId: string): Set<string> {
    let refs = this.known.get(playerId);
    if (!refs) {
      refs = new Set(
        rows<{ ref: string }>(this.storage.sql, 'SELECT ref FROM action_refs WHERE player_id = ?', playerId).map((r) => r.ref),
      );
      this.known.set(playerId, refs);
    }
    return refs;
  }

  /**
   * Remembers an outcome; call inside the action's transaction. Now and then forgets what fell out
   * of the window (so a ref is remembered at least as long as the window says, sometimes longer).
   */
  remember(playerId: string, ref: string, outcome: RememberedOutcome, now: number): void {
    this.storage.sql.exec(
      'INSERT OR REPLACE INTO action_refs (player_id, ref, outcome, at) VALUES (?, ?, ?, ?)',
      playerId,
      ref,
      JSON.stringify(outcome),
      now,
    );
    this.known.get(playerId)?.add(ref);
    if (++this.sincePrune < PRUNE_EVERY) return;
    this.sincePrune = 0;
    // Read again at the next lookup (never inside this transaction: lookups come before an action).
    this.known.clear();
    this.storage.sql.exec('DELETE FROM action_refs WHERE at <= ?', now - REF_WINDOW_MS);
    this.storage.sql.exec(
      `DELETE FROM action_refs WHERE player_id = ? AND ref NOT IN (
         SELECT ref FROM action_refs WHERE player_id = ? ORDER BY at DESC, rowid DESC LIMIT ?)`,
      playerId,
      playerId,
      REFS_PER_PLAYER,
    );
  }
}

/**
 * The wallet outbox: what a finished game pays into its players' persistent wallets (the version's
 * `payouts`, machine-version.ts). The room enqueues a game's payout once, in the SQLite transaction
 * of the step that first made it non-empty, and the `wallet-credit` scheduler task sends it to D1
 * with retry, as the journal's outbox does (journal/outbox.ts): a D1 outage delays a credit and
 * never loses one. Rows stay after they are sent, marked, so a later step cannot enqueue the game's
 * payout again. D1 applies each credit once, whatever the retries: the credit's key is the room and
 * the user (`wallet_credits` primary key), and the wallet moves only for a credit not yet applied,
 * in the same batch (one D1 transaction).
 */
import type { MachineRef, WalletPayout } from '../../machines/machine-version';
import { rows, type RoomStorage } from '../room-storage';

export const WALLET_CREDIT_TASK = 'wallet-credit';

export interface WalletCredit {
  roomId: string;
  userId: string;
  playerId: string;
  machine: MachineRef;
  gold: number;
  at: number;
}

/** Where credits go: D1 in production (the GameServer's `walletSink`, a seam tests may replace). */
export interface WalletSink {
  credit(credits: readonly WalletCredit[]): Promise<void>;
}

export function d1WalletSink(db: D1Database): WalletSink {
  return {
    async credit(credits) {
      const record = db.prepare(
        'INSERT OR IGNORE INTO wallet_credits (room_id, user_id, player_id, machine, gold, at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      // The credit's own row says how much, so a replay (already applied) moves nothing.
      const apply = db.prepare(
        `INSERT INTO wallets (user_id, gold, updated_at)
         SELECT user_id, gold, at FROM wallet_credits WHERE room_id = ? AND user_id = ? AND applied = 0
         ON CONFLICT (user_id) DO UPDATE SET gold = gold + excluded.gold, updated_at = excluded.updated_at`,
      );
      const mark = db.prepare('UPDATE wallet_credits SET applied = 1 WHERE room_id = ? AND user_id = ?');
      await db.batch(
        credits.flatMap((c) => [
          record.bind(c.roomId, c.userId, c.playerId, c.machine, c.gold, c.at),
          apply.bind(c.roomId, c.userId),
          mark.bind(c.roomId, c.userId),
        ]),
      );
    },
  };
}

export class WalletOutbox {
  constructor(private readonly storage: RoomStorage) {
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS wallet_outbox (
      user_id TEXT PRIMARY KEY, credit TEXT NOT NULL, sent_at INTEGER)`);
  }

  /** Whether this room's game has already enqueued its payout (sent or not). */
  get enqueued(): boolean {
    return rows(this.storage.sql, 'SELECT 1 FROM wallet_outbox LIMIT 1').length > 0;
  }

  /** Enqueues a game's payout: one credit per user (a repeated user keeps its first). */
  append(roomId: string, machine: MachineRef, payouts: readonly WalletPayout[], at: number): void {
    for (const { userId, playerId, gold } of payouts) {
      const credit: WalletCredit = { roomId, userId, playerId, machine, gold, at };
      this.storage.sql.exec('INSERT OR IGNORE INTO wallet_outbox (user_id, credit) VALUES (?, ?)', userId, JSON.stringify(credit));
    }
  }

  pending(): number {
    return rows<{ n: number }>(this.storage.sql, 'SELECT COUNT(*) AS n FROM wallet_outbox WHERE sent_at IS NULL')[0]?.n ?? 0;
  }

  /** Sends every credit not yet sent, in one batch. Throws when the sink fails; nothing is marked then. */
  async flush(sink: WalletSink, now: number): Promise<number> {
    const unsent = rows<{ user_id: string; credit: string }>(
      this.storage.sql,
      'SELECT user_id, credit FROM wallet_outbox WHERE sent_at IS NULL ORDER BY user_id',
    );
    if (unsent.length === 0) return 0;
    await sink.credit(unsent.map((row) => JSON.parse(row.credit) as WalletCredit));
    for (const row of unsent) this.storage.sql.exec('UPDATE wallet_outbox SET sent_at = ? WHERE user_id = ?', now, row.user_id);
    return unsent.length;
  }
}

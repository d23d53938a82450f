/**
 * The wallets as the lobby reads them from D1 (worker/journal/migrations/0002_wallets.sql): a
 * member's gold carried into a new game, and `GET /api/wallets/:userId`. A user the wallets have
 * never credited holds zero gold: a user id is a name the host picks, not an account, so there is
 * nothing to be "not found". The rooms write wallets only through their outbox (outbox.ts).
 */
import { RoomError } from '../room-error';

export interface WalletBody {
  userId: string;
  gold: number;
  /** When the wallet last moved; null for a user never credited. */
  updatedAt: number | null;
  /** The latest credits, newest first: which game paid how much. */
  credits: { roomId: string; playerId: string; machine: string; gold: number; at: number }[];
}

/** How many credits a look-up lists. */
export const WALLET_CREDITS_LISTED = 20;

/** Each user's gold (0 when never credited). Throws WALLETS_UNAVAILABLE when D1 cannot answer. */
export async function readWallets(db: D1Database, userIds: readonly string[]): Promise<Map<string, number>> {
  const gold = new Map(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return gold;
  try {
    const placeholders = userIds.map(() => '?').join(', ');
    const found = await db
      .prepare(`SELECT user_id, gold FROM wallets WHERE user_id IN (${placeholders})`)
      .bind(...userIds)
      .all<{ user_id: string; gold: number }>();
    for (const row of found.results) gold.set(row.user_id, row.gold);
  } catch (error) {
    throw unavailable(error);
  }
  return gold;
}

/** One wallet with its latest credits. Throws WALLETS_UNAVAILABLE when D1 cannot answer. */
export async function readWallet(db: D1Database, userId: string): Promise<WalletBody> {
  try {
    const [wallet, credits] = await db.batch<Record<string, unknown>>([
      db.prepare('SELECT gold, updated_at FROM wallets WHERE user_id = ?').bind(userId),
      db
        .prepare(
          'SELECT room_id, player_id, machine, gold, at FROM wallet_credits WHERE user_id = ? AND applied = 1 ORDER BY at DESC, room_id LIMIT ?',
        )
        .bind(userId, WALLET_CREDITS_LISTED),
    ]);
    const row = wallet!.results[0] as { gold: number; updated_at: number } | undefined;
    return {
      userId,
      gold: row?.gold ?? 0,
      updatedAt: row?.updated_at ?? null,
      credits: (credits!.results as { room_id: string; player_id: string; machine: string; gold: number; at: number }[]).map((c) => ({
        roomId: c.room_id,
        playerId: c.player_id,
        machine: c.machine,
        gold: c.gold,
        at: c.at,
      })),
    };
  } catch (error) {
    throw unavailable(error);
  }
}

function unavailable(error: unknown): RoomError {
  console.error('wallets unavailable', error);
  return new RoomError('WALLETS_UNAVAILABLE', 'the wallets could not be read; try again shortly');
}

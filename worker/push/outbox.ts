/**
 * Web Push subscriptions and the push outbox, in the room's SQLite. Pushes are queued in the same
 * transaction as the step that caused them and sent by the `push-send` scheduler task, with retry,
 * exactly as the journal's outbox is (journal/outbox.ts): a push-service outage delays a push and
 * never loses one, and a push id (unique per notice and subscription) makes queueing it twice, or a
 * retried alarm, harmless. The id also travels as the push's `Topic` and the notification's tag, so
 * a push the service accepted but whose answer was lost replaces itself instead of showing twice.
 * A subscription the push service calls gone (404, 410) is dropped with its queued pushes.
 */
import { buildPushPayload } from '@block65/webcrypto-web-push';
import { MAX_PUSH_SUBSCRIPTIONS_PER_PLAYER, type PushPayload, type PushSubscriptionBody } from '../../protocol';
import { rows, type RoomStorage } from '../room-storage';
import type { Vapid } from './vapid';

export const PUSH_SEND_TASK = 'push-send';
const BATCH = 50;
/** A push the service could not deliver within a day is stale: the game has moved on. */
const TTL_SECONDS = 24 * 3600;

/** How the room reaches push services: `fetch` in production; tests put a push service of their own here. */
export type PushTransport = (url: string, init: RequestInit) => Promise<Response>;

export interface QueuedPush {
  /** Which notice, for whom: the subscription's endpoint is added to make the stored id. */
  key: string;
  playerId: string;
  payload: Omit<PushPayload, 'id'>;
}

export class PushOutbox {
  constructor(private readonly storage: RoomStorage) {
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS push_subscriptions (
      endpoint TEXT PRIMARY KEY, player_id TEXT NOT NULL, p256dh TEXT NOT NULL, auth TEXT NOT NULL, created_at INTEGER NOT NULL)`);
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS push_outbox (
      n INTEGER PRIMARY KEY AUTOINCREMENT, push_id TEXT NOT NULL UNIQUE, endpoint TEXT NOT NULL, payload TEXT NOT NULL)`);
  }

  /** Registers (or moves to this player) a browser's subscription; the player's oldest beyond the cap goes. */
  subscribe(playerId: string, subscription: PushSubscriptionBody, now: number): void {
    const { endpoint, keys } = subscription;
    this.count = undefined;
    this.storage.sql.exec(
      `INSERT INTO push_subscriptions (endpoint, player_id, p256dh, auth, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (endpoint) DO UPDATE SET player_id = excluded.player_id, p256dh = excluded.p256dh, auth = excluded.auth`,
      endpoint,
      playerId,
      keys.p256dh,
      keys.auth,
      now,
    );
    const extra = rows<{ endpoint: string }>(
      this.storage.sql,
      'SELECT endpoint FROM push_subscriptions WHERE player_id = ? ORDER BY created_at DESC, endpoint LIMIT -1 OFFSET ?',
      playerId,
      MAX_PUSH_SUBSCRIPTIONS_PER_PLAYER,
    );
    for (const row of extra) this.drop(row.endpoint);
  }

  /** Forgets a subscription of this player (another player's endpoint is not theirs to remove). */
  unsubscribe(playerId: string, endpoint: string): void {
    const owner = rows<{ player_id: string }>(this.storage.sql, 'SELECT player_id FROM push_subscriptions WHERE endpoint = ?', endpoint)[0];
    if (owner?.player_id === playerId) this.drop(endpoint);
  }

  /**
   * How many subscriptions there are. The room asks before every step it persists, and most rooms
   * have none: the count is read once and forgotten by every write to the table, all of which are
   * this class's (none is made inside a step's transaction, so none is rolled back under it).
   */
  subscribers(): number {
    this.count ??= rows<{ n: number }>(this.storage.sql, 'SELECT COUNT(*) AS n FROM push_subscriptions')[0]?.n ?? 0;
    return this.count;
  }

  private count: number | undefined;

  /** Every subscribed player, for a notice to everyone. */
  subscribedPlayers(): string[] {
    return rows<{ player_id: string }>(this.storage.sql, 'SELECT DISTINCT player_id FROM push_subscriptions ORDER BY player_id').map(
      (r) => r.player_id,
    );
  }

  /** Queues each push for each of its player's subscriptions (a push id already queued is ignored). */
  append(pushes: readonly QueuedPush[]): void {
    for (const push of pushes) {
      const endpoints = rows<{ endpoint: string }>(
        this.storage.sql,
        'SELECT endpoint FROM push_subscriptions WHERE player_id = ?',
        push.playerId,
      );
      for (const { endpoint } of endpoints) {
        const id = `${push.key}:${push.playerId}:${hashOf(endpoint)}`;
        const payload: PushPayload = { id, ...push.payload };
        this.storage.sql.exec(
          'INSERT OR IGNORE INTO push_outbox (push_id, endpoint, payload) VALUES (?, ?, ?)',
          id,
          endpoint,
          JSON.stringify(payload),
        );
      }
    }
  }

  pending(): number {
    return rows<{ n: number }>(this.storage.sql, 'SELECT COUNT(*) AS n FROM push_outbox')[0]?.n ?? 0;
  }

  /**
   * Sends what is queued, oldest first. A delivered push and one for a gone subscription leave the
   * outbox; any other answer keeps it, and the flush throws at the end so the task retries later.
   */
  async flush(vapid: Vapid, transport: PushTransport): Promise<{ sent: number; dropped: number }> {
    let sent = 0;
    let dropped = 0;
    const failures: string[] = [];
    let after = 0;
    for (;;) {
      const batch = rows<{ n: number; endpoint: string; payload: string; p256dh: string | null; auth: string | null }>(
        this.storage.sql,
        `SELECT o.n, o.endpoint, o.payload, s.p256dh, s.auth FROM push_outbox o
         LEFT JOIN push_subscriptions s ON s.endpoint = o.endpoint WHERE o.n > ? ORDER BY o.n LIMIT ?`,
        after,
        BATCH,
      );
      if (batch.length === 0) break;
      for (const row of batch) {
        after = row.n;
        if (!row.p256dh || !row.auth) {
          this.storage.sql.exec('DELETE FROM push_outbox WHERE n = ?', row.n);
          continue;
        }
        const payload = JSON.parse(row.payload) as PushPayload;
        let status: number;
        try {
          const request = await buildPushPayload(
            { data: payload, options: { ttl: TTL_SECONDS, topic: hashOf(payload.id), urgency: 'normal' } },
            { endpoint: row.endpoint, expirationTime: null, keys: { p256dh: row.p256dh, auth: row.auth } },
            { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateJwk.d },
          );
          const response = await transport(row.endpoint, request);
          status = response.status;
          await response.body?.cancel();
        } catch (error) {
          failures.push((error as Error).message);
          continue;
        }
        if (status >= 200 && status < 300) {
          this.storage.sql.exec('DELETE FROM push_outbox WHERE n = ?', row.n);
          sent++;
        } else if (status === 404 || status === 410) {
          this.drop(row.endpoint);
          dropped++;
        } else {
          failures.push(`push service answered ${status}`);
        }
      }
    }
    if (failures.length > 0) throw new Error(`${failures.length} push(es) not delivered, kept for a retry: ${failures[0]}`);
    return { sent, dropped };
  }

  private drop(endpoint: string): void {
    this.count = undefined;
    this.storage.sql.exec('DELETE FROM push_subscriptions WHERE endpoint = ?', endpoint);
    this.storage.sql.exec('DELETE FROM push_outbox WHERE endpoint = ?', endpoint);
  }
}

/**
 * A short, stable, base64url-safe digest (FNV-1a, 64 bits as two 32-bit halves): push `Topic`s are at
 * most 32 such characters, and endpoint URLs are long. Not for security: ids only need to differ.
 */
export function hashOf(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (a >>> 7), 0x5bd1e995) >>> 0;
  }
  return a.toString(36) + b.toString(36);
}

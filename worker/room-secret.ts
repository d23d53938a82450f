/**
 * The room's secret: 32 random bytes made once per room (at init, or on the first wake of a room
 * created before it existed) and kept in the room's SQLite alone. It never leaves the server: no
 * frame, no view, no `/status`, no export carries it. From it the room derives each player's
 * opaque tag (HMAC-SHA256 of the player id), which the version's `senderTags` events receive: a
 * machine can then derive something per player (a confession's handle) that no player can link
 * back to a player, because linking it takes the secret. The tag, not the secret, enters the
 * game's inputs, so the host stays pure and a replay of the input history needs no secret.
 */
import { firstRow, type RoomStorage } from './room-storage';

export class RoomSecret {
  constructor(private readonly storage: RoomStorage) {
    storage.sql.exec('CREATE TABLE IF NOT EXISTS room_secret (id INTEGER PRIMARY KEY CHECK (id = 1), secret TEXT NOT NULL)');
  }

  /** The secret, made and stored first if the room has none yet. */
  ensure(): string {
    const found = firstRow<{ secret: string }>(this.storage.sql, 'SELECT secret FROM room_secret WHERE id = 1');
    if (found) return found.secret;
    const secret = hex(crypto.getRandomValues(new Uint8Array(32)));
    this.storage.sql.exec('INSERT INTO room_secret (id, secret) VALUES (1, ?)', secret);
    return secret;
  }

  /** Each player's tag: HMAC-SHA256(secret, playerId), hex. */
  async tagsOf(playerIds: readonly string[]): Promise<Map<string, string>> {
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(this.ensure()), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    const tags = new Map<string, string>();
    for (const id of playerIds) {
      tags.set(id, hex(new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(id)))));
    }
    return tags;
  }
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

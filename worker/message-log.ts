/**
 * Chat and DM messages, kept out of the actor snapshot: a SQLite row holds at most 2 MB and
 * re-writing history on every transition would cost O(history). The machine decides whether a
 * message is allowed (and charges for it); the room appends it here and delivers it to the
 * members of its channel. A reconnecting client catches up from its cursor (the last seq it saw).
 */
import type { ChatMessage } from '../protocol';
import { rows, type RoomStorage } from './room-storage';

export const CATCH_UP_PAGE = 500;

export class MessageLog {
  constructor(private readonly storage: RoomStorage) {
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, channel TEXT NOT NULL, members TEXT,
      sender TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL)`);
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS message_members (
      player_id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (player_id, seq))`);
  }

  append(message: Omit<ChatMessage, 'seq'>): ChatMessage {
    const { seq } = rows<{ seq: number }>(
      this.storage.sql,
      'INSERT INTO messages (channel, members, sender, text, at) VALUES (?, ?, ?, ?, ?) RETURNING seq',
      message.channel, message.members ? JSON.stringify(message.members) : null, message.from, message.text, message.at,
    )[0]!;
    for (const member of message.members ?? []) {
      this.storage.sql.exec('INSERT INTO message_members (player_id, seq) VALUES (?, ?)', member, seq);
    }
    return { seq, ...message };
  }

  /** Messages `reader` may see with seq > `after`, oldest first; `reader` null sees everything (admins). */
  after(reader: string | null, after: number, limit = CATCH_UP_PAGE): ChatMessage[] {
    const query =
      reader === null
        ? rows<MessageRow>(this.storage.sql, 'SELECT * FROM messages WHERE seq > ? ORDER BY seq LIMIT ?', after, limit)
        : rows<MessageRow>(
            this.storage.sql,
            `SELECT * FROM messages WHERE seq > ? AND (members IS NULL
               OR seq IN (SELECT seq FROM message_members WHERE player_id = ? AND seq > ?))
             ORDER BY seq LIMIT ?`,
            after, reader, after, limit,
          );
    return query.map((row) => ({
      seq: row.seq,
      channel: row.channel,
      members: row.members ? (JSON.parse(row.members) as string[]) : null,
      from: row.sender,
      text: row.text,
      at: row.at,
    }));
  }

  static visibleTo(message: ChatMessage, reader: string | null): boolean {
    return reader === null || message.members === null || message.members.includes(reader);
  }
}

interface MessageRow {
  seq: number;
  channel: string;
  members: string | null;
  sender: string;
  text: string;
  at: number;
}

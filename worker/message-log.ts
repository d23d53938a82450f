/**
 * Chat and DM messages, kept out of the actor snapshot: a SQLite row holds at most 2 MB and
 * re-writing history on every transition would cost O(history). The machine decides whether a
 * message is allowed (and charges for it); the room appends it here and delivers it to the
 * members of its channel. A reconnecting client catches up from its cursor (the last seq it saw).
 * Replies (the seq they answer), mentions and reactions live here too, for the same reason.
 *
 * A whisper is one group chat row everyone may see; its text is sealed (emptied) for every reader
 * but its sender and addressee, here on catch-up and in the fan-out ({@link MessageLog.asSeenBy}),
 * and in the quote of a reply to it. A confession's `sender` is the handle the machine derived: the
 * room never learns, and so never stores, which player posted it.
 */
import type { ReferencedMessage } from '../machines/machine-version';
import type { ChatMessage, MessageReactions, ReactionCount } from '../protocol';
import { rows, type RoomStorage } from './room-storage';

export const CATCH_UP_PAGE = 500;
/** Members written per statement: two parameters each, under the 100 a statement may bind. */
const MEMBERS_PER_INSERT = 50;

/** A new message as the room appends it. */
export type NewMessage = Omit<ChatMessage, 'seq' | 'replyTo' | 'reactions' | 'sealed'> & { replyTo?: number };

export class MessageLog {
  constructor(private readonly storage: RoomStorage) {
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, channel TEXT NOT NULL, members TEXT,
      sender TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL)`);
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS message_members (
      player_id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (player_id, seq))`);
    // Rooms created before replies and mentions have the table without these columns.
    const columns = new Set(rows<{ name: string }>(storage.sql, 'PRAGMA table_info(messages)').map((c) => c.name));
    if (!columns.has('reply_to')) storage.sql.exec('ALTER TABLE messages ADD COLUMN reply_to INTEGER');
    if (!columns.has('mentions')) storage.sql.exec('ALTER TABLE messages ADD COLUMN mentions TEXT');
    // … and before whispers and confessions.
    if (!columns.has('kind')) storage.sql.exec('ALTER TABLE messages ADD COLUMN kind TEXT');
    if (!columns.has('whisper_to')) storage.sql.exec('ALTER TABLE messages ADD COLUMN whisper_to TEXT');
    // `n` orders a message's reactions by when they were made, so who reacted first is listed first.
    storage.sql.exec(`CREATE TABLE IF NOT EXISTS message_reactions (
      n INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER NOT NULL, player_id TEXT NOT NULL, emoji TEXT NOT NULL,
      UNIQUE (seq, player_id, emoji))`);
  }

  append(message: NewMessage): ChatMessage {
    const { seq } = this.storage.sql
      .exec<{ seq: number }>(
        'INSERT INTO messages (channel, members, sender, text, at, reply_to, mentions, kind, whisper_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq',
        message.channel,
        message.members ? JSON.stringify(message.members) : null,
        message.from,
        message.text,
        message.at,
        message.replyTo ?? null,
        message.mentions?.length ? JSON.stringify(message.mentions) : null,
        message.kind ?? null,
        message.to ?? null,
      )
      .one();
    // The members in one statement (a DM's two: one statement, not two), in chunks under the
    // 100 parameters a statement may bind.
    const members = message.members ?? [];
    for (let i = 0; i < members.length; i += MEMBERS_PER_INSERT) {
      const chunk = members.slice(i, i + MEMBERS_PER_INSERT);
      this.storage.sql.exec(
        `INSERT INTO message_members (player_id, seq) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`,
        ...chunk.flatMap((member) => [member, seq]),
      );
    }
    // Only a reply needs reading back (for its quote). Otherwise the message is what was just
    // written, as `one(seq)` would read it (two queries a message, on most of a room's actions):
    // a new seq has no reactions, as a reaction is stored only for a message the room found.
    if (message.replyTo !== undefined && message.replyTo !== null) return this.one(seq)!;
    return {
      seq,
      channel: message.channel,
      members: message.members ? [...message.members] : null,
      from: message.from,
      text: message.text,
      at: message.at,
      ...(message.mentions?.length ? { mentions: [...message.mentions] } : {}),
      ...(message.kind ? { kind: message.kind } : {}),
      ...(message.to ? { to: message.to } : {}),
    };
  }

  /** A stored message as the machine may be told of it (a reply's or reaction's target); null when there is none. */
  find(seq: number): ReferencedMessage | null {
    const row = rows<MessageRow>(this.storage.sql, 'SELECT * FROM messages WHERE seq = ?', seq)[0];
    return row ? { seq: row.seq, channel: row.channel, members: parseList(row.members), from: row.sender } : null;
  }

  /** Adds `playerId`'s `emoji` to message `seq`, or takes it back if it was there; returns the message's reactions. */
  toggleReaction(seq: number, playerId: string, emoji: string): MessageReactions {
    const removed = rows(
      this.storage.sql,
      'DELETE FROM message_reactions WHERE seq = ? AND player_id = ? AND emoji = ? RETURNING n',
      seq,
      playerId,
      emoji,
    );
    if (removed.length === 0) {
      this.storage.sql.exec('INSERT INTO message_reactions (seq, player_id, emoji) VALUES (?, ?, ?)', seq, playerId, emoji);
    }
    return { seq, reactions: this.reactionsOf([seq]).get(seq) ?? [] };
  }

  /** Messages `reader` may see with seq > `after`, oldest first; `reader` null sees everything (admins). */
  after(reader: string | null, after: number, limit = CATCH_UP_PAGE): ChatMessage[] {
    const query =
      reader === null
        ? rows<MessageRow>(this.storage.sql, `${WITH_QUOTE} WHERE m.seq > ? ORDER BY m.seq LIMIT ?`, after, limit)
        : rows<MessageRow>(
            this.storage.sql,
            `${WITH_QUOTE} WHERE m.seq > ? AND (m.members IS NULL
               OR m.seq IN (SELECT seq FROM message_members WHERE player_id = ? AND seq > ?))
             ORDER BY m.seq LIMIT ?`,
            after,
            reader,
            after,
            limit,
          );
    return this.complete(query, reader);
  }

  /** The reactions of every message `reader` may see with seq ≤ `upTo` that has any: what a reconnecting client may have missed. */
  reactionsUpTo(reader: string | null, upTo: number): MessageReactions[] {
    const seqs = rows<{ seq: number }>(
      this.storage.sql,
      reader === null
        ? 'SELECT DISTINCT r.seq FROM message_reactions r WHERE r.seq <= ? ORDER BY r.seq'
        : `SELECT DISTINCT r.seq FROM message_reactions r JOIN messages m ON m.seq = r.seq
           WHERE r.seq <= ? AND (m.members IS NULL OR r.seq IN (SELECT seq FROM message_members WHERE player_id = ?))
           ORDER BY r.seq`,
      ...(reader === null ? [upTo] : [upTo, reader]),
    ).map((r) => r.seq);
    const all = this.reactionsOf(seqs);
    return seqs.map((seq) => ({ seq, reactions: all.get(seq) ?? [] }));
  }

  /** Counts for the host's dashboard: how much was said, never what or by whom. */
  activity(): { groupMessages: number; dmMessages: number; dmConversations: number; reactions: number } {
    const [counts] = rows<{ group_n: number; dm_n: number; dm_channels: number }>(
      this.storage.sql,
      `SELECT COALESCE(SUM(members IS NULL), 0) AS group_n, COALESCE(SUM(members IS NOT NULL), 0) AS dm_n,
         COUNT(DISTINCT CASE WHEN members IS NOT NULL THEN channel END) AS dm_channels FROM messages`,
    );
    const [reactions] = rows<{ n: number }>(this.storage.sql, 'SELECT COUNT(*) AS n FROM message_reactions');
    return { groupMessages: counts!.group_n, dmMessages: counts!.dm_n, dmConversations: counts!.dm_channels, reactions: reactions!.n };
  }

  static visibleTo(message: Pick<ChatMessage, 'members'>, reader: string | null): boolean {
    return reader === null || message.members === null || message.members.includes(reader);
  }

  /** Whether `reader` may read the text of a message they can see: a whisper's only its two ends (and admins). */
  static readableBy(message: Pick<ChatMessage, 'kind' | 'from' | 'to'>, reader: string | null): boolean {
    return message.kind !== 'whisper' || reader === null || reader === message.from || reader === message.to;
  }

  /** A visible message as `reader` receives it: a whisper between others sealed, and so is a quote of one. */
  static asSeenBy(message: ChatMessage, reader: string | null, quoted?: Pick<ChatMessage, 'kind' | 'from' | 'to'>): ChatMessage {
    const sealed = MessageLog.sealedFor(message, reader, quoted);
    let seen = message;
    if (sealed.text) seen = { ...seen, text: '', sealed: true };
    if (sealed.quote && seen.replyTo) seen = { ...seen, replyTo: { ...seen.replyTo, text: '', sealed: true } };
    return seen;
  }

  /**
   * What {@link asSeenBy} seals of a visible message for `reader`: its text, its quote's. Everything
   * else of the message is the same for every reader, so readers with the same answer receive the
   * same message (the fan-out serialises it once for all of them).
   */
  static sealedFor(
    message: ChatMessage,
    reader: string | null,
    quoted?: Pick<ChatMessage, 'kind' | 'from' | 'to'>,
  ): { text: boolean; quote: boolean } {
    return {
      text: !MessageLog.readableBy(message, reader),
      quote: Boolean(message.replyTo && quoted && !MessageLog.readableBy(quoted, reader)),
    };
  }

  /** The whisper a message quotes, for {@link asSeenBy} (undefined: it quotes none). */
  quotedWhisper(message: ChatMessage): Pick<ChatMessage, 'kind' | 'from' | 'to'> | undefined {
    if (!message.replyTo) return undefined;
    const row = rows<MessageRow>(this.storage.sql, 'SELECT * FROM messages WHERE seq = ?', message.replyTo.seq)[0];
    return row?.kind === 'whisper' ? { kind: 'whisper', from: row.sender, to: row.whisper_to ?? undefined } : undefined;
  }

  private one(seq: number): ChatMessage | undefined {
    return this.complete(rows<MessageRow>(this.storage.sql, `${WITH_QUOTE} WHERE m.seq = ?`, seq), null)[0];
  }

  /** Rows as delivered: with the quote of what they answer (when `reader` may read it) and their reactions. */
  private complete(query: MessageRow[], reader: string | null): ChatMessage[] {
    const reactions = this.reactionsOf(query.map((r) => r.seq));
    return query.map((row) => {
      const mentions = parseList(row.mentions);
      const mine = reactions.get(row.seq);
      const message: ChatMessage = {
        seq: row.seq,
        channel: row.channel,
        members: parseList(row.members),
        from: row.sender,
        text: row.text,
        at: row.at,
        ...(row.kind ? { kind: row.kind as NonNullable<ChatMessage['kind']> } : {}),
        ...(row.whisper_to ? { to: row.whisper_to } : {}),
        ...(row.reply_to !== null && row.quote_sender !== null && MessageLog.visibleTo({ members: parseList(row.quote_members) }, reader)
          ? { replyTo: { seq: row.reply_to, from: row.quote_sender, text: row.quote_text! } }
          : {}),
        ...(mentions ? { mentions } : {}),
        ...(mine ? { reactions: mine } : {}),
      };
      const quoted =
        row.quote_kind === 'whisper' ? { kind: 'whisper' as const, from: row.quote_sender!, to: row.quote_to ?? undefined } : undefined;
      return MessageLog.asSeenBy(message, reader, quoted);
    });
  }

  /** Reactions by message, emoji in the order first used on it, players in the order they reacted. */
  private reactionsOf(seqs: readonly number[]): Map<number, ReactionCount[]> {
    const out = new Map<number, ReactionCount[]>();
    if (seqs.length === 0) return out;
    // A range, not `IN (…)`: a statement binds at most 100 parameters, and a page holds up to 500 seqs.
    const wanted = new Set(seqs);
    const found = rows<{ seq: number; player_id: string; emoji: string }>(
      this.storage.sql,
      'SELECT seq, player_id, emoji FROM message_reactions WHERE seq BETWEEN ? AND ? ORDER BY n',
      Math.min(...seqs),
      Math.max(...seqs),
    );
    for (const { seq, player_id, emoji } of found) {
      if (!wanted.has(seq)) continue;
      const list = out.get(seq) ?? [];
      const entry = list.find((r) => r.emoji === emoji);
      if (entry) entry.players.push(player_id);
      else list.push({ emoji, players: [player_id] });
      out.set(seq, list);
    }
    return out;
  }
}

function parseList(json: string | null): string[] | null {
  return json ? (JSON.parse(json) as string[]) : null;
}

/** A message with the one it answers (if any), in one query rather than one per reply. */
const WITH_QUOTE = `SELECT m.*, q.sender AS quote_sender, q.text AS quote_text, q.members AS quote_members,
    q.kind AS quote_kind, q.whisper_to AS quote_to
  FROM messages m LEFT JOIN messages q ON q.seq = m.reply_to`;

interface MessageRow {
  seq: number;
  channel: string;
  members: string | null;
  sender: string;
  text: string;
  at: number;
  reply_to: number | null;
  mentions: string | null;
  kind: string | null;
  whisper_to: string | null;
  quote_kind: string | null;
  quote_to: string | null;
  quote_sender: string | null;
  quote_text: string | null;
  quote_members: string | null;
}

/** A chat or DM message as the room stores and delivers it (worker/message-log.ts keeps them). */
import { z } from 'zod';

/**
 * One emoji on one message (the set is the machine version's): who reacted with it, oldest first;
 * its count is their number. Who reacted is no secret from those who may read the message.
 */
export const ReactionCount = z.object({ emoji: z.string(), players: z.array(z.string()) });
export type ReactionCount = z.infer<typeof ReactionCount>;

/**
 * A message beyond an ordinary post. `whisper`: a group chat message everyone sees was sent from
 * `from` to `to`, whose text only those two read. `confession`: an anonymous post, `from` being the
 * day's handle (e.g. `Violet Heron`), never a player id.
 */
export const MessageKind = z.enum(['whisper', 'confession']);
export type MessageKind = z.infer<typeof MessageKind>;

export const ChatMessage = z.object({
  /** The message's position in the room: a reconnecting client catches up from the last seq it saw. */
  seq: z.number().int(),
  /** `group`, or a DM channel such as `dm:p1:p2`. */
  channel: z.string(),
  /** Who may read it; null: everyone in the room (the group chat). */
  members: z.array(z.string()).nullable(),
  /** The sender's player id, or `admin`; for a confession, the handle it was posted under. */
  from: z.string(),
  /** The text; empty when `sealed`. */
  text: z.string(),
  /** Absent: an ordinary post. */
  kind: MessageKind.optional(),
  /** A whisper's addressee (a player id). */
  to: z.string().optional(),
  /** The text is not this reader's to read (a whisper between two others): `text` is empty. */
  sealed: z.literal(true).optional(),
  /** When the room accepted it, ms since the epoch. */
  at: z.number(),
  /** The message this one answers, quoted as it was posted (always a group chat message). */
  replyTo: z.object({ seq: z.number().int(), from: z.string(), text: z.string(), sealed: z.literal(true).optional() }).optional(),
  /** Players the message @mentions: the app tells each of them; a push may too. */
  mentions: z.array(z.string()).optional(),
  /** Its reactions as of delivery; later changes come in `reactions` frames. Absent: none. */
  reactions: z.array(ReactionCount).optional(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** A message's reactions after a change, for those who may read it (a DM's only to its members). */
export const MessageReactions = z.object({ seq: z.number().int(), reactions: z.array(ReactionCount) });
export type MessageReactions = z.infer<typeof MessageReactions>;

/** A chat or DM message as the room stores and delivers it (worker/message-log.ts keeps them). */
import { z } from 'zod';

export const ChatMessage = z.object({
  /** The message's position in the room: a reconnecting client catches up from the last seq it saw. */
  seq: z.number().int(),
  /** `group`, or a DM channel such as `dm:p1:p2`. */
  channel: z.string(),
  /** Who may read it; null: everyone in the room (the group chat). */
  members: z.array(z.string()).nullable(),
  /** The sender's player id, or `admin`. */
  from: z.string(),
  text: z.string(),
  /** When the room accepted it, ms since the epoch. */
  at: z.number(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

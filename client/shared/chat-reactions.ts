/** Reactions as the apps hold them: a `reactions` frame replaces what each named message had. */
import type { ChatMessage, MessageReactions } from '../../protocol';

/** The held messages with `update`'s reactions: each entry replaces what that message had. */
export function withReactions(held: readonly ChatMessage[], update: readonly MessageReactions[]): ChatMessage[] {
  const bySeq = new Map(update.map((u) => [u.seq, u.reactions]));
  return held.map((m) => (bySeq.has(m.seq) ? { ...m, reactions: bySeq.get(m.seq)! } : m));
}

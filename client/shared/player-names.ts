/**
 * Sentences from the machine name players by id ("p3 had the most votes"); people read names.
 */

/** Replaces every player id in `text` by that player's display name. */
export function withNames(text: string, names: ReadonlyMap<string, string>): string {
  if (names.size === 0) return text;
  return text.replace(/[a-z0-9][a-z0-9-]*/g, (word) => names.get(word) ?? word);
}

/** The display name of a sender: the host posts as `admin`. */
export function senderName(from: string, names: ReadonlyMap<string, string>): string {
  return from === 'admin' ? 'Host' : (names.get(from) ?? from);
}

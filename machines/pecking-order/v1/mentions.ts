/**
 * @mentions: how a message names players. Pure, and light enough for the player app to import: the
 * client finds the mentions in what a player typed and sends them with the message (the machine
 * knows player ids but not names), and the machine checks every one names a player.
 */

export interface MentionablePlayer {
  playerId: string;
  name: string;
}

/**
 * The players `text` names as `@Name` (case-insensitive, in order of first mention, each once). A
 * name counts only as a whole word: `@Ann` does not name Ann in `@Anna`. When names overlap (`Ann`
 * and `Ann Lee`), the longest that fits wins. `@id` names a player by id as well.
 */
export function mentionsIn(text: string, players: readonly MentionablePlayer[]): string[] {
  const found: string[] = [];
  const lower = text.toLowerCase();
  // Longest first, so "Ann Lee" is tried before "Ann".
  const candidates = players
    .flatMap((p) => [
      { key: p.name.toLowerCase(), id: p.playerId },
      { key: p.playerId.toLowerCase(), id: p.playerId },
    ])
    .sort((a, b) => b.key.length - a.key.length);
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    // An @ inside a word (an e-mail address) is no mention.
    if (at > 0 && /[\p{L}\p{N}_]/u.test(lower[at - 1]!)) continue;
    const rest = lower.slice(at + 1);
    const match = candidates.find(({ key }) => key.length > 0 && rest.startsWith(key) && !/^[\p{L}\p{N}_]/u.test(rest.slice(key.length)));
    if (match && !found.includes(match.id)) found.push(match.id);
  }
  return found;
}

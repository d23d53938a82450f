/**
 * Wording for outcome explanations: one plain sentence a player reads at the reveal. Players are
 * named by id; a view may swap ids for display names.
 */

/** "a", "a and b", "a, b and c". */
export function listPlayers(ids: readonly string[]): string {
  if (ids.length <= 1) return ids[0] ?? 'nobody';
  return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

/** "1 vote", "3 votes", "0 saves". */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

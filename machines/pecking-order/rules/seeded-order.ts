/**
 * Seeded draws: the game's only source of chance. Everything is derived from a seed string (the
 * room seed plus the day), so the same game always replays the same way.
 */

/** A 32-bit FNV-1a hash of a string's UTF-16 code units. Same text, same number, on every runtime. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A deterministic pseudo-random generator (mulberry32) seeded by a string: each call returns the
 * next number in [0, 1). The same seed always yields the same sequence. Not for secrets.
 */
export function seededRandom(seed: string): () => number {
  let state = hashString(seed);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Each player gets their own draw number for the seed, rather than shuffling the list as a whole,
// so that the order of any group of players is the same whoever else is in the draw: two players
// tied for silver come out in the same order in the top 3, in a lowest-silver tie and in a ranking.
function drawNumber(seed: string, playerId: string): number {
  let draws = drawsBySeed.get(seed);
  if (!draws) {
    // A game uses a seed a day and a few more; a bound keeps a long-lived process from collecting them all.
    if (drawsBySeed.size >= 256) drawsBySeed.clear();
    drawsBySeed.set(seed, (draws = new Map()));
  }
  let draw = draws.get(playerId);
  if (draw === undefined) {
    // JSON keeps the seed/id boundary unambiguous ("a:b"+"c" vs "a"+"b:c").
    draw = seededRandom(JSON.stringify([seed, playerId]))();
    draws.set(playerId, draw);
  }
  return draw;
}

/**
 * Draw numbers already made, by seed and player: a pure function of both, asked for again by every
 * silver ranking of the day (each vote view ranks the cast for its targets, for every player).
 */
const drawsBySeed = new Map<string, Map<string, number>>();

// Code-unit order, not localeCompare: the result must not depend on the runtime's locale.
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The day's seeded lineup of the given players: a deterministic permutation of `ids`.
 *
 * - The same seed and the same players always give the same order, whatever order they are passed
 *   in (the input order never matters).
 * - Different seeds give different orders (a different day, a different draw).
 * - Consistent across groups: any two players appear in the same relative order in every lineup of
 *   that seed that contains them both.
 */
export function seededOrder(ids: readonly string[], seed: string): string[] {
  const keyed = ids.map((id) => ({ id, draw: drawNumber(seed, id) }));
  keyed.sort((a, b) => a.draw - b.draw || compareIds(a.id, b.id));
  return keyed.map((entry) => entry.id);
}

/**
 * The seeded draw: one of `ids`, the first in {@link seededOrder}. Same seed and same players, same
 * pick, whatever the input order. Null when `ids` is empty.
 */
export function seededPick(ids: readonly string[], seed: string): string | null {
  return seededOrder(ids, seed)[0] ?? null;
}

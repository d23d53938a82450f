/**
 * Whether two values are written as the same JSON, without writing them: `sameJson(a, b)` is
 * `JSON.stringify(a) === JSON.stringify(b)` for the values a persisted snapshot holds (plain
 * objects, arrays, strings, numbers, booleans, null, undefined). It stops at the first object both
 * sides share, which is the point: XState replaces the parts of a context that change and keeps the
 * rest, so comparing a step's persisted snapshot with the last one walks only what the step touched
 * instead of serialising kilobytes to find out (the host serialises only when someone reads it).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ta = typeof a;
  const tb = typeof b;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    // A value that writes itself (a Date) is compared as written.
    if (hasToJson(a) || hasToJson(b)) return JSON.stringify(a) === JSON.stringify(b);
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    return Array.isArray(a) ? sameItems(a, b as unknown[]) : sameFields(a as Record<string, unknown>, b as Record<string, unknown>);
  }
  // Distinct strings, booleans or finite numbers never write the same; everything else (NaN and
  // null, a missing value and a function) is compared as JSON writes it.
  if (ta === tb && (ta === 'string' || ta === 'boolean')) return false;
  if (ta === 'number' && tb === 'number') return !Number.isFinite(a) && !Number.isFinite(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

const hasToJson = (value: object): boolean => typeof (value as { toJSON?: unknown }).toJSON === 'function';

/** What JSON writes for a field or item that has no JSON of its own. */
const unwritten = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol';

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    // An item without JSON is written as null.
    const x = unwritten(a[i]) ? null : a[i];
    const y = unwritten(b[i]) ? null : b[i];
    if (!sameJson(x, y)) return false;
  }
  return true;
}

/** Same fields written, in the same order (JSON's order is Object.keys'), with the same values. */
function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  // Both key lists walked side by side, each skipping the fields JSON leaves out (no filtered
  // copies: this runs for every changed part of every player's view after every step).
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < ka.length && unwritten(a[ka[i]!])) i++;
    while (j < kb.length && unwritten(b[kb[j]!])) j++;
    if (i === ka.length || j === kb.length) return i === ka.length && j === kb.length;
    const key = ka[i]!;
    if (key !== kb[j] || !sameJson(a[key], b[key])) return false;
    i++;
    j++;
  }
}

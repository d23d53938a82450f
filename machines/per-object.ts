/**
 * Memoises a pure function of a read-only object, by identity. Projections run once per player
 * after every step that changes the snapshot (20 times for one snapshot in a full room, 2,000 times
 * a simulated game), and most of what they compute is the same for every player: the cast list,
 * the reading of the state value. The snapshot a host passes is read-only (ProjectionInput) and
 * XState replaces what changes rather than mutating it, so a part that is the same object holds
 * the same JSON and what was computed from it still holds. A WeakMap, so a snapshot that is gone
 * takes its entry with it.
 */
export function perObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    const held = cache.get(key);
    if (held !== undefined) return held;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

/**
 * {@link perObject} for a function of two read-only objects: `a` a part of a snapshot, `b` one that
 * changes far less often (the init). Keyed by `b` first, so there is one inner map per `b`, not one
 * made for every new part of every snapshot.
 */
export function perObjectPair<A extends object, B extends object, V>(compute: (a: A, b: B) => V): (a: A, b: B) => V {
  const cache = new WeakMap<B, WeakMap<A, V>>();
  return (a, b) => {
    let inner = cache.get(b);
    if (!inner) cache.set(b, (inner = new WeakMap()));
    const held = inner.get(a);
    if (held !== undefined) return held;
    const value = compute(a, b);
    inner.set(a, value);
    return value;
  };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameJson } from './json-equal';

/** JSON-ish values with what JSON drops or rewrites: undefined fields and items, NaN, -0, Infinity, dates. */
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom(null, undefined, true, false, 0, -0, 1, Number.NaN, Number.POSITIVE_INFINITY, '', 'a', 'b'),
    fc.string({ maxLength: 3 }),
    fc.integer({ min: -3, max: 3 }),
    fc.constant(new Date(0)),
  ),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom('a', 'b', 'c', '1'), tie('node'), { maxKeys: 3 }),
})).node;

/** A copy of `v` with one part changed, dropped or re-ordered somewhere (or not), sharing the rest. */
const nearby = (v: unknown) =>
  fc.tuple(fc.nat(), value, fc.boolean()).map(([pick, replacement, share]) => {
    const copy = (x: unknown, depth: number): unknown => {
      if (pick % 7 === depth) return replacement;
      if (Array.isArray(x)) return x.map((item) => copy(item, depth + 1));
      if (x && typeof x === 'object' && !(x instanceof Date)) {
        const entries = Object.entries(x).map(([k, item]) => [k, share && depth > 0 ? item : copy(item, depth + 1)] as const);
        const fields = Object.fromEntries(pick % 5 === depth ? entries.reverse() : entries);
        // A field JSON does not write, added or dropped.
        if (pick % 3 === depth) 'z' in fields ? delete fields.z : (fields.z = undefined);
        return fields;
      }
      return x;
    };
    return copy(v, 0);
  });

describe('sameJson', () => {
  it('says two values are the same exactly when JSON.stringify writes them the same', () => {
    fc.assert(
      fc.property(
        value.chain((a) => fc.tuple(fc.constant(a), fc.oneof(nearby(a), value))),
        ([a, b]) => {
          expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('treats what JSON drops or rewrites as JSON does', () => {
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([undefined], [null])).toBe(true);
    expect(sameJson(Number.NaN, null)).toBe(true);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false); // JSON writes fields in order
    expect(sameJson({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
    expect(sameJson(new Date(0), '1970-01-01T00:00:00.000Z')).toBe(true);
  });

  it('does not look inside a part both sides share', () => {
    const shared = {
      get deep(): never {
        throw new Error('read a shared part');
      },
    };
    expect(sameJson({ a: shared, b: 1 }, { a: shared, b: 1 })).toBe(true);
    expect(sameJson({ a: shared, b: 1 }, { a: shared, b: 2 })).toBe(false);
  });
});

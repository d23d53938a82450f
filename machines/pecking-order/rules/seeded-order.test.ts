import { describe, it, expect } from 'vitest';
import { hashString, seededOrder, seededPick, seededRandom } from './seeded-order';

const ids = ['a', 'b', 'c', 'd', 'e'];

describe('hashString', () => {
  it('is the 32-bit FNV-1a hash', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});

describe('seededRandom', () => {
  it('replays the same sequence for the same seed', () => {
    const first = seededRandom('room-x:day1');
    const again = seededRandom('room-x:day1');
    const seq = [first(), first(), first()];
    expect([again(), again(), again()]).toEqual(seq);
    expect(new Set(seq).size).toBe(3);
  });

  it('gives a different sequence for a different seed, always within [0, 1)', () => {
    const a = seededRandom('room-x:day1');
    const b = seededRandom('room-x:day2');
    const as = Array.from({ length: 50 }, () => a());
    const bs = Array.from({ length: 50 }, () => b());
    expect(as).not.toEqual(bs);
    for (const n of [...as, ...bs]) {
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(1);
    }
  });
});

describe('seededOrder', () => {
  it('is fixed for a seed (pinned so that a change to the draw is noticed: it would change replays)', () => {
    expect(seededOrder(ids, 's1')).toEqual(['d', 'b', 'c', 'a', 'e']);
    expect(seededOrder(ids, 'room-abc:day3')).toEqual(['c', 'e', 'a', 'b', 'd']);
  });

  it('is a permutation of its input', () => {
    const order = seededOrder(ids, 'room-x:day4');
    expect([...order].sort()).toEqual(ids);
    expect(seededOrder([], 'any')).toEqual([]);
  });

  it('does not depend on the input order', () => {
    const reversed = [...ids].reverse();
    const shuffled = ['c', 'e', 'a', 'd', 'b'];
    expect(seededOrder(reversed, 'room-x:day1')).toEqual(seededOrder(ids, 'room-x:day1'));
    expect(seededOrder(shuffled, 'room-x:day1')).toEqual(seededOrder(ids, 'room-x:day1'));
  });

  it('differs between seeds', () => {
    expect(seededOrder(ids, 's1')).not.toEqual(seededOrder(ids, 's2'));
  });

  it('keeps any two players in the same relative order whoever else is in the draw', () => {
    for (const seed of ['s1', 's2', 's3', 'room-x:day7']) {
      const full = seededOrder(ids, seed);
      const subset = seededOrder(['e', 'a', 'c'], seed);
      expect(subset).toEqual(full.filter((id) => ['a', 'c', 'e'].includes(id)));
    }
  });

  it('does not confuse a seed/id boundary', () => {
    expect(seededOrder(['x:y', 'y'], 'a')).toEqual(seededOrder(['y', 'x:y'], 'a'));
    expect(seededPick(['b:c'], 'a')).toBe('b:c');
  });
});

describe('seededPick', () => {
  it('picks the first of the seeded order, the same for the same seed', () => {
    expect(seededPick(ids, 's1')).toBe('d');
    expect(seededPick(['e', 'd', 'c', 'b', 'a'], 's1')).toBe('d');
  });

  it('is not constant: two seeds pick different players from the same pair', () => {
    expect(seededPick(['a', 'b'], 's1')).toBe('b');
    expect(seededPick(['a', 'b'], 's3')).toBe('a');
  });

  it('is null when there is nobody to pick', () => {
    expect(seededPick([], 's1')).toBeNull();
  });
});

import { describe, it, expect } from 'vitest';
import { leaders, tallyBallots } from './tally';

describe('tallyBallots', () => {
  const everyone = () => true;

  it('counts one field per ballot, every candidate present from 0', () => {
    const result = tallyBallots(
      { v1: { target: 'a' }, v2: { target: 'a', trust: 'b' }, v3: { trust: 'b' } },
      'target',
      ['a', 'b', 'c'],
      everyone,
    );
    expect(result).toEqual({ tallies: { a: 2, b: 0, c: 0 }, valid: 2 });
  });

  it('ignores ballots naming non-candidates and ballots the voter may not cast', () => {
    const result = tallyBallots(
      { v1: { target: 'zed' }, v2: { target: 'b' }, banned: { target: 'b' } },
      'target',
      ['a', 'b'],
      (voter) => voter !== 'banned',
    );
    expect(result).toEqual({ tallies: { a: 0, b: 1 }, valid: 1 });
  });

  it('is not fooled by ids that are also Object keys', () => {
    const result = tallyBallots({ v1: { target: 'toString' }, v2: { target: 'constructor' } }, 'target', ['a'], everyone);
    expect(result).toEqual({ tallies: { a: 0 }, valid: 0 });
  });

  it('tolerates malformed ballots', () => {
    const ballots = { v1: null, v2: { target: 42 } } as unknown as Record<string, { target?: string }>;
    expect(tallyBallots(ballots, 'target', ['a'], everyone)).toEqual({ tallies: { a: 0 }, valid: 0 });
  });
});

describe('leaders', () => {
  it('finds everyone sharing the highest or lowest count', () => {
    expect(leaders({ a: 2, b: 3, c: 3, d: 0 }, 'most')).toEqual(['b', 'c']);
    expect(leaders({ a: 2, b: 3, c: 3, d: 0 }, 'fewest')).toEqual(['d']);
    expect(leaders({}, 'most')).toEqual([]);
  });
});

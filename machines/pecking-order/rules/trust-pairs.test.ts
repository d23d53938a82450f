import { DAY1, DAY2, voteContext } from '../testing/vote-context';
import { describe, it, expect } from 'vitest';
import { mutualTrustPairs, trustPairsRule } from './trust-pairs';
import type { Ballots } from './types';

const ctx = voteContext;
const { decide, canVote, targets } = trustPairsRule;

describe('TRUST_PAIRS', () => {
  const five = ctx({ a: 10, b: 20, c: 30, d: 40, e: 50 }, DAY1, ['x']);
  // a and b trust each other; c's trust in a and d's in e are not returned.
  const trust: Ballots = { a: { trust: 'b' }, b: { trust: 'a' }, c: { trust: 'a' }, d: { trust: 'e' }, e: { trust: 'c' } };
  const withVotes = (votes: Record<string, string>): Ballots =>
    Object.fromEntries(Object.entries(trust).map(([id, b]) => [id, votes[id] ? { ...b, target: votes[id] } : b]));

  it('finds mutual pairs only', () => {
    expect(mutualTrustPairs(five, trust)).toEqual([['a', 'b']]);
    expect(mutualTrustPairs(five, { ...trust, e: { trust: 'd' } })).toEqual([
      ['a', 'b'],
      ['d', 'e'],
    ]);
  });

  it('makes a mutual pair immune, ignores votes against them, and puts out the most voted', () => {
    const outcome = decide(five, withVotes({ a: 'd', b: 'c', c: 'a', d: 'c', e: 'b' }));
    expect(outcome).toEqual({
      type: 'TRUST_PAIRS',
      out: 'c',
      winner: null,
      ranking: [],
      immune: ['a', 'b'],
      executioner: null,
      tallies: { c: 2, d: 1, e: 0 },
      reason: 'MOST_VOTES',
      explanation: 'c had the most votes (2).',
    });
  });

  it('does not let the votes against an immune player win', () => {
    // Four votes against a (immune) and one against e: e is out.
    const outcome = decide(five, withVotes({ b: 'a', c: 'a', d: 'a', e: 'a', a: 'e' }));
    expect(outcome).toMatchObject({ out: 'e', reason: 'MOST_VOTES', tallies: { c: 0, d: 0, e: 1 } });
  });

  it('breaks a tie by the lowest silver among the tied', () => {
    expect(decide(five, withVotes({ a: 'e', b: 'd', c: 'd', d: 'e' }))).toMatchObject({
      out: 'd',
      reason: 'TIE_LOWEST_SILVER',
      explanation: 'd and e tied with 2 votes; d had the least silver (40).',
    });
  });

  it('with no valid votes, puts out the lowest silver among the players without immunity', () => {
    expect(decide(five, withVotes({ c: 'a', d: 'b' }))).toMatchObject({
      out: 'c',
      immune: ['a', 'b'],
      reason: 'NO_VOTES_LOWEST_SILVER',
      explanation: 'No vote counted against a player without immunity; c had the least silver (30).',
    });
  });

  it('with no ballots at all, nobody is immune and the lowest silver is out', () => {
    expect(decide(five, {})).toMatchObject({ out: 'a', immune: [], reason: 'NO_VOTES_LOWEST_SILVER' });
  });

  it('settles equal silver by the seeded draw', () => {
    const silver = { a: 10, b: 10, c: 30, d: 40, e: 50 };
    expect(decide(ctx(silver, DAY1), {})).toMatchObject({ out: 'a', reason: 'TIE_SEEDED_DRAW' });
    expect(decide(ctx(silver, DAY1), {}).out).toBe('a');
    expect(decide(ctx(silver, DAY2), {})).toMatchObject({ out: 'b', reason: 'TIE_SEEDED_DRAW' });
  });

  it('lifts immunity when everyone is in a pair: lowest silver of all is out', () => {
    const six = ctx({ a: 10, b: 20, c: 30, d: 40, e: 50, f: 60 });
    const pairs: Ballots = {
      a: { trust: 'b', target: 'c' },
      b: { trust: 'a', target: 'c' },
      c: { trust: 'd', target: 'a' },
      d: { trust: 'c', target: 'c' },
      e: { trust: 'f', target: 'c' },
      f: { trust: 'e', target: 'c' },
    };
    expect(decide(six, pairs)).toEqual({
      type: 'TRUST_PAIRS',
      out: 'a',
      winner: null,
      ranking: [],
      immune: [],
      executioner: null,
      tallies: {},
      reason: 'ALL_IMMUNE_LOWEST_SILVER',
      explanation: 'Everyone was in a trusted pair (a, b, c, d, e and f), so immunity was lifted; a had the least silver (10).',
    });
  });

  it('ignores self-trust, trust in or from the eliminated, and votes from or against the eliminated', () => {
    const outcome = decide(five, {
      a: { trust: 'a', target: 'x' },
      x: { trust: 'b', target: 'b' },
      b: { trust: 'x', target: 'c' },
      c: { trust: 'd' },
    });
    expect(mutualTrustPairs(five, { a: { trust: 'a' }, x: { trust: 'b' }, b: { trust: 'x' } })).toEqual([]);
    expect(outcome).toMatchObject({ out: 'c', immune: [], reason: 'MOST_VOTES', tallies: { a: 0, b: 0, c: 1, d: 0, e: 0 } });
  });

  it('lets every alive player trust another and vote for anyone alive, themself included', () => {
    expect(canVote(five, 'a', 'trust')).toBe(true);
    expect(canVote(five, 'a', 'target')).toBe(true);
    expect(canVote(five, 'a', 'elect')).toBe(false);
    expect(canVote(five, 'x', 'trust')).toBe(false);
    expect(targets(five, 'a', 'trust')).toEqual(['b', 'c', 'd', 'e']);
    expect(targets(five, 'a', 'target')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(targets(five, 'x', 'target')).toEqual([]);
  });
});

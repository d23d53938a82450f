import { describe, it, expect } from 'vitest';
import { majorityRule } from './majority';
import { DAY1, DAY2, voteContext } from '../testing/vote-context';

const ctx = voteContext;
const { decide, canVote, targets } = majorityRule;

describe('MAJORITY', () => {
  const five = ctx({ a: 50, b: 40, c: 30, d: 20, e: 10 }, DAY1, ['x']);

  it('puts out the player with the most votes', () => {
    const outcome = decide(five, { a: { target: 'c' }, b: { target: 'c' }, c: { target: 'a' }, d: { target: 'c' } });
    expect(outcome).toEqual({
      type: 'MAJORITY',
      out: 'c',
      winner: null,
      ranking: [],
      immune: [],
      executioner: null,
      tallies: { a: 1, b: 0, c: 3, d: 0, e: 0 },
      reason: 'MOST_VOTES',
      explanation: 'c had the most votes (3).',
    });
  });

  it('breaks a tie by the lowest silver among the tied (not among everyone)', () => {
    const outcome = decide(five, { a: { target: 'b' }, b: { target: 'a' }, c: { target: 'b' }, d: { target: 'a' } });
    expect(outcome.out).toBe('b');
    expect(outcome.reason).toBe('TIE_LOWEST_SILVER');
    expect(outcome.explanation).toBe('a and b tied with 2 votes; b had the least silver (40).');
  });

  it('settles a tie that silver cannot break by the seeded draw: fixed per seed, different across seeds', () => {
    const ballots = { a: { target: 'b' }, b: { target: 'a' }, c: { target: 'a' }, d: { target: 'b' } };
    const silver = { a: 50, b: 50, c: 40, d: 60, e: 70 };
    expect(decide(ctx(silver, DAY1), ballots)).toMatchObject({ out: 'a', reason: 'TIE_SEEDED_DRAW' });
    expect(decide(ctx(silver, DAY1), ballots).out).toBe('a');
    expect(decide(ctx(silver, DAY2), ballots)).toMatchObject({ out: 'b', reason: 'TIE_SEEDED_DRAW' });
  });

  it('with no ballots, puts out the lowest silver alive', () => {
    expect(decide(five, {})).toMatchObject({
      out: 'e',
      reason: 'NO_VOTES_LOWEST_SILVER',
      explanation: 'Nobody voted; e had the least silver (10).',
      tallies: { a: 0, b: 0, c: 0, d: 0, e: 0 },
    });
  });

  it('with no ballots and equal lowest silver, uses the seeded draw', () => {
    const silver = { a: 30, b: 30, c: 40, d: 60 };
    expect(decide(ctx(silver, DAY1), {})).toMatchObject({ out: 'a', reason: 'TIE_SEEDED_DRAW' });
    expect(decide(ctx(silver, DAY2), {})).toMatchObject({ out: 'b', reason: 'TIE_SEEDED_DRAW' });
  });

  it('lets every alive player vote for any alive player, themself included', () => {
    expect(canVote(five, 'a', 'target')).toBe(true);
    expect(canVote(five, 'x', 'target')).toBe(false);
    expect(canVote(five, 'a', 'trust')).toBe(false);
    expect(targets(five, 'a', 'target')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(targets(five, 'x', 'target')).toEqual([]);
  });

  it('counts a self-vote', () => {
    expect(decide(five, { a: { target: 'a' } })).toMatchObject({ out: 'a', reason: 'MOST_VOTES' });
  });

  it('ignores ballots from the eliminated or strangers, for the eliminated, and in other fields', () => {
    const outcome = decide(five, {
      x: { target: 'a' },
      stranger: { target: 'a' },
      b: { target: 'x' },
      c: { trust: 'a', elect: 'a' },
      d: { target: 'e' },
    });
    expect(outcome.tallies).toEqual({ a: 0, b: 0, c: 0, d: 0, e: 1 });
    expect(outcome).toMatchObject({ out: 'e', reason: 'MOST_VOTES' });
  });

  it('decides nothing, without throwing, when nobody is alive', () => {
    expect(decide(ctx({}), { a: { target: 'a' } })).toMatchObject({ out: null, reason: 'NOBODY_ALIVE' });
  });
});

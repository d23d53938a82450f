import { describe, it, expect } from 'vitest';
import { bubbleRule } from './bubble';
import { DAY1, DAY2, voteContext } from '../testing/vote-context';

const ctx = voteContext;
const { decide, canVote, targets } = bubbleRule;

describe('BUBBLE', () => {
  // Top 3: g, f, e. The bubble: a, b, c, d.
  const seven = ctx({ a: 10, b: 20, c: 30, d: 40, e: 70, f: 80, g: 90 }, DAY1, ['x']);

  it('puts out the bubble player with the fewest saves, counting players nobody saved', () => {
    const outcome = decide(seven, {
      a: { target: 'a' },
      b: { target: 'b' },
      c: { target: 'c' },
      e: { target: 'a' },
      f: { target: 'b' },
      g: { target: 'c' },
    });
    expect(outcome).toEqual({
      type: 'BUBBLE',
      out: 'd',
      winner: null,
      ranking: [],
      immune: ['g', 'f', 'e'],
      executioner: null,
      tallies: { a: 2, b: 2, c: 2, d: 0 },
      reason: 'FEWEST_SAVES',
      explanation: 'd had the fewest saves (0).',
    });
  });

  it('breaks a tie by the lowest silver among the tied, not the lowest in the bubble', () => {
    const outcome = decide(seven, { e: { target: 'a' }, f: { target: 'a' }, g: { target: 'b' }, a: { target: 'b' } });
    expect(outcome).toMatchObject({ out: 'c', reason: 'TIE_LOWEST_SILVER' });
    expect(outcome.explanation).toBe('c and d tied with 0 saves; c had the least silver (30).');
  });

  it('settles equal silver among the tied by the seeded draw', () => {
    const silver = { a: 10, b: 10, c: 20, d: 30, e: 90, f: 80, g: 70 };
    expect(decide(ctx(silver, DAY1), {})).toMatchObject({ out: 'a', reason: 'TIE_SEEDED_DRAW' });
    expect(decide(ctx(silver, DAY1), {}).out).toBe('a');
    expect(decide(ctx(silver, DAY2), {})).toMatchObject({ out: 'b', reason: 'TIE_SEEDED_DRAW' });
  });

  it('with no ballots, puts out the lowest silver outside the top 3', () => {
    expect(decide(seven, {})).toMatchObject({
      out: 'a',
      immune: ['g', 'f', 'e'],
      reason: 'NO_VOTES_LOWEST_SILVER',
      explanation: 'Nobody saved anyone; a had the least silver (10).',
    });
  });

  it('lets every alive player save, the top 3 included, but only someone in the bubble', () => {
    expect(canVote(seven, 'g', 'target')).toBe(true);
    expect(canVote(seven, 'a', 'target')).toBe(true);
    expect(canVote(seven, 'x', 'target')).toBe(false);
    expect(canVote(seven, 'a', 'trust')).toBe(false);
    expect(targets(seven, 'g', 'target')).toEqual(['a', 'b', 'c', 'd']);
    expect(targets(seven, 'a', 'target')).toEqual(['a', 'b', 'c', 'd']);
    expect(targets(seven, 'x', 'target')).toEqual([]);
  });

  it('ignores saves for the top 3, for the eliminated, and from the eliminated', () => {
    const outcome = decide(seven, {
      a: { target: 'g' },
      b: { target: 'x' },
      x: { target: 'a' },
      c: { target: 'b' },
      d: { target: 'c' },
      e: { target: 'd' },
    });
    expect(outcome.tallies).toEqual({ a: 0, b: 1, c: 1, d: 1 });
    expect(outcome).toMatchObject({ out: 'a', reason: 'FEWEST_SAVES' });
  });

  it('takes the top 3 from silver when the vote closes', () => {
    // d has climbed onto the podium: e is back in the bubble and saves for d no longer count.
    const climbed = ctx({ a: 10, b: 20, c: 30, d: 95, e: 70, f: 80, g: 90 });
    const outcome = decide(climbed, { a: { target: 'd' }, b: { target: 'a' }, c: { target: 'b' }, d: { target: 'c' } });
    expect(outcome.immune).toEqual(['d', 'g', 'f']);
    expect(outcome.tallies).toEqual({ a: 1, b: 1, c: 1, e: 0 });
    expect(outcome.out).toBe('e');
  });

  it('below its minimum, with nobody outside the top 3, puts out the lowest silver and nobody is immune', () => {
    expect(decide(ctx({ a: 10, b: 20, c: 30 }), {})).toMatchObject({
      out: 'a',
      immune: [],
      reason: 'TOO_FEW_ALIVE_LOWEST_SILVER',
    });
    expect(decide(ctx({}), {})).toMatchObject({ out: null, reason: 'NOBODY_ALIVE' });
  });
});

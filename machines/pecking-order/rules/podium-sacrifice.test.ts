import { describe, it, expect } from 'vitest';
import { podiumSacrificeRule } from './podium-sacrifice';
import { DAY1, DAY2, voteContext } from '../testing/vote-context';

const ctx = voteContext;
const { decide, canVote, targets } = podiumSacrificeRule;

describe('PODIUM_SACRIFICE', () => {
  // The podium: g, f, e. The voters: a, b, c, d.
  const seven = ctx({ a: 10, b: 20, c: 30, d: 40, e: 90, f: 80, g: 70 }, DAY1, ['x']);

  it('puts out the podium player with the fewest saves', () => {
    const outcome = decide(seven, { a: { target: 'e' }, b: { target: 'e' }, c: { target: 'f' }, d: { target: 'g' } });
    expect(outcome).toEqual({
      type: 'PODIUM_SACRIFICE',
      out: 'g',
      winner: null,
      ranking: [],
      immune: [],
      executioner: null,
      tallies: { e: 2, f: 1, g: 1 },
      reason: 'TIE_LOWEST_SILVER',
      explanation: 'f and g tied with 1 save; g had the least silver (70).',
    });
    const clear = decide(seven, { a: { target: 'g' }, b: { target: 'g' }, c: { target: 'f' } });
    expect(clear).toMatchObject({ out: 'e', reason: 'FEWEST_SAVES', explanation: 'e had the fewest saves (0).' });
  });

  it('settles equal silver on the podium by the seeded draw', () => {
    const silver = { a: 10, b: 20, c: 30, d: 90, e: 90, f: 90 };
    expect(decide(ctx(silver, DAY1), {})).toMatchObject({ out: 'e', reason: 'TIE_SEEDED_DRAW' });
    expect(decide(ctx(silver, DAY1), {}).out).toBe('e');
    expect(decide(ctx(silver, DAY2), {})).toMatchObject({ out: 'd', reason: 'TIE_SEEDED_DRAW' });
    expect(decide(ctx(silver, 'room-x:day4'), {})).toMatchObject({ out: 'f', reason: 'TIE_SEEDED_DRAW' });
  });

  it('with no ballots, puts out the lowest silver of the top 3', () => {
    expect(decide(seven, {})).toMatchObject({
      out: 'g',
      reason: 'NO_VOTES_LOWEST_SILVER',
      tallies: { e: 0, f: 0, g: 0 },
      explanation: 'Nobody saved anyone on the podium; g had the least silver (70).',
    });
  });

  it('lets only players outside the top 3 vote, and only for the top 3', () => {
    expect(canVote(seven, 'a', 'target')).toBe(true);
    expect(canVote(seven, 'e', 'target')).toBe(false);
    expect(canVote(seven, 'x', 'target')).toBe(false);
    expect(targets(seven, 'a', 'target')).toEqual(['e', 'f', 'g']);
    expect(targets(seven, 'e', 'target')).toEqual([]);
  });

  it('ignores saves from the podium, from the eliminated, and for players off the podium', () => {
    const outcome = decide(seven, {
      e: { target: 'e' },
      f: { target: 'f' },
      x: { target: 'f' },
      a: { target: 'b' },
      b: { target: 'e' },
      c: { target: 'f' },
    });
    expect(outcome.tallies).toEqual({ e: 1, f: 1, g: 0 });
    expect(outcome).toMatchObject({ out: 'g', reason: 'FEWEST_SAVES' });
  });
});

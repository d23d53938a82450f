import { describe, it, expect } from 'vitest';
import { shieldRule } from './shield';
import { DAY1, DAY2, voteContext } from '../testing/vote-context';

const ctx = voteContext;
const { decide, canVote, targets } = shieldRule;

describe('SHIELD', () => {
  const five = ctx({ a: 10, b: 20, c: 30, d: 40, e: 50 }, DAY1, ['x']);

  it('puts out the player with the fewest shields, even a rich one', () => {
    const outcome = decide(five, { a: { target: 'b' }, b: { target: 'a' }, c: { target: 'c' }, d: { target: 'e' } });
    expect(outcome).toEqual({
      type: 'SHIELD',
      out: 'd',
      winner: null,
      ranking: [],
      immune: [],
      executioner: null,
      tallies: { a: 1, b: 1, c: 1, d: 0, e: 1 },
      reason: 'FEWEST_SHIELDS',
      explanation: 'd had the fewest shields (0).',
    });
  });

  it('settles a tie by the seeded draw, never by silver', () => {
    const four = { a: 10, b: 20, c: 30, d: 40 };
    const ballots = { a: { target: 'a' }, b: { target: 'b' } };
    // On day 1 the draw puts out d, who has more silver than c: silver played no part.
    expect(decide(ctx(four, DAY1), ballots)).toMatchObject({
      out: 'd',
      reason: 'TIE_SEEDED_DRAW',
      explanation: 'c and d tied with 0 shields; the seeded draw picked d.',
    });
    expect(decide(ctx(four, DAY1), ballots).out).toBe('d');
    expect(decide(ctx(four, DAY2), ballots)).toMatchObject({ out: 'c', reason: 'TIE_SEEDED_DRAW' });
  });

  it('with no ballots, draws among everyone', () => {
    const four = { a: 10, b: 20, c: 30, d: 40 };
    expect(decide(ctx(four, DAY1), {})).toMatchObject({
      out: 'b',
      reason: 'TIE_SEEDED_DRAW',
      explanation: 'Nobody shielded anyone; the seeded draw picked b.',
      tallies: { a: 0, b: 0, c: 0, d: 0 },
    });
    expect(decide(ctx(four, DAY2), {}).out).toBe('a');
    expect(decide(ctx(four, 'room-x:day4'), {}).out).toBe('d');
  });

  it('lets every alive player shield any alive player, themself included', () => {
    expect(canVote(five, 'a', 'target')).toBe(true);
    expect(canVote(five, 'x', 'target')).toBe(false);
    expect(canVote(five, 'a', 'elect')).toBe(false);
    expect(targets(five, 'c', 'target')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(targets(five, 'x', 'target')).toEqual([]);
  });

  it('ignores shields from and for the eliminated', () => {
    const outcome = decide(five, {
      x: { target: 'd' },
      a: { target: 'x' },
      b: { target: 'a' },
      c: { target: 'b' },
      d: { target: 'c' },
      e: { target: 'e' },
    });
    expect(outcome.tallies).toEqual({ a: 1, b: 1, c: 1, d: 0, e: 1 });
    expect(outcome.out).toBe('d');
  });
});

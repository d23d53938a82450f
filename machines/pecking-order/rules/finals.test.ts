import { describe, it, expect } from 'vitest';
import { finalsRule } from './finals';
import { DAY1, DAY2, voteContext } from '../testing/vote-context';

const ctx = (silver: Record<string, number>, eliminated: string[], seed = DAY1) => voteContext(silver, seed, eliminated);
const { decide, canVote, targets } = finalsRule;

describe('FINALS', () => {
  const finals = ctx({ a: 50, b: 40, c: 30 }, ['x', 'y', 'z', 'w']);

  it('crowns the finalist with the most jury votes, eliminates nobody, and ranks everyone', () => {
    expect(decide(finals, { x: { target: 'c' }, y: { target: 'c' }, z: { target: 'a' } })).toEqual({
      type: 'FINALS',
      out: null,
      winner: 'c',
      ranking: ['c', 'a', 'b'],
      immune: [],
      executioner: null,
      tallies: { a: 1, b: 0, c: 2 },
      reason: 'MOST_VOTES',
      explanation: 'c had the most jury votes (2).',
    });
  });

  it('breaks a tie by the highest silver among the tied', () => {
    const outcome = decide(finals, { x: { target: 'b' }, y: { target: 'c' }, z: { target: 'b' }, w: { target: 'c' } });
    expect(outcome).toMatchObject({
      winner: 'b',
      ranking: ['b', 'c', 'a'],
      reason: 'TIE_HIGHEST_SILVER',
      explanation: 'b and c tied with 2 jury votes; b had the most silver (40).',
    });
  });

  it('settles equal votes and equal silver by the seeded draw', () => {
    const silver = { a: 50, b: 50, c: 30 };
    const ballots = { x: { target: 'a' }, y: { target: 'b' } };
    expect(decide(ctx(silver, ['x', 'y'], DAY1), ballots)).toMatchObject({
      winner: 'b',
      ranking: ['b', 'a', 'c'],
      reason: 'TIE_SEEDED_DRAW',
    });
    expect(decide(ctx(silver, ['x', 'y'], DAY1), ballots).winner).toBe('b');
    expect(decide(ctx(silver, ['x', 'y'], DAY2), ballots)).toMatchObject({
      winner: 'a',
      ranking: ['a', 'b', 'c'],
      reason: 'TIE_SEEDED_DRAW',
    });
  });

  it('with no votes, crowns the highest silver', () => {
    expect(decide(finals, {})).toMatchObject({
      winner: 'a',
      ranking: ['a', 'b', 'c'],
      reason: 'NO_VOTES_HIGHEST_SILVER',
      explanation: 'The jury cast no votes; a had the most silver (50).',
      tallies: { a: 0, b: 0, c: 0 },
    });
  });

  it('with no jury, crowns the highest silver and ignores every ballot', () => {
    const noJury = ctx({ a: 50, b: 40 }, []);
    expect(decide(noJury, { b: { target: 'b' }, a: { target: 'b' } })).toMatchObject({
      winner: 'a',
      reason: 'NO_VOTES_HIGHEST_SILVER',
      explanation: 'There was no jury; a had the most silver (50).',
      tallies: { a: 0, b: 0 },
    });
  });

  it('ranks the rest by votes, then silver, then the seeded order', () => {
    const silver = { a: 50, b: 40, c: 40, d: 10 };
    const ballots = { x: { target: 'd' }, y: { target: 'd' }, z: { target: 'a' } };
    expect(decide(ctx(silver, ['x', 'y', 'z'], DAY1), ballots).ranking).toEqual(['d', 'a', 'b', 'c']);
    expect(decide(ctx(silver, ['x', 'y', 'z'], 'room-x:day5'), ballots).ranking).toEqual(['d', 'a', 'c', 'b']);
  });

  it('always ranks the winner first', () => {
    const silver = { a: 30, b: 30, c: 30, d: 30 };
    for (let day = 1; day <= 20; day++) {
      const outcome = decide(ctx(silver, ['x', 'y'], `room-x:day${day}`), { x: { target: 'a' }, y: { target: 'b' } });
      expect(outcome.ranking[0]).toBe(outcome.winner);
      expect(['a', 'b']).toContain(outcome.winner);
    }
  });

  it('lets only the jury vote, for an alive finalist', () => {
    expect(canVote(finals, 'x', 'target')).toBe(true);
    expect(canVote(finals, 'a', 'target')).toBe(false);
    expect(canVote(finals, 'stranger', 'target')).toBe(false);
    expect(canVote(finals, 'x', 'trust')).toBe(false);
    expect(targets(finals, 'x', 'target')).toEqual(['a', 'b', 'c']);
    expect(targets(finals, 'a', 'target')).toEqual([]);
  });

  it('ignores ballots from finalists, strangers, and for jurors', () => {
    const outcome = decide(finals, {
      a: { target: 'a' },
      b: { target: 'a' },
      stranger: { target: 'a' },
      x: { target: 'y' },
      y: { target: 'b' },
    });
    expect(outcome.tallies).toEqual({ a: 0, b: 1, c: 0 });
    expect(outcome).toMatchObject({ winner: 'b', reason: 'MOST_VOTES' });
  });

  it('with a single finalist, crowns them', () => {
    expect(decide(ctx({ a: 5 }, ['x']), {})).toMatchObject({ winner: 'a', out: null, ranking: ['a'], reason: 'ONLY_ONE_ALIVE' });
    expect(decide(ctx({}, ['x']), {})).toMatchObject({ winner: null, out: null, reason: 'NOBODY_ALIVE' });
  });
});

import { describe, it, expect } from 'vitest';
import { secondToLastRule } from './second-to-last';
import { DAY1, DAY2, voteContext } from '../testing/vote-context';

const ctx = voteContext;
const { decide, canVote, targets, ballotKinds } = secondToLastRule;

describe('SECOND_TO_LAST', () => {
  const five = ctx({ e: 50, a: 10, c: 30, b: 20, d: 40 }, DAY1, ['x']);

  it('puts out the second-to-last by silver; the poorest survives', () => {
    expect(decide(five, {})).toEqual({
      type: 'SECOND_TO_LAST',
      out: 'b',
      winner: null,
      ranking: [],
      immune: [],
      executioner: null,
      tallies: {},
      reason: 'SECOND_TO_LAST_SILVER',
      explanation: 'b was second-to-last in silver (20).',
    });
  });

  it('ignores any ballots', () => {
    expect(decide(five, { a: { target: 'e' }, x: { target: 'e' }, b: { elect: 'c' } }).out).toBe('b');
  });

  it('orders equal silver by the seeded draw', () => {
    const silver = { a: 10, b: 20, c: 20, d: 40, e: 50 };
    expect(decide(ctx(silver, DAY1), {})).toMatchObject({ out: 'c', reason: 'TIE_SEEDED_DRAW' });
    expect(decide(ctx(silver, DAY1), {}).out).toBe('c');
    expect(decide(ctx(silver, 'room-x:day5'), {})).toMatchObject({ out: 'b', reason: 'TIE_SEEDED_DRAW' });
  });

  it('lets the draw decide between the last two when they share the least silver', () => {
    const silver = { a: 10, b: 10, c: 30 };
    expect(decide(ctx(silver, DAY1), {})).toMatchObject({
      out: 'b',
      reason: 'TIE_SEEDED_DRAW',
      explanation: 'b and a had the same silver (10) and the seeded draw placed b second-to-last.',
    });
    expect(decide(ctx(silver, DAY2), {}).out).toBe('a');
  });

  it('with two alive puts out the richer; with one alive, that one', () => {
    expect(decide(ctx({ a: 10, b: 20 }), {})).toMatchObject({ out: 'b', reason: 'SECOND_TO_LAST_SILVER' });
    expect(decide(ctx({ a: 10 }), {})).toMatchObject({ out: 'a', reason: 'ONLY_ONE_ALIVE' });
    expect(decide(ctx({}), {})).toMatchObject({ out: null, reason: 'NOBODY_ALIVE' });
  });

  it('lets nobody vote', () => {
    expect(ballotKinds).toEqual([]);
    expect(canVote(five, 'a', 'target')).toBe(false);
    expect(targets(five, 'a', 'target')).toEqual([]);
  });
});

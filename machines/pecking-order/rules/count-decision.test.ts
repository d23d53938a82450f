import { describe, it, expect } from 'vitest';
import { decideByCount, decideBySilver, type CountDecisionInput } from './count-decision';
import type { Contender } from './types';

const alive = (silver: Record<string, number>): Contender[] => Object.entries(silver).map(([playerId, s]) => ({ playerId, silver: s }));

const base = (over: Partial<CountDecisionInput>): CountDecisionInput => ({
  tallies: {},
  valid: 0,
  direction: 'most',
  tieBreak: 'LOWEST_SILVER',
  clearReason: 'MOST_VOTES',
  noun: 'vote',
  nobodyVoted: 'Nobody voted',
  alive: alive({ a: 10, b: 20, c: 20, d: 40 }),
  seed: 'room-x:day1',
  ...over,
});

describe('decideByCount', () => {
  it('takes the single leader', () => {
    expect(decideByCount(base({ tallies: { a: 1, b: 3, c: 0 }, valid: 4 }))).toEqual({
      playerId: 'b',
      reason: 'MOST_VOTES',
      explanation: 'b had the most votes (3).',
    });
  });

  it('counts fewest, zero included', () => {
    const decision = decideByCount(
      base({ tallies: { a: 1, b: 3, d: 0 }, valid: 4, direction: 'fewest', clearReason: 'FEWEST_SAVES', noun: 'save' }),
    );
    expect(decision).toEqual({ playerId: 'd', reason: 'FEWEST_SAVES', explanation: 'd had the fewest saves (0).' });
  });

  it('breaks a tie by the lowest or the highest silver', () => {
    expect(decideByCount(base({ tallies: { a: 2, d: 2, b: 1 }, valid: 5 }))).toEqual({
      playerId: 'a',
      reason: 'TIE_LOWEST_SILVER',
      explanation: 'a and d tied with 2 votes; a had the least silver (10).',
    });
    expect(decideByCount(base({ tallies: { a: 2, d: 2 }, valid: 4, tieBreak: 'HIGHEST_SILVER' }))).toMatchObject({
      playerId: 'd',
      reason: 'TIE_HIGHEST_SILVER',
    });
  });

  it('goes to the seeded draw when silver ties too', () => {
    expect(decideByCount(base({ tallies: { b: 1, c: 1 }, valid: 2 }))).toEqual({
      playerId: 'c',
      reason: 'TIE_SEEDED_DRAW',
      explanation: 'b and c tied with 1 vote; b and c had the least silver (20) and the seeded draw picked c.',
    });
  });

  it('falls back on silver among all candidates when nobody voted', () => {
    expect(decideByCount(base({ tallies: { b: 0, d: 0 }, valid: 0 }))).toEqual({
      playerId: 'b',
      reason: 'NO_VOTES_LOWEST_SILVER',
      explanation: 'Nobody voted; b had the least silver (20).',
    });
    expect(decideByCount(base({ tallies: { b: 0, d: 0 }, valid: 0, tieBreak: 'HIGHEST_SILVER' }))).toMatchObject({
      playerId: 'd',
      reason: 'NO_VOTES_HIGHEST_SILVER',
    });
  });

  it('with a seeded tie-break, draws among the tied without looking at silver', () => {
    const decision = decideByCount(
      base({ tallies: { a: 0, b: 0, d: 1 }, valid: 1, direction: 'fewest', tieBreak: 'SEEDED_DRAW', noun: 'shield' }),
    );
    expect(decision).toEqual({
      playerId: 'b',
      reason: 'TIE_SEEDED_DRAW',
      explanation: 'a and b tied with 0 shields; the seeded draw picked b.',
    });
  });

  it('is null without candidates', () => {
    expect(decideByCount(base({ tallies: {}, valid: 0 }))).toBeNull();
  });
});

describe('decideBySilver', () => {
  it('keeps the given reason unless the seeded draw decides', () => {
    const roster = alive({ a: 10, b: 20, c: 20 });
    expect(decideBySilver(['a', 'b'], 'lowest', roster, 'room-x:day1', 'NO_PICK_LOWEST_SILVER', 'x picked nobody')).toEqual({
      playerId: 'a',
      reason: 'NO_PICK_LOWEST_SILVER',
      explanation: 'x picked nobody; a had the least silver (10).',
    });
    expect(decideBySilver(['b', 'c'], 'lowest', roster, 'room-x:day1', 'NO_PICK_LOWEST_SILVER', 'x')).toMatchObject({
      reason: 'TIE_SEEDED_DRAW',
    });
  });
});

import { describe, it, expect } from 'vitest';
import { makeOutcome, nobodyAlive } from './outcome';

describe('makeOutcome', () => {
  it('fills every field a vote type leaves unused', () => {
    expect(makeOutcome('MAJORITY', { out: 'a', reason: 'MOST_VOTES', explanation: 'a had the most votes (2).' })).toEqual({
      type: 'MAJORITY',
      out: 'a',
      winner: null,
      ranking: [],
      immune: [],
      executioner: null,
      tallies: {},
      reason: 'MOST_VOTES',
      explanation: 'a had the most votes (2).',
    });
  });

  it('keeps the fields given', () => {
    const outcome = makeOutcome('BUBBLE', { out: 'a', immune: ['b'], tallies: { a: 0 }, reason: 'FEWEST_SAVES', explanation: '.' });
    expect(outcome.immune).toEqual(['b']);
    expect(outcome.tallies).toEqual({ a: 0 });
  });
});

describe('nobodyAlive', () => {
  it('decides nobody', () => {
    expect(nobodyAlive('SHIELD')).toMatchObject({ type: 'SHIELD', out: null, winner: null, reason: 'NOBODY_ALIVE' });
  });
});

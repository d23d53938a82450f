import { describe, it, expect } from 'vitest';
import { highestSilver, lowestSilver, rankBySilver, topThree } from './silver-rank';
import type { Contender } from './types';

const alive = (silver: Record<string, number>): Contender[] => Object.entries(silver).map(([playerId, s]) => ({ playerId, silver: s }));

const DAY1 = 'room-x:day1';
const DAY2 = 'room-x:day2';

describe('rankBySilver', () => {
  it('ranks by silver, most first', () => {
    expect(rankBySilver(alive({ a: 10, b: 70, c: 40, d: 55 }), DAY1)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('orders equal silver by the seeded lineup, so a different day can order them differently', () => {
    const tied = alive({ a: 50, b: 50, c: 50, d: 50, e: 10 });
    expect(rankBySilver(tied, DAY1)).toEqual(['b', 'd', 'a', 'c', 'e']);
    expect(rankBySilver(tied, DAY2)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('does not depend on the roster order', () => {
    const roster = alive({ a: 50, b: 50, c: 20, d: 50 });
    expect(rankBySilver([...roster].reverse(), DAY1)).toEqual(rankBySilver(roster, DAY1));
  });

  // Rankings are kept per contenders list (rankings are asked for again by every player's view).
  it('ranks a list again alike, whatever a caller did to an earlier ranking, and by the seed asked for', () => {
    const tied = alive({ a: 50, b: 50, c: 50, d: 50, e: 10 });
    for (let i = 0; i < 2; i++) rankBySilver(tied, DAY1).reverse();
    expect(rankBySilver(tied, DAY1)).toEqual(['b', 'd', 'a', 'c', 'e']);
    expect(rankBySilver(tied, DAY2)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(rankBySilver(tied, DAY1)).toEqual(['b', 'd', 'a', 'c', 'e']);
  });
});

describe('topThree', () => {
  it('is the three players with the most silver', () => {
    expect(topThree(alive({ a: 10, b: 70, c: 40, d: 55, e: 20 }), DAY1)).toEqual(['b', 'd', 'c']);
  });

  it('settles a tie at the edge of the podium by the seeded lineup', () => {
    const roster = alive({ a: 90, b: 50, c: 50, d: 50, e: 10 });
    expect(topThree(roster, DAY1)).toEqual(['a', 'b', 'd']);
    expect(topThree(roster, DAY2)).toEqual(['a', 'b', 'c']);
  });

  it('holds fewer players when fewer are alive', () => {
    expect(topThree(alive({ a: 1, b: 2 }), DAY1)).toEqual(['b', 'a']);
    expect(topThree([], DAY1)).toEqual([]);
  });
});

describe('lowestSilver', () => {
  it('is the named player with the least silver, others ignored', () => {
    expect(lowestSilver(['a', 'b', 'c'], alive({ a: 20, b: 10, c: 30, d: 5 }), DAY1)).toEqual({
      playerId: 'b',
      silver: 10,
      seededDraw: false,
      tiedOnSilver: ['b'],
    });
  });

  it('reports a seeded draw when silver ties, and the seed decides', () => {
    const roster = alive({ a: 20, b: 20, c: 30, d: 5 });
    expect(lowestSilver(['a', 'b', 'c'], roster, DAY1)).toMatchObject({ playerId: 'a', seededDraw: true });
    expect(lowestSilver(['a', 'b', 'c'], roster, DAY2)).toMatchObject({ playerId: 'b', seededDraw: true });
  });

  it('picks the last of the tied in the silver ranking (one order explains every decision)', () => {
    const roster = alive({ a: 20, b: 20, c: 20 });
    for (const seed of [DAY1, DAY2, 'room-x:day3']) {
      expect(lowestSilver(['a', 'b', 'c'], roster, seed)!.playerId).toBe(rankBySilver(roster, seed)[2]);
    }
  });

  it('ignores ids that are not alive and is null when none is', () => {
    expect(lowestSilver(['ghost', 'c'], alive({ c: 30, d: 5 }), DAY1)!.playerId).toBe('c');
    expect(lowestSilver(['ghost'], alive({ c: 30 }), DAY1)).toBeNull();
    expect(lowestSilver([], alive({ c: 30 }), DAY1)).toBeNull();
  });
});

describe('highestSilver', () => {
  it('is the named player with the most silver', () => {
    expect(highestSilver(['a', 'b'], alive({ a: 20, b: 30, c: 99 }), DAY1)).toMatchObject({
      playerId: 'b',
      silver: 30,
      seededDraw: false,
    });
  });

  it('reports a seeded draw when silver ties, and the seed decides', () => {
    const roster = alive({ a: 50, b: 50 });
    expect(highestSilver(['a', 'b'], roster, DAY1)).toMatchObject({ playerId: 'b', seededDraw: true });
    expect(highestSilver(['a', 'b'], roster, DAY2)).toMatchObject({ playerId: 'a', seededDraw: true });
  });
});

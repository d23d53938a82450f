import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideGambit, decideSpotlight, GAMBIT_STAKE, gambitThreshold, SPOTLIGHT_REWARD } from './rule';

const cast = (silver: number[]) => silver.map((s, i) => ({ playerId: `p${i + 1}`, silver: s }));

describe('SILVER_GAMBIT', () => {
  it('needs half the alive players, rounded up', () => {
    expect([1, 2, 3, 4, 5, 20].map(gambitThreshold)).toEqual([1, 1, 2, 2, 3, 10]);
  });

  it('with enough donors: each pays the stake and one drawn by the seed wins the pot', () => {
    const result = decideGambit(cast([50, 50, 50, 50]), ['p3', 'p1'], 'seed:day1');
    expect(result).toMatchObject({ donors: ['p1', 'p3'], needed: 2, pot: 2 * GAMBIT_STAKE });
    expect(['p1', 'p3']).toContain(result.winner);
    expect(decideGambit(cast([50, 50, 50, 50]), ['p3', 'p1'], 'seed:day1')).toEqual(result);
  });

  it('with too few donors: nothing moves', () => {
    expect(decideGambit(cast([50, 50, 50, 50]), ['p1'], 's')).toEqual({ donors: ['p1'], needed: 2, pot: 0, winner: null, silver: {} });
  });

  it('does not count a donor who no longer holds the stake, or is not alive', () => {
    expect(decideGambit(cast([GAMBIT_STAKE - 1, 50, 50, 50]), ['p1', 'p2', 'p9'], 's')).toMatchObject({ donors: ['p2'], pot: 0 });
  });

  it('always moves no silver out of nothing: the changes add up to 0, and only donors change', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat({ max: 15 })),
        fc.string(),
        (silver, picks, seed) => {
          const alive = cast(silver);
          const pledges = picks.map((i) => `p${i + 1}`);
          const result = decideGambit(alive, pledges, seed);
          expect(Object.values(result.silver).reduce((a, b) => a + b, 0)).toBe(0);
          for (const id of Object.keys(result.silver)) expect(result.donors).toContain(id);
          for (const id of result.donors) expect(alive.find((p) => p.playerId === id)!.silver).toBeGreaterThanOrEqual(GAMBIT_STAKE);
          expect(result.winner === null).toBe(result.donors.length < result.needed);
        },
      ),
    );
  });
});

describe('SPOTLIGHT', () => {
  const alive = ['p1', 'p2', 'p3', 'p4'];
  it('pays the player everyone who answered named', () => {
    expect(decideSpotlight(alive, { p1: 'p3', p2: 'p3', p4: 'p3' })).toEqual({
      answered: 3,
      spotlit: 'p3',
      silver: { p3: SPOTLIGHT_REWARD },
    });
  });

  it('pays nobody when they disagree, or fewer than two answered', () => {
    expect(decideSpotlight(alive, { p1: 'p3', p2: 'p4' }).spotlit).toBeNull();
    expect(decideSpotlight(alive, { p1: 'p3' })).toEqual({ answered: 1, spotlit: null, silver: {} });
    expect(decideSpotlight(alive, {})).toEqual({ answered: 0, spotlit: null, silver: {} });
  });

  it('ignores names of oneself, of players not alive, and by players not alive', () => {
    expect(decideSpotlight(alive, { p1: 'p1', p2: 'p9', p9: 'p3', p3: 'p2', p4: 'p2' })).toMatchObject({ answered: 2, spotlit: 'p2' });
  });
});

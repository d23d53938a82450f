import { DAY1, DAY2, voteContext } from '../testing/vote-context';
import { describe, it, expect } from 'vitest';
import { executionerRule } from './executioner';
import type { Ballots } from './types';

const ctx = voteContext;
const { decide, elect, canVote, targets, decideWithoutExecutioner } = executionerRule;

describe('EXECUTIONER', () => {
  // Top 3: g, f, e.
  const seven = ctx({ a: 10, b: 20, c: 30, d: 40, e: 50, f: 60, g: 70 }, DAY1, ['x']);
  const electD: Ballots = { a: { elect: 'd' }, b: { elect: 'd' }, c: { elect: 'd' }, e: { elect: 'a' } };

  it('elects the player with the most election votes', () => {
    expect(elect(seven, electD)).toEqual({
      executioner: 'd',
      reason: 'MOST_VOTES',
      tallies: { a: 1, b: 0, c: 0, d: 3, e: 0, f: 0, g: 0 },
      explanation: 'd had the most election votes (3).',
    });
  });

  it("puts out the executioner's pick; the top 3 and the executioner are immune", () => {
    const outcome = decide(seven, { ...electD, d: { pick: 'b' } });
    expect(outcome).toEqual({
      type: 'EXECUTIONER',
      out: 'b',
      winner: null,
      ranking: [],
      immune: ['g', 'f', 'e', 'd'],
      executioner: 'd',
      tallies: { a: 1, b: 0, c: 0, d: 3, e: 0, f: 0, g: 0 },
      reason: 'EXECUTIONER_PICK',
      explanation: 'd was the executioner and picked b.',
    });
  });

  it('gives the same executioner from the full ballots as from the election alone', () => {
    const full: Ballots = { ...electD, d: { pick: 'c', elect: 'a' }, a: { elect: 'd', pick: 'b' } };
    const executioner = elect(seven, full).executioner;
    expect(executioner).toBe('d');
    expect(decide(seven, full).executioner).toBe(executioner);
    expect(decide(seven, full).out).toBe('c');
  });

  it('breaks an election tie by the lowest silver among the tied', () => {
    const tied: Ballots = { a: { elect: 'c' }, b: { elect: 'c' }, c: { elect: 'd' }, e: { elect: 'd' } };
    expect(elect(seven, tied)).toMatchObject({
      executioner: 'c',
      reason: 'TIE_LOWEST_SILVER',
      explanation: 'c and d tied with 2 election votes; c had the least silver (30).',
    });
  });

  it('settles an election silver tie by the seeded draw', () => {
    const silver = { a: 10, b: 10, c: 30, d: 40, e: 50 };
    const tied: Ballots = { c: { elect: 'a' }, d: { elect: 'b' } };
    expect(elect(ctx(silver, DAY1), tied)).toMatchObject({ executioner: 'a', reason: 'TIE_SEEDED_DRAW' });
    expect(elect(ctx(silver, DAY2), tied)).toMatchObject({ executioner: 'b', reason: 'TIE_SEEDED_DRAW' });
  });

  it('with no election votes, elects nobody: nobody is immune for it and the lowest silver pick target is out', () => {
    expect(elect(seven, {})).toEqual({
      executioner: null,
      reason: 'NO_VOTES_LOWEST_SILVER',
      tallies: { a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0 },
      explanation: 'Nobody voted for an executioner, so there is none.',
    });
    expect(decide(seven, {})).toEqual({
      type: 'EXECUTIONER',
      out: 'a',
      winner: null,
      ranking: [],
      immune: ['g', 'f', 'e'],
      executioner: null,
      tallies: { a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0 },
      reason: 'NO_VOTES_LOWEST_SILVER',
      explanation: 'Nobody voted for an executioner, so there was none; a had the least silver (10).',
    });
    // Only invalid election votes (from or for the eliminated) count as none; a pick without an executioner is ignored.
    expect(decide(seven, { x: { elect: 'a' }, b: { elect: 'x', pick: 'c' } })).toMatchObject({ executioner: null, out: 'a' });
  });

  it('with no executioner and nobody outside the top 3, puts out the lowest silver alive', () => {
    expect(decide(ctx({ a: 10, b: 20, c: 30 }), {})).toMatchObject({
      executioner: null,
      out: 'a',
      immune: [],
      reason: 'TOO_FEW_ALIVE_LOWEST_SILVER',
    });
  });

  it('when the executioner is removed before the pick, the lowest silver pick target is out and nobody is immune for it', () => {
    const election = elect(seven, electD);
    // The host removed d: the podium is still g, f, e; a, b and c can go.
    const withoutD = ctx({ a: 10, b: 20, c: 30, e: 50, f: 60, g: 70 }, DAY1, ['x', 'd']);
    expect(decideWithoutExecutioner(withoutD, election)).toEqual({
      type: 'EXECUTIONER',
      out: 'a',
      winner: null,
      ranking: [],
      immune: ['g', 'f', 'e'],
      executioner: 'd',
      tallies: election.tallies,
      reason: 'NO_PICK_LOWEST_SILVER',
      explanation: 'd was the executioner and was removed before picking; a had the least silver (10).',
    });
  });

  it('without a pick, settles equal silver among the pick targets by the seeded draw', () => {
    const silver = { a: 20, b: 20, c: 30, d: 40, e: 50, f: 60 };
    const ballots: Ballots = { b: { elect: 'd' }, c: { elect: 'd' } };
    // d is the executioner and on the podium (f, e, d): a, b and c can be picked.
    expect(decide(ctx(silver, DAY1), ballots)).toMatchObject({ executioner: 'd', out: 'a', reason: 'TIE_SEEDED_DRAW' });
    expect(decide(ctx(silver, DAY2), ballots)).toMatchObject({ executioner: 'd', out: 'b', reason: 'TIE_SEEDED_DRAW' });
    expect(decide(ctx(silver, DAY2), ballots).immune).toEqual(['f', 'e', 'd']);
  });

  it('ignores a pick of a top-3 player, of themself, of the eliminated, or by anyone but the executioner', () => {
    for (const pick of ['g', 'd', 'x']) {
      expect(decide(seven, { ...electD, d: { pick } })).toMatchObject({ out: 'a', reason: 'NO_PICK_LOWEST_SILVER' });
    }
    expect(decide(seven, { ...electD, a: { elect: 'd', pick: 'c' } })).toMatchObject({ out: 'a', reason: 'NO_PICK_LOWEST_SILVER' });
  });

  it('ignores election votes from and for the eliminated', () => {
    const outcome = elect(seven, { x: { elect: 'g' }, a: { elect: 'x' }, b: { elect: 'f' } });
    expect(outcome).toMatchObject({ executioner: 'f', reason: 'MOST_VOTES' });
    expect(outcome.tallies).toEqual({ a: 0, b: 0, c: 0, d: 0, e: 0, f: 1, g: 0 });
  });

  it('lets every alive player elect anyone alive, themself included, and only the executioner pick', () => {
    expect(canVote(seven, 'a', 'elect')).toBe(true);
    expect(canVote(seven, 'x', 'elect')).toBe(false);
    expect(canVote(seven, 'a', 'target')).toBe(false);
    expect(targets(seven, 'a', 'elect')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(canVote(seven, 'd', 'pick', 'd')).toBe(true);
    expect(canVote(seven, 'a', 'pick', 'd')).toBe(false);
    expect(canVote(seven, 'd', 'pick')).toBe(false);
    expect(canVote(seven, 'd', 'pick', null)).toBe(false);
    expect(targets(seven, 'd', 'pick', 'd')).toEqual(['a', 'b', 'c']);
    expect(targets(seven, 'g', 'pick', 'g')).toEqual(['a', 'b', 'c', 'd']);
    expect(targets(seven, 'a', 'pick', 'd')).toEqual([]);
  });

  it('lists only the top 3 as immune when the executioner is one of them', () => {
    const outcome = decide(seven, { a: { elect: 'g' }, g: { pick: 'd' } });
    expect(outcome).toMatchObject({ executioner: 'g', out: 'd', immune: ['g', 'f', 'e'], reason: 'EXECUTIONER_PICK' });
  });

  it('below its minimum, with nobody to pick, puts out the lowest silver other than the executioner', () => {
    expect(decide(ctx({ a: 10, b: 20, c: 30, d: 40 }), { b: { elect: 'a' } })).toMatchObject({
      executioner: 'a',
      out: 'b',
      immune: ['a'],
      reason: 'TOO_FEW_ALIVE_LOWEST_SILVER',
    });
    expect(decide(ctx({ a: 10 }), { a: { elect: 'a' } })).toMatchObject({ executioner: 'a', out: 'a', immune: [] });
  });

  it('decides nothing when nobody is alive; elect elects nobody', () => {
    expect(decide(ctx({}), {})).toMatchObject({ out: null, executioner: null, reason: 'NOBODY_ALIVE' });
    expect(elect(ctx({}), {}).executioner).toBeNull();
  });
});

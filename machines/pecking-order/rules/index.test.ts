import { describe, it, expect } from 'vitest';
import { VOTE_RULES, VOTE_TYPES, executionerRule, type Ballots, type VoteContext } from './index';

describe('VOTE_RULES', () => {
  it('has one rule per vote type, under its own name', () => {
    expect(Object.keys(VOTE_RULES).sort()).toEqual([...VOTE_TYPES].sort());
    for (const type of VOTE_TYPES) expect(VOTE_RULES[type].type).toBe(type);
    expect(VOTE_RULES.EXECUTIONER).toBe(executionerRule);
  });

  it('needs the alive players game-rules.md lists', () => {
    const minAlive = Object.fromEntries(VOTE_TYPES.map((t) => [t, VOTE_RULES[t].minAlive]));
    expect(minAlive).toEqual({
      MAJORITY: 3,
      SECOND_TO_LAST: 3,
      SHIELD: 4,
      PODIUM_SACRIFICE: 5,
      EXECUTIONER: 5,
      TRUST_PAIRS: 5,
      BUBBLE: 6,
      FINALS: 2,
    });
  });

  it('describes every rule for the catalog', () => {
    for (const type of VOTE_TYPES) expect(VOTE_RULES[type].summary.length).toBeGreaterThan(80);
  });

  it('reads only the ballot fields it declares', () => {
    const ctx: VoteContext = {
      alive: ['a', 'b', 'c', 'd', 'e', 'f'].map((playerId, i) => ({ playerId, silver: 10 * (i + 1) })),
      eliminated: ['x'],
      seed: 'room-x:day1',
    };
    for (const type of VOTE_TYPES) {
      const rule = VOTE_RULES[type];
      for (const kind of ['target', 'trust', 'elect', 'pick'] as const) {
        const declared = rule.ballotKinds.includes(kind);
        const someoneMay = [...ctx.eliminated, 'a', 'b', 'f'].some((voter) => rule.canVote(ctx, voter, kind, voter));
        expect({ type, kind, someoneMay }).toEqual({ type, kind, someoneMay: declared });
      }
    }
  });

  it('decides every type at every roster size without throwing, eliminating one player (or crowning one in FINALS)', () => {
    const junk = {
      a: { target: 'zz', trust: 'a', elect: 'q', pick: 'a' },
      zz: { target: 'a' },
      b: null,
      c: 'nonsense',
    } as unknown as Ballots;
    for (const type of VOTE_TYPES) {
      for (let n = 1; n <= 8; n++) {
        const ctx: VoteContext = {
          alive: Array.from({ length: n }, (_, i) => ({ playerId: String.fromCharCode(97 + i), silver: 10 })),
          eliminated: ['x'],
          seed: `room-x:day${n}`,
        };
        const outcome = VOTE_RULES[type].decide(ctx, junk);
        const alive = ctx.alive.map((c) => c.playerId);
        if (type === 'FINALS') {
          expect(outcome.out).toBeNull();
          expect(alive).toContain(outcome.winner);
          expect([...outcome.ranking].sort()).toEqual(alive);
        } else {
          expect(alive).toContain(outcome.out);
          expect(outcome.immune).not.toContain(outcome.out);
        }
        expect(outcome.explanation).toMatch(/\.$/);
      }
    }
  });
});

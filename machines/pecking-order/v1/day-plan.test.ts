import { describe, expect, it } from 'vitest';
import { VOTE_TYPES } from '../rules';
import { aliveAtStartOfDay, checkDayPlan, defaultDayPlan } from './day-plan';

describe('defaultDayPlan', () => {
  it('is playable for every cast size, FINALS last, at most 7 days', () => {
    for (let players = 3; players <= 20; players++) {
      const plan = defaultDayPlan(players);
      expect(checkDayPlan(plan, players), `${players} players`).toEqual([]);
      expect(plan.at(-1)).toEqual({ voteType: 'FINALS' });
      expect(plan).toHaveLength(Math.min(7, players - 1));
    }
  });

  it('uses every vote type across casts and longer games, with PLAYER_PICK on odd days', () => {
    const used = new Set([...defaultDayPlan(20), ...defaultDayPlan(20, 19), ...defaultDayPlan(5)].map((d) => d.voteType));
    expect([...used].sort()).toEqual([...VOTE_TYPES].sort());
    expect(defaultDayPlan(8).map((d) => d.activity ?? null)).toEqual(['PLAYER_PICK', null, 'PLAYER_PICK', null, 'PLAYER_PICK', null, null]);
  });

  it('fits each day to the players it will have', () => {
    expect(defaultDayPlan(5).map((d) => d.voteType)).toEqual(['MAJORITY', 'SHIELD', 'SECOND_TO_LAST', 'FINALS']);
    expect(aliveAtStartOfDay(5, 3)).toBe(3);
  });

  it('a requested length is capped by the cast', () => {
    expect(defaultDayPlan(4, 10)).toHaveLength(3);
    expect(defaultDayPlan(3, 1)).toEqual([{ voteType: 'FINALS' }]);
  });
});

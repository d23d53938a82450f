import { describe, expect, it } from 'vitest';
import { VOTE_TYPES } from '../rules';
import { makeInit } from '../testing/fixtures';
import { activityIssue, aliveAtStartOfDay, checkDayPlan, defaultDayPlan, newGamePlanIssues, voteTypeIssue } from './day-plan';
import { peckingOrderV1 } from './index';

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

describe('checkDayPlan, per choice', () => {
  it('refuses a vote type the day will not have players for, and says why', () => {
    // Day 1 of a 5-player game starts with 5: BUBBLE needs 6.
    expect(voteTypeIssue('BUBBLE', 1, 4, 5)).toBe(
      "Day 1's BUBBLE vote needs 6 players alive at the start of the day; with 5 players, day 1 starts with 5.",
    );
    expect(voteTypeIssue('BUBBLE', 1, 4, 6)).toBeNull();
    expect(voteTypeIssue('FINALS', 2, 4, 5)).toContain('FINALS can only be the last day');
    expect(voteTypeIssue('MAJORITY', 4, 4, 5)).toContain('must be FINALS');
    expect(voteTypeIssue('FINALS', 4, 4, 5)).toBeNull();
  });

  it('refuses an activity on the FINALS day for new games, and still restores stored ones that have one', () => {
    expect(activityIssue('FINALS', 4)).toContain('Day 4 is the FINALS: it has no activity');
    expect(activityIssue('MAJORITY', 1)).toBeNull();
    const plan = [
      { voteType: 'MAJORITY' as const },
      { voteType: 'MAJORITY' as const },
      { voteType: 'FINALS' as const, activity: 'PLAYER_PICK' as const },
    ];
    expect(newGamePlanIssues(plan)).toEqual([{ path: ['days', 2, 'activity'], message: activityIssue('FINALS', 3) }]);
    const init = makeInit(5, { preset: 'FAST', days: plan });
    // Creating a game checks it (checkInit, with the room's facts)…
    const facts = { roomId: 'r', createdAt: Date.UTC(2026, 11, 1), seed: 'r' };
    expect(peckingOrderV1.checkInit!(peckingOrderV1.initSchema.parse(init), facts)).toEqual([
      { path: ['manifest', 'days', 2, 'activity'], message: activityIssue('FINALS', 3) },
    ]);
    // …restoring does not: the init schema, which a restore applies, let such games in when @1 shipped.
    expect(peckingOrderV1.initSchema.safeParse(init).success).toBe(true);
    expect(checkDayPlan(plan, 5)).toEqual([]);
  });

  it('gives each issue the plan check gives, choice by choice', () => {
    const plan = [{ voteType: 'FINALS' as const }, { voteType: 'BUBBLE' as const }, { voteType: 'MAJORITY' as const }];
    const issues = checkDayPlan(plan, 5);
    expect(issues.map((issue) => issue.message)).toEqual([
      voteTypeIssue('FINALS', 1, 3, 5),
      voteTypeIssue('BUBBLE', 2, 3, 5),
      voteTypeIssue('MAJORITY', 3, 3, 5),
    ]);
  });
});

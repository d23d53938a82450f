import { describe, expect, it } from 'vitest';
import { makeRoster } from '../testing/fixtures';
import { defaultDayPlan } from './day-plan';
import { peckingOrderV1 } from './index';
import { initSchema } from './init-schema';
import { MAX_START_LEAD_MS } from './timeline';
import type { DaySpec } from './manifest';

const manifest = (days: DaySpec[], extra: Record<string, unknown> = {}) => ({
  preset: 'DEFAULT',
  scheduling: 'PRE_SCHEDULED',
  days,
  ...extra,
});

function issues(payload: unknown) {
  const result = initSchema.safeParse(payload);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

describe('init payload: manifest', () => {
  it('accepts the default plan for every cast size', () => {
    for (let players = 3; players <= 20; players++) {
      const result = initSchema.safeParse({ roster: makeRoster(players), manifest: manifest(defaultDayPlan(players)) });
      expect(result.success, `${players} players`).toBe(true);
    }
  });

  it('refuses a last day that is not FINALS', () => {
    expect(issues({ roster: makeRoster(5), manifest: manifest([{ voteType: 'MAJORITY' }, { voteType: 'MAJORITY' }]) })).toContainEqual({
      path: ['manifest', 'days', 1, 'voteType'],
      message: 'The last day (day 2) must be FINALS, where the jury picks the winner; it is MAJORITY.',
    });
  });

  it('refuses FINALS before the last day', () => {
    expect(issues({ roster: makeRoster(5), manifest: manifest([{ voteType: 'FINALS' }, { voteType: 'FINALS' }]) })).toEqual([
      { path: ['manifest', 'days', 0, 'voteType'], message: 'Day 1 is FINALS, but FINALS can only be the last day (day 2).' },
    ]);
  });

  it('refuses more elimination days than players − 2', () => {
    const days: DaySpec[] = [{ voteType: 'MAJORITY' }, { voteType: 'MAJORITY' }, { voteType: 'FINALS' }];
    expect(issues({ roster: makeRoster(3), manifest: manifest(days) })).toContainEqual({
      path: ['manifest', 'days'],
      message:
        '2 elimination days need at least 4 players (each removes one and the finale needs 2); the roster has 3. ' +
        'Use at most 1 elimination days.',
    });
  });

  it.each([
    ['SHIELD', 4],
    ['PODIUM_SACRIFICE', 5],
    ['EXECUTIONER', 5],
    ['TRUST_PAIRS', 5],
    ['BUBBLE', 6],
  ] as const)('refuses %s on a day with fewer than %i alive', (voteType, needed) => {
    // Day 2 of a game with `needed` players starts with needed − 1 alive.
    const days: DaySpec[] = [{ voteType: 'MAJORITY' }, { voteType }, { voteType: 'FINALS' }];
    expect(issues({ roster: makeRoster(needed), manifest: manifest(days) })).toEqual([
      {
        path: ['manifest', 'days', 1, 'voteType'],
        message: `Day 2's ${voteType} vote needs ${needed} players alive at the start of the day; with ${needed} players, day 2 starts with ${needed - 1}.`,
      },
    ]);
  });

  it('refuses MAJORITY and SECOND_TO_LAST below 3 alive, and FINALS below 2', () => {
    const days: DaySpec[] = [{ voteType: 'MAJORITY' }, { voteType: 'SECOND_TO_LAST' }, { voteType: 'FINALS' }];
    const found = issues({ roster: makeRoster(3), manifest: manifest(days) });
    expect(found).toContainEqual({
      path: ['manifest', 'days', 1, 'voteType'],
      message: "Day 2's SECOND_TO_LAST vote needs 3 players alive at the start of the day; with 3 players, day 2 starts with 2.",
    });
    expect(found).toContainEqual({
      path: ['manifest', 'days', 2, 'voteType'],
      message: "Day 3's FINALS vote needs 2 players alive at the start of the day; with 3 players, day 3 starts with 1.",
    });
  });

  it('refuses an unknown vote type, preset or scheduling, and a bad startingSilver', () => {
    const found = issues({
      roster: makeRoster(4),
      manifest: { preset: 'SLOW', scheduling: 'SOMETIMES', startingSilver: -1, days: [{ voteType: 'COIN_FLIP' }] },
    });
    expect(found.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['manifest.preset', 'manifest.scheduling', 'manifest.startingSilver', 'manifest.days.0.voteType']),
    );
    expect(found.find((i) => i.path.join('.') === 'manifest.preset')!.message).toBe('The preset is one of DEFAULT, FAST, TEST.');
  });

  it('keeps the manifest as given, with optional theme, activity, startAt and startingSilver', () => {
    const parsed = initSchema.parse({
      roster: makeRoster(3),
      manifest: manifest([{ voteType: 'MAJORITY', theme: 'Trust', activity: 'PLAYER_PICK' }, { voteType: 'FINALS' }], {
        startingSilver: 80,
        startAt: 1_767_258_000_000,
      }),
    });
    expect(parsed.manifest.days[0]).toEqual({ voteType: 'MAJORITY', theme: 'Trust', activity: 'PLAYER_PICK' });
    expect(parsed.manifest.startingSilver).toBe(80);
  });
});

describe('init payload: roster', () => {
  const days = [{ voteType: 'FINALS' }];

  it('refuses fewer than 3 and more than 20 players', () => {
    expect(issues({ roster: makeRoster(2), manifest: manifest(days as DaySpec[]) })).toContainEqual({
      path: ['roster'],
      message: 'A game needs at least 3 players.',
    });
    expect(issues({ roster: makeRoster(21), manifest: manifest(days as DaySpec[]) })).toContainEqual({
      path: ['roster'],
      message: 'A game has at most 20 players.',
    });
  });

  it('refuses duplicate ids and duplicate names, at the duplicate', () => {
    const roster = makeRoster(4);
    roster[2] = { ...roster[2]!, playerId: 'p1' };
    roster[3] = { ...roster[3]!, name: 'player 2' };
    expect(issues({ roster, manifest: manifest(days as DaySpec[]) })).toEqual([
      { path: ['roster', 2, 'playerId'], message: 'Player id "p1" appears twice; ids must be unique.' },
      { path: ['roster', 3, 'name'], message: 'Display name "player 2" appears twice; personas must be told apart.' },
    ]);
  });

  it('refuses ids that are not short slugs, and the reserved id admin', () => {
    const roster = makeRoster(4);
    roster[0] = { ...roster[0]!, playerId: 'Not A Slug' };
    roster[1] = { ...roster[1]!, playerId: 'admin' };
    roster[2] = { ...roster[2]!, playerId: 'x'.repeat(25) };
    const found = issues({ roster, manifest: manifest(days as DaySpec[]) });
    expect(found).toContainEqual({
      path: ['roster', 0, 'playerId'],
      message: 'A player id is a short slug: 1–24 lowercase letters, digits or dashes, starting with a letter or digit.',
    });
    expect(found).toContainEqual({
      path: ['roster', 1, 'playerId'],
      message: '"admin" is reserved for the host; pick another player id.',
    });
    expect(found.filter((i) => i.path.join('.') === 'roster.2.playerId')).toHaveLength(1);
  });

  it('refuses a missing name and a non-http avatar', () => {
    const roster = makeRoster(3);
    roster[0] = { ...roster[0]!, name: '  ' };
    (roster[1] as Record<string, unknown>).avatarUrl = 'javascript:alert(1)';
    expect(issues({ roster, manifest: manifest(days as DaySpec[]) })).toEqual([
      { path: ['roster', 0, 'name'], message: 'Every player needs a display name.' },
      { path: ['roster', 1, 'avatarUrl'], message: 'An avatar URL must be an http(s) URL.' },
    ]);
  });
});

describe('init payload: times, checked with the room’s creation time (checkInit)', () => {
  const createdAt = Date.UTC(2026, 11, 1, 12);
  const DAY = 86_400_000;
  const room = { roomId: 'r', createdAt, seed: 'r' };
  const check = (extra: Record<string, unknown>) => {
    const init = initSchema.parse({ roster: makeRoster(5), manifest: manifest(defaultDayPlan(5), extra) });
    return peckingOrderV1.checkInit!(init, room);
  };

  it('accepts no startAt, a past one, and one up to 30 days after the room’s creation', () => {
    expect(MAX_START_LEAD_MS).toBe(30 * DAY);
    expect(check({})).toEqual([]);
    expect(check({ startAt: createdAt - DAY })).toEqual([]);
    expect(check({ startAt: createdAt + MAX_START_LEAD_MS })).toEqual([]);
  });

  it('refuses a startAt further ahead, by its path, with the latest allowed date', () => {
    for (const startAt of [createdAt + MAX_START_LEAD_MS + 1, Date.UTC(2200, 0, 1), Date.UTC(2300, 0, 1), Number.MAX_SAFE_INTEGER]) {
      // The schema alone (no clock) lets it through; only the room's creation time tells.
      expect(initSchema.safeParse({ roster: makeRoster(5), manifest: manifest(defaultDayPlan(5), { startAt }) }).success).toBe(true);
      expect(check({ startAt })).toEqual([
        {
          path: ['manifest', 'startAt'],
          message: expect.stringContaining('at most 30 days after the game is created (by 2026-12-31T12:00:00.000Z)'),
        },
      ]);
    }
  });
});

import { describe, expect, it, vi } from 'vitest';
import { makeRoster } from '../testing/fixtures';
import { rosterSchema as v1RosterSchema } from '../v1/roster';
import { initSchema } from './init-schema';
import { defaultManifest } from './lobby';
import { rosterSchema } from './roster';

const init = (days: unknown[]) => ({ roster: makeRoster(4), manifest: { preset: 'TEST', scheduling: 'ADMIN', days } });
const issues = (days: unknown[]) => {
  const parsed = initSchema.safeParse(init(days));
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('the day plan’s cartridges', () => {
  it('accepts a prompt and a dilemma on a day, or none', () => {
    expect(
      issues([{ voteType: 'MAJORITY', cartridges: ['HOT_TAKE', 'SPOTLIGHT'] }, { voteType: 'MAJORITY' }, { voteType: 'FINALS' }]),
    ).toEqual([]);
  });

  it('refuses two of one kind, naming the second', () => {
    expect(issues([{ voteType: 'MAJORITY', cartridges: ['HOT_TAKE', 'WOULD_YOU_RATHER'] }, { voteType: 'FINALS' }])).toEqual([
      { path: 'manifest.days.0.cartridges.1', message: 'A day has at most one prompt: HOT_TAKE and WOULD_YOU_RATHER are both prompts.' },
    ]);
  });

  it('refuses a name no cartridge has', () => {
    expect(issues([{ voteType: 'MAJORITY', cartridges: ['KARAOKE'] }, { voteType: 'FINALS' }])).toEqual([
      {
        path: 'manifest.days.0.cartridges.0',
        message: expect.stringMatching(/^A cartridge is one of WOULD_YOU_RATHER, HOT_TAKE, SILVER_GAMBIT, SPOTLIGHT/),
      },
    ]);
  });

  it('accepts an @1 manifest as it is, and the lobby’s default for every cast size', () => {
    expect(issues([{ voteType: 'MAJORITY', activity: 'PLAYER_PICK' }, { voteType: 'FINALS' }])).toEqual([]);
    for (let players = 3; players <= 20; players++) {
      expect(initSchema.safeParse({ roster: makeRoster(players), manifest: defaultManifest(players) }).success, `${players}`).toBe(true);
    }
  });
});

describe('the cast', () => {
  const cast = (entries: { playerId: string; name: string; userId?: string }[]) => {
    const parsed = rosterSchema.safeParse(entries);
    return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  };

  it('runs @1’s checks across entries and its own, each issue once (the reserved id was reported twice)', () => {
    expect(
      cast([
        { playerId: 'admin', name: 'Ana' },
        { playerId: 'p2', name: 'ana' },
        { playerId: 'p2', name: 'Cy', userId: 'u1' },
        { playerId: 'p4', name: 'Di', userId: 'u1' },
      ]),
    ).toEqual([
      { path: '0.playerId', message: '"admin" is reserved for the host; pick another player id.' },
      { path: '1.name', message: 'Display name "ana" appears twice; personas must be told apart.' },
      { path: '2.playerId', message: 'Player id "p2" appears twice; ids must be unique.' },
      { path: '3.userId', message: 'User id "u1" appears twice; a user plays once per game.' },
    ]);
  });

  it('does not parse the cast again as @1’s roster (a second schema met for the first time on every cold restore)', () => {
    const v1Parse = vi.spyOn(v1RosterSchema, 'safeParse');
    try {
      expect(rosterSchema.safeParse(makeRoster(4)).success).toBe(true);
      expect(v1Parse).not.toHaveBeenCalled();
    } finally {
      v1Parse.mockRestore();
    }
  });
});

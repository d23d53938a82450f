import { describe, expect, it } from 'vitest';
import { makeRoster } from '../testing/fixtures';
import { initSchema } from './init-schema';
import { defaultManifest } from './lobby';

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

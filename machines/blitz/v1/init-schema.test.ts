import { describe, expect, it } from 'vitest';
import { makeBlitzInit } from '../testing/fixtures';
import { blitzInitSchema } from './init-schema';

function issuesOf(payload: unknown) {
  const parsed = blitzInitSchema.safeParse(payload);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('the blitz init schema', () => {
  it('accepts a default game for every cast from 5 to 12', () => {
    for (let players = 5; players <= 12; players++) expect(issuesOf(makeBlitzInit(players)), `${players}`).toEqual([]);
  });

  it('refuses a cast outside 5–12, on the roster', () => {
    expect(issuesOf(makeBlitzInit(4))).toEqual([{ path: 'roster', message: 'Blitz is played by 5–12 players; this cast has 4.' }]);
    expect(issuesOf(makeBlitzInit(13))[0]!.path).toBe('roster');
  });

  it('refuses a preset that does not suit the cast, and an unknown one, on the preset', () => {
    expect(issuesOf(makeBlitzInit(5, { preset: 'MARATHON' }))).toEqual([
      { path: 'manifest.preset', message: 'MARATHON is for 8–12 players; this cast has 5. Choose SPRINT.' },
    ]);
    expect(issuesOf(makeBlitzInit(6, { preset: 'FAST' as never }))).toEqual([
      { path: 'manifest.preset', message: 'The preset is one of SPRINT, STANDARD, MARATHON.' },
    ]);
  });

  it('takes the rounds’ vote types when there is one per elimination round and each has players enough', () => {
    expect(
      issuesOf(
        makeBlitzInit(6, {
          rounds: [{ voteType: 'BUBBLE' }, { voteType: 'SHIELD' }, { voteType: 'MAJORITY' }, { voteType: 'SECOND_TO_LAST' }],
        }),
      ),
    ).toEqual([]);
    expect(issuesOf(makeBlitzInit(6, { rounds: [{ voteType: 'MAJORITY' }] }))).toEqual([
      {
        path: 'manifest.rounds',
        message: '6 players play 4 elimination rounds before the final (one per player but the two finalists); the manifest names 1.',
      },
    ]);
    expect(
      issuesOf(
        makeBlitzInit(6, {
          rounds: [{ voteType: 'MAJORITY' }, { voteType: 'BUBBLE' }, { voteType: 'MAJORITY' }, { voteType: 'MAJORITY' }],
        }),
      ),
    ).toEqual([
      {
        path: 'manifest.rounds.1.voteType',
        message: "Round 2's BUBBLE vote needs 6 players alive; with 6 players, round 2 starts with 5.",
      },
    ]);
    expect(
      issuesOf(makeBlitzInit(5, { rounds: [{ voteType: 'EXECUTIONER' as never }, { voteType: 'MAJORITY' }, { voteType: 'MAJORITY' }] }))[0],
    ).toEqual({
      path: 'manifest.rounds.0.voteType',
      message: "A blitz round's vote type is one of MAJORITY, SHIELD, BUBBLE, PODIUM_SACRIFICE, SECOND_TO_LAST, TRUST_PAIRS.",
    });
  });

  it('refuses the scheduling pecking-order does not know either', () => {
    expect(issuesOf(makeBlitzInit(6, { scheduling: 'SOMETIMES' as never }))[0]!.path).toBe('manifest.scheduling');
  });
});

import { describe, expect, it } from 'vitest';
import { dayName, dayNoun } from './day-words';
import { viewNotices } from './notices';
import { playerView } from './testing/player-view';
import { phaseHint } from './vote-words';

const round = { dayWord: 'Round' };

describe('what the app calls a day', () => {
  it('is a day unless the view says otherwise', () => {
    expect(dayName(playerView(), 2)).toBe('Day 2');
    expect(dayName(playerView(round), 2)).toBe('Round 2');
    expect(dayNoun(playerView(round))).toBe('round');
  });

  it('names rounds in notices and in the pregame hint of a game whose view calls days rounds (blitz@1)', () => {
    const [notice] = viewNotices(playerView({ ...round, phase: 'social' }), playerView({ ...round, phase: 'voting' }), String);
    expect(notice!.text).toBe('Round 1: the vote is open');
    expect(phaseHint(playerView({ ...round, phase: 'pregame' }))).toBe('Meet the cast in the group chat. DMs and silver open on round 1.');
    expect(phaseHint(playerView({ phase: 'pregame' }))).toBe('Meet the cast in the group chat. DMs and silver open on day 1.');
  });
});

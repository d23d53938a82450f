import { describe, expect, it } from 'vitest';
import { dayResult, openVote, playerView } from './testing/player-view';
import { pickRevealHeadline, regionPills, standingWords, voteFirst, votedLine } from './today-lines';

const name = (id: string) => id.toUpperCase();

describe('votedLine', () => {
  it('says nothing about voters on a day nobody votes (SECOND_TO_LAST)', () => {
    expect(votedLine(openVote('SECOND_TO_LAST'), name)).toBeNull();
  });

  it('says who has voted, or that nobody has yet, on a day with ballots', () => {
    expect(votedLine(openVote('MAJORITY'), name)).toBe('Nobody has voted yet.');
    expect(votedLine(openVote('MAJORITY', { voted: ['p2', 'p3'] }), name)).toBe('Voted so far (2): P2, P3');
  });
});

describe('pickRevealHeadline', () => {
  it('says that nobody picked when the reveal holds no pick', () => {
    expect(pickRevealHeadline({})).toBe('Nobody picked today, so nobody earned silver.');
  });

  it('announces the picks when there are some', () => {
    expect(pickRevealHeadline({ p1: 'p2' })).toBe('The picks are out');
  });
});

describe('regionPills', () => {
  it('shows an alive player what is open', () => {
    expect(regionPills(playerView({ open: { groupChat: true, dms: true, transfers: false } }))).toEqual([
      { text: 'Group chat open', on: true },
      { text: 'DMs open', on: true },
      { text: 'Silver transfers closed', on: false },
    ]);
  });

  it('never tells the jury that chat, DMs or transfers are open for them', () => {
    const juror = playerView({
      me: { alive: false, silver: 50, gold: 0, juror: true },
      open: { groupChat: true, dms: true, transfers: true },
    });
    const pills = regionPills(juror);
    expect(pills.every((pill) => !pill.on)).toBe(true);
    expect(pills.map((pill) => pill.text)).toEqual([
      'Group chat: you can read it',
      'No DMs for the jury',
      'No silver transfers for the jury',
    ]);
    expect(regionPills({ ...juror, open: { groupChat: false, dms: false, transfers: false } })[0]!.text).toBe('Group chat closed');
  });
});

describe('standingWords', () => {
  it('calls survivors of a game the host ended early neither finalists nor winners', () => {
    expect(standingWords(playerView({ phase: 'gameOver', ending: 'ADMIN' }))).toBe('still in when the host ended the game');
  });

  it('calls survivors of the finale finalists, and the winner the winner', () => {
    expect(standingWords(playerView({ phase: 'gameOver', ending: 'FINALS', winner: 'p2' }))).toBe('finalist');
    expect(standingWords(playerView({ phase: 'gameOver', ending: 'FINALS', winner: 'p1' }))).toBe('the winner');
  });

  it('says in the game, or out on the jury, before the end', () => {
    expect(standingWords(playerView())).toBe('in the game');
    expect(standingWords(playerView({ me: { alive: false, silver: 0, gold: 0, juror: true } }))).toBe('out of the game, on the jury');
  });
});

describe('voteFirst', () => {
  it('leads with the vote while it is open and while its result is fresh', () => {
    expect(voteFirst(playerView({ phase: 'voting', vote: openVote('MAJORITY') }))).toBe(true);
    const result = dayResult({ day: 1, type: 'MAJORITY', out: 'p4' });
    expect(voteFirst(playerView({ phase: 'results', vote: openVote('MAJORITY', { open: false, result }) }))).toBe(true);
  });

  it('keeps the persona first before the vote opens and after the results', () => {
    expect(voteFirst(playerView({ phase: 'social', vote: openVote('MAJORITY', { open: false, step: null }) }))).toBe(false);
    const result = dayResult({ day: 1, type: 'MAJORITY', out: 'p4' });
    expect(voteFirst(playerView({ phase: 'night', vote: openVote('MAJORITY', { open: false, result }) }))).toBe(false);
    expect(voteFirst(playerView())).toBe(false);
  });
});

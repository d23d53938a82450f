import { describe, expect, it } from 'vitest';
import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import type { ChatMessage } from '../../protocol';
import { messageNotices, pageTitle, viewNotices } from './notices';
import { playerView } from './testing/player-view';

const name = (id: string) => id.toUpperCase();

describe('viewNotices', () => {
  it('says nothing about the first view of a session', () => {
    expect(viewNotices(null, playerView(), name)).toEqual([]);
  });

  it('announces a phase change on the Today tab', () => {
    const notices = viewNotices(playerView({ phase: 'morning' }), playerView({ phase: 'social' }), name);
    expect(notices).toEqual([{ id: 'd1:social', kind: 'phase', tab: 'today', text: 'Day 1: DMs are open' }]);
  });

  it('calls the vote opening a vote notice', () => {
    const [notice] = viewNotices(playerView({ phase: 'social' }), playerView({ phase: 'voting' }), name);
    expect(notice).toMatchObject({ kind: 'vote', tab: 'today', text: 'Day 1: the vote is open' });
  });

  it('announces a night result: who is out, and "you" to the one who is', () => {
    const before = playerView({ phase: 'results' });
    const after = playerView({ phase: 'night', eliminated: ['p3'] });
    expect(viewNotices(before, after, name).map((n) => [n.kind, n.text])).toEqual([
      ['phase', 'Day 1: Night falls'],
      ['night', 'P3 is out'],
    ]);
    const mine = viewNotices(before, playerView({ phase: 'night', eliminated: ['p1'] }), name);
    expect(mine[1]!.text).toBe('You are out of the game');
  });

  it('says nothing when only silver or votes change', () => {
    expect(viewNotices(playerView(), playerView({ goldPool: 10, me: { alive: true, silver: 49, gold: 0, juror: false } }), name)).toEqual(
      [],
    );
  });

  it('announces the winner at game over', () => {
    const [notice] = viewNotices(playerView({ day: 3, phase: 'voting' }), playerView({ day: 3, phase: 'gameOver', winner: 'p2' }), name);
    expect(notice).toMatchObject({ kind: 'gameOver', text: 'Game over: P2 wins' });
  });
});

describe('messageNotices', () => {
  const message = (fields: Partial<ChatMessage>): ChatMessage => ({
    seq: 1,
    channel: 'dm:p1:p2',
    members: ['p1', 'p2'],
    from: 'p2',
    text: 'hi',
    at: 0,
    ...fields,
  });

  it('notices a DM from someone else, on the DMs tab', () => {
    expect(messageNotices([message({})], 'p1', name)).toEqual([{ id: 'dm:1', kind: 'dm', tab: 'dms', text: 'DM from P2: hi' }]);
  });

  it('ignores my own DMs and the group chat', () => {
    expect(messageNotices([message({ from: 'p1' }), message({ channel: 'group', members: null })], 'p1', name)).toEqual([]);
  });

  it('clips a long DM', () => {
    expect(messageNotices([message({ text: 'x'.repeat(100) })], 'p1', name)[0]!.text).toHaveLength('DM from P2: '.length + 60);
  });
});

describe('whispers and nudges', () => {
  const whisper = (fields: Partial<ChatMessage>): ChatMessage => ({
    seq: 7,
    channel: 'group',
    members: null,
    from: 'p2',
    to: 'p1',
    kind: 'whisper',
    text: 'psst',
    at: 0,
    ...fields,
  });

  it('notices a whisper to me, and not one between others (sealed) or my own', () => {
    expect(messageNotices([whisper({})], 'p1', name)).toEqual([
      { id: 'whisper:7', kind: 'whisper', tab: 'chat', text: 'P2 whispered: psst' },
    ]);
    expect(messageNotices([whisper({ to: 'p3', text: '', sealed: true }), whisper({ from: 'p1', to: 'p2' })], 'p1', name)).toEqual([]);
  });

  it('notices each new nudge the view says I received, once', () => {
    const nudged = (received: string[]) =>
      ({
        ...playerView({ day: 2, phase: 'social' }),
        cartridges: [{ slot: 'nudges', name: 'NUDGES', open: true, canNudge: true, sent: [], received }],
      }) as PlayerView;
    expect(viewNotices(nudged([]), nudged(['p3']), name)).toEqual([
      { id: 'd2:nudge:p3', kind: 'nudge', tab: 'cast', text: 'P3 nudged you' },
    ]);
    expect(viewNotices(nudged(['p3']), nudged(['p3']), name)).toEqual([]);
  });
});

describe('pageTitle', () => {
  it('puts the unread count first, and none when nothing is unread', () => {
    expect(pageTitle(3)).toBe('(3) Pecking Order');
    expect(pageTitle(0)).toBe('Pecking Order');
  });
});

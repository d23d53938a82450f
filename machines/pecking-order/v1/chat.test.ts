import { describe, expect, it } from 'vitest';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { makeInit } from '../testing/fixtures';
import { advanceTo } from '../testing/stepping';
import { REACTIONS } from './chat';
import { dmChannel } from './dms';
import { peckingOrderV1 } from './index';
import { mentionsIn } from './mentions';

function room() {
  return new SimulatedRoom({
    version: peckingOrderV1,
    init: makeInit(4, { scheduling: 'ADMIN', days: [{ voteType: 'MAJORITY' }, { voteType: 'FINALS' }] }),
  });
}

describe('reactions', () => {
  it('a reaction to a group message goes to the room for everyone, and changes no snapshot', () => {
    const r = room();
    r.sendAs('p1', 'chat.post', { text: 'hello' });
    const before = r.stored().snapshot;
    const effects = r.sendAs('p2', 'chat.react', { seq: 1, emoji: '❤️' });
    expect(effects).toEqual([{ type: 'room.reaction', seq: 1, channel: 'group', members: null, from: 'p2', emoji: '❤️' }]);
    // Toggling is the room's: the machine holds no reactions, so a second send is allowed again.
    expect(r.sendAs('p2', 'chat.react', { seq: 1, emoji: '❤️' })).toHaveLength(1);
    expect(r.stored().snapshot).toBe(before);
  });

  it('only the five emoji are accepted', () => {
    const r = room();
    r.sendAs('p1', 'chat.post', { text: 'hello' });
    expect(REACTIONS).toHaveLength(5);
    expect(() => r.sendAs('p2', 'chat.react', { seq: 1, emoji: '🍕' })).toThrow(/emoji/);
  });

  it('a DM reaction carries its members; a player outside the DM hears it does not exist', () => {
    const r = room();
    advanceTo(r, 1, 'social');
    r.sendAs('p1', 'dm.send', { to: 'p2', text: 'psst' });
    const seq = r.messages.length;
    expect(r.sendAs('p2', 'chat.react', { seq, emoji: '😮' })).toEqual([
      { type: 'room.reaction', seq, channel: dmChannel('p1', 'p2'), members: ['p1', 'p2'], from: 'p2', emoji: '😮' },
    ]);
    const [refused] = r.sendAs('p3', 'chat.react', { seq, emoji: '😮' });
    expect(refused).toMatchObject({ type: 'room.refuse', to: 'p3', code: 'MESSAGE_NOT_FOUND' });
    // The same words as for a seq that was never used: nothing tells p3 a DM is there.
    const [missing] = r.sendAs('p3', 'chat.react', { seq: 999, emoji: '😮' });
    expect(missing).toEqual(refused);
  });

  it('a client cannot forge the message the room found', () => {
    const r = room();
    const [refused] = r.sendAs('p1', 'chat.react', {
      seq: 5,
      emoji: '👍',
      message: { seq: 5, channel: 'group', members: null, from: 'p2' },
    });
    expect(refused).toMatchObject({ code: 'MESSAGE_NOT_FOUND' });
  });

  it('eliminated players do not react', () => {
    const r = room();
    r.sendAs('p1', 'chat.post', { text: 'hello' });
    r.admin('admin.eliminate', { playerId: 'p4' });
    expect(r.sendAs('p4', 'chat.react', { seq: 1, emoji: '👍' })[0]).toMatchObject({ code: 'NOT_ALIVE' });
  });
});

describe('replies', () => {
  it('a reply is a group message that names the message it answers', () => {
    const r = room();
    r.sendAs('p1', 'chat.post', { text: 'who is in?' });
    expect(r.sendAs('p2', 'chat.reply', { replyTo: 1, text: 'me' })).toEqual([
      { type: 'room.message', channel: 'group', members: null, from: 'p2', text: 'me', replyTo: 1 },
    ]);
  });

  it('a reply in the group may not quote a DM, even one the sender is in', () => {
    const r = room();
    advanceTo(r, 1, 'social');
    r.sendAs('p1', 'dm.send', { to: 'p2', text: 'secret' });
    const [refused] = r.sendAs('p2', 'chat.reply', { replyTo: r.messages.length, text: 'lol' });
    expect(refused).toMatchObject({ type: 'room.refuse', code: 'MESSAGE_NOT_FOUND', message: expect.stringMatching(/group chat message/) });
  });

  it('a reply obeys the group chat limits', () => {
    const r = room();
    r.sendAs('p1', 'chat.post', { text: 'hi' });
    expect(r.sendAs('p2', 'chat.reply', { replyTo: 1, text: '   ' })[0]).toMatchObject({ code: 'EMPTY_MESSAGE' });
    expect(r.sendAs('p2', 'chat.reply', { replyTo: 1, text: 'x'.repeat(281) })[0]).toMatchObject({ code: 'CHAR_LIMIT' });
  });
});

describe('mentions', () => {
  it('a post carries the players it mentions, once each', () => {
    const r = room();
    expect(r.sendAs('p1', 'chat.post', { text: 'hey', mentions: ['p2', 'p3', 'p2'] })).toEqual([
      { type: 'room.message', channel: 'group', members: null, from: 'p1', text: 'hey', mentions: ['p2', 'p3'] },
    ]);
  });

  it('a mention names another player of the game', () => {
    const r = room();
    expect(r.sendAs('p1', 'chat.post', { text: 'hey', mentions: ['p9'] })[0]).toMatchObject({ code: 'INVALID_TARGET' });
    expect(r.sendAs('p1', 'chat.post', { text: 'hey', mentions: ['p1'] })[0]).toMatchObject({ code: 'INVALID_TARGET' });
    r.sendAs('p1', 'chat.post', { text: 'hi' });
    expect(r.sendAs('p1', 'chat.reply', { replyTo: 1, text: 'hey', mentions: ['p9'] })[0]).toMatchObject({ code: 'INVALID_TARGET' });
  });

  const cast = [
    { playerId: 'p1', name: 'Ann' },
    { playerId: 'p2', name: 'Ann Lee' },
    { playerId: 'p3', name: 'Bo' },
  ];

  it('mentionsIn finds @Name as a whole word, longest name first, case-insensitive', () => {
    expect(mentionsIn('@bo and @Ann Lee, then @ann', cast)).toEqual(['p3', 'p2', 'p1']);
    expect(mentionsIn('@Anna is nobody', cast)).toEqual([]);
    expect(mentionsIn('mail bo@bo.com', cast)).toEqual([]);
    expect(mentionsIn('@p3 by id, @Bo again', cast)).toEqual(['p3']);
    expect(mentionsIn('no mentions', cast)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { RoomEffect } from '../../machine-version';
import { makeInit } from '../testing/fixtures';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { advanceTo } from '../testing/stepping';
import { ECONOMY } from './economy';
import { peckingOrderV1 } from './index';
import type { DaySpec } from './manifest';
import { REFUSAL_CODES, type RefusalCode } from './refusals';

const PICK_DAYS: DaySpec[] = [
  { voteType: 'MAJORITY', activity: 'PLAYER_PICK' },
  { voteType: 'MAJORITY' },
  { voteType: 'MAJORITY' },
  { voteType: 'FINALS' },
];

function adminRoom(players = 6, days: DaySpec[] = PICK_DAYS, startingSilver?: number) {
  return new SimulatedRoom({
    version: peckingOrderV1,
    init: makeInit(players, { scheduling: 'ADMIN', days, ...(startingSilver !== undefined ? { startingSilver } : {}) }),
  });
}

const covered = new Set<RefusalCode>();

/** Sends, and checks: exactly one refusal to the sender, with `code`, and a snapshot that did not change. */
function expectRefused(room: SimulatedRoom, send: () => RoomEffect[], to: string, code: RefusalCode) {
  const before = room.persisted();
  const effects = send();
  expect(effects).toEqual([{ type: 'room.refuse', to, code, message: expect.stringMatching(/\w+/) }]);
  expect(room.persisted()).toEqual(before);
  covered.add(code);
}

describe('refusals: one room.refuse to the sender, nothing else changes', () => {
  it('CHAT_CLOSED at night', () => {
    const room = adminRoom();
    advanceTo(room, 1, 'night');
    expectRefused(room, () => room.sendAs('p1', 'chat.post', { text: 'hello?' }), 'p1', 'CHAT_CLOSED');
    expectRefused(room, () => room.sendAs('p1', 'chat.react', { seq: 1, emoji: '👍' }), 'p1', 'CHAT_CLOSED');
    expectRefused(room, () => room.sendAs('p1', 'chat.reply', { replyTo: 1, text: 'yes' }), 'p1', 'CHAT_CLOSED');
  });

  it('DMS_CLOSED in pregame, in the morning and at night', () => {
    const room = adminRoom();
    expectRefused(room, () => room.sendAs('p1', 'dm.send', { to: 'p2', text: 'hi' }), 'p1', 'DMS_CLOSED');
    advanceTo(room, 1, 'morning');
    expectRefused(room, () => room.sendAs('p1', 'dm.send', { to: 'p2', text: 'hi' }), 'p1', 'DMS_CLOSED');
    advanceTo(room, 1, 'night');
    expectRefused(room, () => room.sendAs('p1', 'dm.send', { to: 'p2', text: 'hi' }), 'p1', 'DMS_CLOSED');
  });

  it('TRANSFERS_CLOSED in pregame', () => {
    const room = adminRoom();
    expectRefused(room, () => room.sendAs('p1', 'silver.transfer', { to: 'p2', amount: 1 }), 'p1', 'TRANSFERS_CLOSED');
  });

  it('ACTIVITY_CLOSED before the social phase, after the reveal, and on a day without activity', () => {
    const room = adminRoom();
    expectRefused(room, () => room.sendAs('p1', 'activity.pick', { target: 'p2' }), 'p1', 'ACTIVITY_CLOSED');
    advanceTo(room, 1, 'morning');
    expectRefused(room, () => room.sendAs('p1', 'activity.pick', { target: 'p2' }), 'p1', 'ACTIVITY_CLOSED');
    advanceTo(room, 1, 'voting');
    expectRefused(room, () => room.sendAs('p1', 'activity.pick', { target: 'p2' }), 'p1', 'ACTIVITY_CLOSED');
    advanceTo(room, 2, 'social');
    expectRefused(room, () => room.sendAs('p1', 'activity.pick', { target: 'p2' }), 'p1', 'ACTIVITY_CLOSED');
  });

  it('VOTING_CLOSED before and after the vote', () => {
    const room = adminRoom();
    expectRefused(room, () => room.sendAs('p1', 'vote.cast', { target: 'p2' }), 'p1', 'VOTING_CLOSED');
    advanceTo(room, 1, 'social');
    expectRefused(room, () => room.sendAs('p1', 'vote.cast', { target: 'p2' }), 'p1', 'VOTING_CLOSED');
    advanceTo(room, 1, 'results');
    expectRefused(room, () => room.sendAs('p1', 'vote.cast', { target: 'p2' }), 'p1', 'VOTING_CLOSED');
  });

  it('NOT_ALIVE: an eliminated player may not post, DM, give, pick or vote', () => {
    const room = adminRoom();
    advanceTo(room, 1, 'social');
    room.admin('admin.eliminate', { playerId: 'p6' });
    expectRefused(room, () => room.sendAs('p6', 'chat.post', { text: 'let me in' }), 'p6', 'NOT_ALIVE');
    expectRefused(room, () => room.sendAs('p6', 'dm.send', { to: 'p1', text: 'psst' }), 'p6', 'NOT_ALIVE');
    expectRefused(room, () => room.sendAs('p6', 'silver.transfer', { to: 'p1', amount: 1 }), 'p6', 'NOT_ALIVE');
    expectRefused(room, () => room.sendAs('p6', 'activity.pick', { target: 'p1' }), 'p6', 'NOT_ALIVE');
    expectRefused(room, () => room.admin('admin.eliminate', { playerId: 'p6' }), 'admin', 'NOT_ALIVE');
    advanceTo(room, 1, 'voting');
    expectRefused(room, () => room.sendAs('p6', 'vote.cast', { target: 'p1' }), 'p6', 'NOT_ELIGIBLE');
  });

  it('NOT_ELIGIBLE: nobody votes in SECOND_TO_LAST', () => {
    const room = adminRoom(5, [{ voteType: 'SECOND_TO_LAST' }, { voteType: 'FINALS' }]);
    advanceTo(room, 1, 'voting');
    expectRefused(room, () => room.sendAs('p1', 'vote.cast', { target: 'p2' }), 'p1', 'NOT_ELIGIBLE');
  });

  it('INVALID_BALLOT: a field today’s vote does not use, or no field at all', () => {
    const room = adminRoom();
    advanceTo(room, 1, 'voting');
    expectRefused(room, () => room.sendAs('p1', 'vote.cast', { trust: 'p2' }), 'p1', 'INVALID_BALLOT');
    expectRefused(room, () => room.sendAs('p1', 'vote.cast', {}), 'p1', 'INVALID_BALLOT');
  });

  it('INVALID_TARGET: yourself, an eliminated or unknown player', () => {
    const room = adminRoom();
    advanceTo(room, 1, 'social');
    room.admin('admin.eliminate', { playerId: 'p6' });
    expectRefused(room, () => room.sendAs('p1', 'dm.send', { to: 'p1', text: 'me' }), 'p1', 'INVALID_TARGET');
    expectRefused(room, () => room.sendAs('p1', 'dm.send', { to: 'p6', text: 'ghost' }), 'p1', 'INVALID_TARGET');
    expectRefused(room, () => room.sendAs('p1', 'silver.transfer', { to: 'nobody', amount: 1 }), 'p1', 'INVALID_TARGET');
    expectRefused(room, () => room.sendAs('p1', 'activity.pick', { target: 'p1' }), 'p1', 'INVALID_TARGET');
    expectRefused(room, () => room.admin('admin.credit', { playerId: 'nobody', amount: 5 }), 'admin', 'INVALID_TARGET');
    advanceTo(room, 1, 'voting');
    expectRefused(room, () => room.sendAs('p1', 'vote.cast', { target: 'p6' }), 'p1', 'INVALID_TARGET');
  });

  it('INVALID_AMOUNT: the machine checks amounts even past the schema', () => {
    const room = adminRoom();
    advanceTo(room, 1, 'morning');
    expectRefused(room, () => room.deliver({ type: 'silver.transfer', senderId: 'p1', to: 'p2', amount: 0 }), 'p1', 'INVALID_AMOUNT');
    expectRefused(room, () => room.deliver({ type: 'silver.transfer', senderId: 'p1', to: 'p2', amount: 1.5 }), 'p1', 'INVALID_AMOUNT');
    expectRefused(
      room,
      () => room.deliver({ type: 'admin.credit', senderId: 'admin', playerId: 'p2', amount: 0 }),
      'admin',
      'INVALID_AMOUNT',
    );
  });

  it('INSUFFICIENT_SILVER: a transfer above the balance, a DM without silver', () => {
    const room = adminRoom(6, PICK_DAYS, 3);
    advanceTo(room, 1, 'social');
    expectRefused(room, () => room.sendAs('p1', 'silver.transfer', { to: 'p2', amount: 4 }), 'p1', 'INSUFFICIENT_SILVER');
    room.sendAs('p1', 'silver.transfer', { to: 'p2', amount: 3 });
    expectRefused(room, () => room.sendAs('p1', 'dm.send', { to: 'p2', text: 'broke' }), 'p1', 'INSUFFICIENT_SILVER');
  });

  it('CHAR_LIMIT: a group chat message over 280 characters, a DM over the day’s characters', () => {
    const room = adminRoom();
    expect(room.sendAs('p1', 'chat.post', { text: 'x'.repeat(ECONOMY.chatMaxChars) })).toHaveLength(1);
    expectRefused(room, () => room.sendAs('p1', 'chat.post', { text: 'x'.repeat(ECONOMY.chatMaxChars + 1) }), 'p1', 'CHAR_LIMIT');
    advanceTo(room, 1, 'social');
    room.sendAs('p1', 'dm.send', { to: 'p2', text: 'y'.repeat(ECONOMY.dmCharsPerDay - 5) });
    expectRefused(room, () => room.sendAs('p1', 'dm.send', { to: 'p2', text: 'z'.repeat(6) }), 'p1', 'CHAR_LIMIT');
    // Emoji count as one character each.
    expect(room.sendAs('p1', 'dm.send', { to: 'p2', text: '🐔🐔🐔🐔🐔' })[0]).toMatchObject({ type: 'room.message' });
  });

  it('CONVERSATION_LIMIT: a fourth new conversation in a day; old ones stay open', () => {
    const room = adminRoom();
    advanceTo(room, 1, 'social');
    for (const to of ['p2', 'p3', 'p4']) room.sendAs('p1', 'dm.send', { to, text: 'hi' });
    expectRefused(room, () => room.sendAs('p1', 'dm.send', { to: 'p5', text: 'hi' }), 'p1', 'CONVERSATION_LIMIT');
    expect(room.sendAs('p1', 'dm.send', { to: 'p2', text: 'again' })[0]).toMatchObject({ channel: 'dm:p1:p2' });
    // A reply in a conversation someone else opened is not a new conversation.
    for (const to of ['p3', 'p4', 'p6']) room.sendAs('p5', 'dm.send', { to, text: 'hi' });
    expect(room.sendAs('p5', 'dm.send', { to: 'p1', text: 'hi' })).toEqual([
      { type: 'room.refuse', to: 'p5', code: 'CONVERSATION_LIMIT', message: expect.any(String) },
    ]);
    expect(room.sendAs('p2', 'dm.send', { to: 'p1', text: 'reply' })[0]).toMatchObject({ type: 'room.message' });
  });

  it('EMPTY_MESSAGE: a message of only white space or invisible characters, in the group chat, DMs and from the host', () => {
    const room = adminRoom();
    expectRefused(room, () => room.sendAs('p1', 'chat.post', { text: '   ' }), 'p1', 'EMPTY_MESSAGE');
    const invisible = [
      '',
      '\u200B',
      '\u200C\u200D',
      '\u2060',
      '\uFEFF',
      ' \u200B\t\n\u00A0\u3000',
      '\u00AD\u200E\u200F\u202E\u2066', // soft hyphen and bidi controls (format characters)
      '\u180E\u2061\u2064', // Mongolian vowel separator, invisible operators
      '\u3164\u115F\uFFA0', // Hangul fillers
      '\u034F\uFE0F', // combining grapheme joiner, a variation selector
      '\u2800', // braille blank
      '\u{E0020}\u{E007F}', // tag characters
    ];
    for (const text of invisible) {
      expectRefused(room, () => room.sendAs('p1', 'chat.post', { text }), 'p1', 'EMPTY_MESSAGE');
      expectRefused(room, () => room.admin('admin.hostMessage', { text }), 'admin', 'EMPTY_MESSAGE');
    }
    advanceTo(room, 1, 'social');
    for (const text of invisible) {
      expectRefused(room, () => room.sendAs('p1', 'dm.send', { to: 'p2', text }), 'p1', 'EMPTY_MESSAGE');
    }
    // Visible text with invisible characters around it is a message, and so is an emoji sequence.
    expect(room.sendAs('p1', 'chat.post', { text: '\u200Bhi\u200B' })[0]).toMatchObject({ type: 'room.message', text: '\u200Bhi\u200B' });
    expect(room.sendAs('p1', 'dm.send', { to: 'p2', text: '👩\u200D👩\u200D👧' })[0]).toMatchObject({ type: 'room.message' });
    expect(room.admin('admin.hostMessage', { text: '\uFEFFWelcome' })[0]).toMatchObject({ type: 'room.message', from: 'admin' });
  });

  it('CAST_TOO_SMALL: an elimination the days still to play cannot absorb', () => {
    const room = adminRoom(3, [{ voteType: 'MAJORITY' }, { voteType: 'FINALS' }]);
    expectRefused(room, () => room.admin('admin.eliminate', { playerId: 'p1' }), 'admin', 'CAST_TOO_SMALL');
    advanceTo(room, 1, 'results');
    // The vote has put someone out tonight; the finale needs the other two.
    const out = room.persisted().context.history[0].out;
    const other = ['p1', 'p2', 'p3'].find((id) => id !== out)!;
    expectRefused(room, () => room.admin('admin.eliminate', { playerId: other }), 'admin', 'CAST_TOO_SMALL');
  });

  it('NOT_ALLOWED_NOW: a ballot field of the other EXECUTIONER step', () => {
    const room = adminRoom(5, [{ voteType: 'EXECUTIONER' }, { voteType: 'FINALS' }]);
    advanceTo(room, 1, 'election');
    expectRefused(room, () => room.sendAs('p1', 'vote.cast', { pick: 'p2' }), 'p1', 'NOT_ALLOWED_NOW');
    advanceTo(room, 1, 'voting');
    expectRefused(room, () => room.sendAs('p1', 'vote.cast', { elect: 'p2' }), 'p1', 'NOT_ALLOWED_NOW');
  });

  it('MESSAGE_NOT_FOUND: a reaction or reply to a seq the room lacks, or to a DM the sender is not in', () => {
    const room = adminRoom();
    expectRefused(room, () => room.sendAs('p1', 'chat.react', { seq: 99, emoji: '👍' }), 'p1', 'MESSAGE_NOT_FOUND');
    expectRefused(room, () => room.sendAs('p1', 'chat.reply', { replyTo: 99, text: 'yes' }), 'p1', 'MESSAGE_NOT_FOUND');
  });

  it('GAME_OVER: the machine is final once the game is over, so the room answers it', () => {
    const room = adminRoom(3, [{ voteType: 'FINALS' }]);
    room.admin('admin.endGame');
    expect(room.done).toBe(true);
    expect(() => room.sendAs('p1', 'chat.post', { text: 'hello' })).toThrow(/over/);
    covered.add('GAME_OVER');
  });

  it('covers every refusal code', () => {
    expect([...covered].sort()).toEqual(REFUSAL_CODES.map((r) => r.code).sort());
  });
});

describe('every player event is answered in every step', () => {
  const EVENTS: [string, Record<string, unknown>][] = [
    ['chat.post', { text: 'hello' }],
    ['dm.send', { to: 'p2', text: 'hi' }],
    ['silver.transfer', { to: 'p2', amount: 1 }],
    ['vote.cast', { target: 'p2' }],
    ['activity.pick', { target: 'p2' }],
  ];

  it('either accepts (state or effect changes) or refuses with exactly one room.refuse', () => {
    const room = adminRoom(4, [{ voteType: 'MAJORITY', activity: 'PLAYER_PICK' }, { voteType: 'FINALS' }]);
    let steps = 0;
    while (!room.done) {
      for (const [type, payload] of EVENTS) {
        for (const sender of ['p1', 'p4']) {
          const before = JSON.stringify(room.persisted());
          const effects = room.sendAs(sender, type, payload);
          const changed = JSON.stringify(room.persisted()) !== before;
          const refusals = effects.filter((e) => e.type === 'room.refuse');
          if (refusals.length > 0) {
            expect(refusals).toHaveLength(1);
            expect(changed).toBe(false);
          } else {
            expect(changed || effects.length > 0, `${type} by ${sender} at step ${steps} was silently ignored`).toBe(true);
          }
        }
      }
      room.admin('admin.advance');
      steps++;
    }
    expect(steps).toBe(1 + 5 + 4);
  });
});

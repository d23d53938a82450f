/**
 * CONFESSIONS, WHISPERS and NUDGES through the real host in a simulated room: open from morning to
 * night, what each player's view says, and that nothing links a confession to its author or tells a
 * third player about a whisper's text or a nudge.
 */
import { describe, expect, it } from 'vitest';
import { replayHistory } from '../../../engine/replay';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { makeRoster } from '../testing/fixtures';
import { playGame } from '../testing/play';
import { advanceTo } from '../testing/stepping';
import { defaultManifest } from './lobby';
import { CONFESSIONS_CHANNEL } from './cartridges/confessions/rule';
import { peckingOrderV2 } from './index';
import type { DaySpec } from './manifest';

const SOCIAL = ['CONFESSIONS', 'WHISPERS', 'NUDGES'] as const;

function adminRoom(
  days: DaySpec[] = [
    { voteType: 'MAJORITY', cartridges: [...SOCIAL] },
    { voteType: 'MAJORITY', cartridges: [...SOCIAL] },
    { voteType: 'FINALS' },
  ],
) {
  return new SimulatedRoom({
    version: peckingOrderV2,
    init: { roster: makeRoster(4), manifest: { preset: 'TEST', scheduling: 'ADMIN', days } },
  });
}

const refusals = (effects: { type: string }[]) => effects.filter((e) => e.type === 'room.refuse');
const slot = (view: { cartridges: { slot: string }[] }, name: string) => view.cartridges.find((c) => c.slot === name) as any;

describe('pecking-order@2: the social cartridges', () => {
  it('open with the morning and close at night', () => {
    const room = adminRoom();
    expect(room.sendAs('p1', 'nudge.send', { to: 'p2' })).toEqual([expect.objectContaining({ code: 'CARTRIDGE_CLOSED' })]);
    advanceTo(room, 1, 'morning');
    expect(room.view('p1').cartridges.map((c: { slot: string; open: boolean }) => [c.slot, c.open])).toEqual([
      ['confessions', true],
      ['whispers', true],
      ['nudges', true],
    ]);
    advanceTo(room, 1, 'night');
    for (const [type, payload] of [
      ['confession.post', { text: 'late' }],
      ['whisper.send', { to: 'p2', text: 'late' }],
      ['nudge.send', { to: 'p2' }],
    ] as const) {
      expect(room.sendAs('p1', type, payload)).toEqual([expect.objectContaining({ code: 'CARTRIDGE_CLOSED' })]);
    }
    expect(slot(room.view('p1'), 'confessions')).toMatchObject({ open: false, count: 0 });
  });

  it('posts confessions under a handle of the day, which only its author’s view names', () => {
    const room = adminRoom();
    advanceTo(room, 1, 'morning');
    const [message] = room.sendAs('p1', 'confession.post', { text: 'I lied about my silver.' });
    expect(message).toMatchObject({ type: 'room.message', channel: CONFESSIONS_CHANNEL, members: null, kind: 'confession' });
    const handle = (message as { from: string }).from;
    expect(JSON.stringify(message)).not.toContain('p1');
    expect(slot(room.view('p1'), 'confessions')).toMatchObject({ myHandle: handle, left: 2, count: 1 });
    for (const other of ['p2', 'p3', 'p4']) {
      expect(slot(room.view(other), 'confessions')).toMatchObject({ myHandle: null, left: 3, count: 1 });
      expect(JSON.stringify(room.view(other))).not.toContain(handle);
    }
    // A client cannot choose its own tag: the schema drops it and the room sets it.
    const [forged] = room.sendAs('p2', 'confession.post', { text: 'forged', senderTag: 'simulated-tag:p1' });
    expect((forged as { from: string }).from).not.toBe(handle);
    // A new day, a new handle.
    advanceTo(room, 2, 'morning');
    const [next] = room.sendAs('p1', 'confession.post', { text: 'Day two.' });
    expect(slot(room.view('p1'), 'confessions').myHandle).toBe((next as { from: string }).from);
    // The history records each confession's tag: a replay gives the machine the same tags, and so the same handles.
    const history = room.history();
    expect(history.entries.filter((e) => e.input.type === 'player' && e.input.tag).length).toBe(3);
    const replay = replayHistory(peckingOrderV2, history);
    expect(replay.mismatches).toEqual([]);
    const replayed = replay.steps.flatMap((step) =>
      step.result.emitted.map((e) => e.effect).filter((e) => e.type === 'room.message' && e.kind === 'confession'),
    );
    expect(replayed.map((e) => (e as { from: string }).from)).toEqual([
      handle,
      (forged as { from: string }).from,
      (next as { from: string }).from,
    ]);
  });

  it('whispers to one player in the group chat, and nudges once per pair per day, privately', () => {
    const room = adminRoom();
    advanceTo(room, 1, 'morning');
    expect(room.sendAs('p1', 'whisper.send', { to: 'p2', text: 'vote p3' })).toEqual([
      { type: 'room.message', channel: 'group', members: null, from: 'p1', to: 'p2', text: 'vote p3', kind: 'whisper' },
    ]);
    const p3Before = JSON.stringify(room.view('p3'));
    expect(refusals(room.sendAs('p1', 'nudge.send', { to: 'p2' }))).toEqual([]);
    expect(room.sendAs('p1', 'nudge.send', { to: 'p2' })).toEqual([expect.objectContaining({ code: 'ALREADY_NUDGED' })]);
    expect(slot(room.view('p2'), 'nudges')).toMatchObject({ received: ['p1'], sent: [] });
    expect(slot(room.view('p1'), 'nudges')).toMatchObject({ received: [], sent: ['p2'] });
    // p3's view is as it was: a nudge between others changes nothing p3 can see.
    expect(JSON.stringify(room.view('p3'))).toBe(p3Before);
    // The nudge's push goes to p2 alone.
    const before = room.persisted();
    advanceTo(room, 2, 'morning');
    expect(refusals(room.sendAs('p1', 'nudge.send', { to: 'p2' }))).toEqual([]);
    expect(peckingOrderV2.notices!(before, room.persisted()).filter((n) => n.key.includes('nudge'))).toEqual([
      expect.objectContaining({ key: 'd2:nudge:p1:p2', to: ['p2'] }),
    ]);
  });
});

describe('bots play the social cartridges of the default plan', () => {
  it('confess, whisper and nudge over a whole game, never refused', () => {
    const init = { roster: makeRoster(6), manifest: { ...defaultManifest(6), preset: 'FAST' } };
    const room = new SimulatedRoom({ version: peckingOrderV2, init, room: { seed: 'social-bots' } });
    playGame(
      room,
      init.roster.map((p) => p.playerId),
    );
    const messages = room.emitted('room.message') as { kind?: string }[];
    expect(messages.some((m) => m.kind === 'confession')).toBe(true);
    expect(messages.some((m) => m.kind === 'whisper')).toBe(true);
    expect(room.emitted('room.refuse')).toEqual([]);
    expect(room.persisted().value).toBe('gameOver');
  });
});

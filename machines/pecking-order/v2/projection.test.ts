/** The projection keeps the cartridges' secrets: what one player answered changes nobody else's view until the close. */
import { describe, expect, it } from 'vitest';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { makeRoster } from '../testing/fixtures';
import { advanceTo } from '../testing/stepping';
import { peckingOrderV2 } from './index';
import type { DaySpec } from './manifest';
import { project } from './projection';

const gambitDay: DaySpec = { voteType: 'MAJORITY', cartridges: ['HOT_TAKE', 'SILVER_GAMBIT'] };
const spotlightDay: DaySpec = { voteType: 'MAJORITY', cartridges: ['WOULD_YOU_RATHER', 'SPOTLIGHT'] };
const finale: DaySpec = { voteType: 'FINALS' };

/** A game of five in day 1's social phase, with `day` as its day 1. */
function roomAt(day: DaySpec) {
  const room = new SimulatedRoom({
    version: peckingOrderV2,
    init: { roster: makeRoster(5), manifest: { preset: 'TEST', scheduling: 'ADMIN', days: [day, finale] } },
  });
  advanceTo(room, 1, 'social');
  return room;
}

const others = ['p2', 'p3', 'p4', 'p5'];

describe.each([
  [
    'a prompt answer',
    gambitDay,
    (r: SimulatedRoom) => r.sendAs('p1', 'prompt.answer', { option: 'A' }),
    (r: SimulatedRoom) => r.sendAs('p1', 'prompt.answer', { option: 'B' }),
  ],
  ['a gambit pledge', gambitDay, (r: SimulatedRoom) => r.sendAs('p1', 'dilemma.donate'), () => []],
  [
    'a spotlight name',
    spotlightDay,
    (r: SimulatedRoom) => r.sendAs('p1', 'dilemma.spotlight', { target: 'p2' }),
    (r: SimulatedRoom) => r.sendAs('p1', 'dilemma.spotlight', { target: 'p3' }),
  ],
] as const)('%s', (_what, day, one, other) => {
  const a = roomAt(day);
  const b = roomAt(day);
  // Everyone else acts the same in both games.
  for (const room of [a, b]) {
    room.sendAs('p2', 'prompt.answer', { option: 'B' });
    room.sendAs('p3', 'dilemma.donate');
    room.sendAs('p4', 'dilemma.spotlight', { target: 'p2' });
  }
  expect(one(a).filter((e) => e.type === 'room.refuse')).toEqual([]);
  expect(other(b).filter((e) => e.type === 'room.refuse')).toEqual([]);

  it('gives every other player the same view while it is open', () => {
    for (const id of others) expect(a.view(id), id).toEqual(b.view(id));
    expect(a.view('p1')).not.toEqual(b.view('p1'));
  });

  it('reveals the difference to everyone once it closed', () => {
    advanceTo(a, 1, 'voting');
    advanceTo(b, 1, 'voting');
    expect(a.view('p5').cartridges).not.toEqual(b.view('p5').cartridges);
  });
});

describe('the cartridges’ refusals', () => {
  it('refuse what the rule does not allow, each with its code, to the sender only', () => {
    const room = roomAt(spotlightDay);
    expect(room.sendAs('p1', 'dilemma.spotlight', { target: 'p1' })).toEqual([
      expect.objectContaining({ type: 'room.refuse', to: 'p1', code: 'INVALID_TARGET' }),
    ]);
    expect(room.sendAs('p1', 'dilemma.donate')).toEqual([expect.objectContaining({ code: 'CARTRIDGE_CLOSED' })]);
    room.admin('admin.eliminate', { playerId: 'p5' });
    expect(room.sendAs('p5', 'prompt.answer', { option: 'A' })).toEqual([expect.objectContaining({ code: 'NOT_ALIVE' })]);
    expect(room.sendAs('p1', 'dilemma.spotlight', { target: 'p5' })).toEqual([expect.objectContaining({ code: 'INVALID_TARGET' })]);
  });

  it('refuse a pledge without the stake', () => {
    const room = new SimulatedRoom({
      version: peckingOrderV2,
      init: { roster: makeRoster(3), manifest: { preset: 'TEST', scheduling: 'ADMIN', startingSilver: 5, days: [gambitDay, finale] } },
    });
    advanceTo(room, 1, 'social');
    expect(room.sendAs('p1', 'dilemma.donate')).toEqual([expect.objectContaining({ code: 'INSUFFICIENT_SILVER' })]);
  });

  it('refuse in pregame', () => {
    const room = new SimulatedRoom({
      version: peckingOrderV2,
      init: { roster: makeRoster(3), manifest: { preset: 'TEST', scheduling: 'ADMIN', days: [gambitDay, finale] } },
    });
    expect(room.sendAs('p1', 'prompt.answer', { option: 'A' })).toEqual([expect.objectContaining({ code: 'CARTRIDGE_CLOSED' })]);
  });
});

describe('the cast list', () => {
  it('keeps a member’s object, carried gold and all, exactly while their seat is the same object', () => {
    const roster = makeRoster(5).map((entry, i) => (i === 2 ? { ...entry, userId: 'u3', wallet: { gold: 7 } } : entry));
    const room = new SimulatedRoom({
      version: peckingOrderV2,
      init: { roster, manifest: { preset: 'TEST', scheduling: 'ADMIN', days: [gambitDay, finale] } },
    });
    const snapshot = room.persisted();
    const ids = roster.map((p) => p.playerId);
    const withCast = (cast: unknown) => ({ ...snapshot, context: { ...snapshot.context, cast } });
    const castOf = (s: unknown) => project({ snapshot: s, init: room.init, playerId: ids[0]!, timers: [] }).cast;
    const before = castOf(withCast(snapshot.context.cast));
    expect(before.map((m) => m.carriedGold)).toEqual([0, 0, 7, 0, 0]);
    const changed = ids[2]!;
    const after = castOf(withCast({ ...snapshot.context.cast, [changed]: { ...snapshot.context.cast[changed], silver: 99 } }));
    ids.forEach((id, i) => {
      if (id === changed) expect(after[i]).toEqual({ ...before[i], silver: 99 });
      else expect(after[i]).toBe(before[i]);
    });
  });
});

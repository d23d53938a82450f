/**
 * The PLAYER_PICK child on its own (picks, replacement, refusals, the decision at close), then as
 * the day hosts it: invoked as `activity` for the social phase, closed and stopped when voting opens.
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { RoomEffect } from '../../../machine-version';
import { MUTUAL_BONUS, PICK_REWARD } from '../../rules';
import { makeInit } from '../../testing/fixtures';
import { SimulatedRoom } from '../../../../engine/testing/simulated-room';
import { advanceTo } from '../../testing/stepping';
import { peckingOrderV1 } from '../index';
import type { DaySpec } from '../manifest';
import { pickBoxMachine } from './pick-box';
import type { PickContext } from './picks';

const PLAYERS = ['p1', 'p2', 'p3', 'p4', 'p5'];
/** p5 is out: still a player, no longer alive. */
const STANDING: PickContext = { players: PLAYERS, alive: ['p1', 'p2', 'p3', 'p4'] };

function pickBox() {
  const actor = createActor(pickBoxMachine, { input: { day: 2 } });
  const emitted: RoomEffect[] = [];
  actor.on('*', (effect) => emitted.push(effect as RoomEffect));
  actor.start();
  /** Sends a pick; returns what the child emitted for it. */
  const pick = (pickerId: string, target: string, pickContext: PickContext = STANDING) => {
    const before = emitted.length;
    actor.send({ type: 'activity.pick', pickerId, target, pickContext });
    return emitted.slice(before);
  };
  return { actor, emitted, pick };
}

describe('the PLAYER_PICK child', () => {
  it('starts picking, with no picks and no result', () => {
    const { actor } = pickBox();
    expect(actor.getSnapshot().value).toBe('picking');
    expect(actor.getSnapshot().context).toEqual({ day: 2, picks: {}, result: null });
  });

  it('keeps each player’s latest pick, silently', () => {
    const { actor, pick } = pickBox();
    expect(pick('p1', 'p2')).toEqual([]);
    expect(pick('p3', 'p1')).toEqual([]);
    expect(pick('p1', 'p4')).toEqual([]);
    expect(actor.getSnapshot().context.picks).toEqual({ p1: 'p4', p3: 'p1' });
  });

  it.each([
    ['an eliminated picker', 'p5', 'p1', 'NOT_ALIVE'],
    ['an unknown picker', 'zz', 'p1', 'NOT_ALIVE'],
    ['an unknown target', 'p1', 'nobody', 'INVALID_TARGET'],
    ['an eliminated target', 'p1', 'p5', 'INVALID_TARGET'],
    ['oneself', 'p1', 'p1', 'INVALID_TARGET'],
  ])('refuses %s with one room.refuse and keeps the picks as they were', (_, pickerId, target, code) => {
    const { actor, pick } = pickBox();
    pick('p1', 'p2');
    const before = actor.getPersistedSnapshot();
    expect(pick(pickerId, target)).toEqual([{ type: 'room.refuse', to: pickerId, code, message: expect.stringMatching(/\w+/) }]);
    expect(actor.getPersistedSnapshot()).toEqual(before);
  });

  it('checks against the standing each pick arrives with', () => {
    const { pick } = pickBox();
    expect(pick('p5', 'p1', { players: PLAYERS, alive: PLAYERS })).toEqual([]);
    expect(pick('p1', 'p5')).toMatchObject([{ code: 'INVALID_TARGET' }]);
  });

  it('decides at close, pays every pick and the mutual bonus, and outputs picks and result', () => {
    const { actor, pick } = pickBox();
    pick('p1', 'p2');
    pick('p2', 'p1');
    pick('p3', 'p1');
    actor.send({ type: 'activity.close', pickContext: STANDING });
    const snapshot = actor.getSnapshot();
    expect(snapshot.status).toBe('done');
    expect(snapshot.value).toBe('decided');
    const result = {
      rewards: { p1: PICK_REWARD + MUTUAL_BONUS, p2: PICK_REWARD + MUTUAL_BONUS, p3: PICK_REWARD },
      mutualPairs: [['p1', 'p2']],
    };
    expect(snapshot.context.result).toEqual(result);
    expect(snapshot.output).toEqual({ picks: { p1: 'p2', p2: 'p1', p3: 'p1' }, result });
  });

  it('decides with the standing at close: picks by or of a player put out since earn nothing', () => {
    const { actor, pick } = pickBox();
    pick('p1', 'p2');
    pick('p2', 'p1');
    pick('p3', 'p4');
    actor.send({ type: 'activity.close', pickContext: { players: PLAYERS, alive: ['p2', 'p3', 'p4'] } });
    expect(actor.getSnapshot().output!.result).toEqual({ rewards: { p3: PICK_REWARD }, mutualPairs: [] });
  });

  it('decides an empty payout when nobody picked', () => {
    const { actor } = pickBox();
    actor.send({ type: 'activity.close', pickContext: STANDING });
    expect(actor.getSnapshot().output).toEqual({ picks: {}, result: { rewards: {}, mutualPairs: [] } });
  });

  it('restores from its persisted snapshot and decides the same', () => {
    const { actor, pick } = pickBox();
    pick('p1', 'p2');
    pick('p2', 'p1');
    const restored = createActor(pickBoxMachine, {
      snapshot: JSON.parse(JSON.stringify(actor.getPersistedSnapshot())),
      input: undefined as never,
    });
    restored.start();
    for (const box of [actor, restored]) {
      box.send({ type: 'activity.pick', pickerId: 'p4', target: 'p3', pickContext: STANDING });
      box.send({ type: 'activity.close', pickContext: STANDING });
    }
    expect(restored.getSnapshot().output).toEqual(actor.getSnapshot().output);
  });
});

describe('the PLAYER_PICK child inside the day', () => {
  const days: DaySpec[] = [{ voteType: 'MAJORITY', activity: 'PLAYER_PICK' }, { voteType: 'MAJORITY' }, { voteType: 'FINALS' }];

  it('is invoked as `activity` (src `playerPick`) for the social phase only, and holds the picks', () => {
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(4, { scheduling: 'ADMIN', days }) });
    advanceTo(room, 1, 'morning');
    expect(room.persisted().children.activity).toBeUndefined();
    advanceTo(room, 1, 'social');
    expect(room.persisted().children.activity).toMatchObject({ src: 'playerPick', snapshot: { status: 'active', value: 'picking' } });
    expect(room.sendAs('p1', 'activity.pick', { target: 'p2' })).toEqual([]);
    expect(room.persisted().children.activity.snapshot.context.picks).toEqual({ p1: 'p2' });
    // The day itself holds no pick before the reveal.
    expect(room.persisted().context.today).toMatchObject({ picks: null, pickResult: null });
  });

  it('refuses through the child, from `root/activity`', () => {
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(4, { scheduling: 'ADMIN', days }) });
    advanceTo(room, 1, 'social');
    expect(room.sendAs('p1', 'activity.pick', { target: 'p1' })).toMatchObject([{ type: 'room.refuse', to: 'p1', code: 'INVALID_TARGET' }]);
    expect(room.effects.at(-1)!.actorPath).toBe('root/activity');
  });

  it('is closed when voting opens: the day credits the payout, journals it, keeps the result, and the child is gone', () => {
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(4, { scheduling: 'ADMIN', days }) });
    advanceTo(room, 1, 'social');
    room.sendAs('p1', 'activity.pick', { target: 'p3' });
    room.sendAs('p3', 'activity.pick', { target: 'p1' });
    room.sendAs('p2', 'activity.pick', { target: 'p1' });
    advanceTo(room, 1, 'voting');
    const snapshot = room.persisted();
    expect(snapshot.children.activity).toBeUndefined();
    const result = { rewards: { p1: 15, p2: 5, p3: 15 }, mutualPairs: [['p1', 'p3']] };
    expect(snapshot.context.today).toMatchObject({ picks: { p1: 'p3', p3: 'p1', p2: 'p1' }, pickResult: result });
    expect(Object.values(snapshot.context.cast).map((seat: any) => seat.silver)).toEqual([65, 55, 65, 50]);
    expect(room.emitted('room.journal').filter((fact) => fact.kind === 'activity.revealed')).toEqual([
      { type: 'room.journal', kind: 'activity.revealed', data: { day: 1, picks: { p1: 'p3', p3: 'p1', p2: 'p1' }, ...result } },
    ]);
  });

  it('is not invoked on a day without the activity', () => {
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(4, { scheduling: 'ADMIN', days }) });
    advanceTo(room, 2, 'social');
    expect(room.persisted().children.activity).toBeUndefined();
    expect(room.persisted().context.today).toMatchObject({ picks: null, pickResult: null });
  });
});

/**
 * What the room relies on when it stores and restores the actor: a small snapshot without message
 * text, children that restore by their `src` key, and stable timer ids.
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { makeInit } from '../testing/fixtures';
import { playGame } from '../testing/play';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { advanceTo } from '../testing/stepping';
import { defaultDayPlan } from './day-plan';
import { gameMachine, peckingOrderV1 } from './index';

const LIMIT = 64 * 1024;

describe('the persisted snapshot', () => {
  it('stays under 64 KB through a 20-player, 19-day game of heavy chat, and never holds a message', () => {
    const init = makeInit(20, { preset: 'TEST', days: defaultDayPlan(20, 19) });
    expect(init.manifest.days).toHaveLength(19);
    const room = new SimulatedRoom({ version: peckingOrderV1, init });
    const ids = room.init.roster.map((p: { playerId: string }) => p.playerId);
    let largest = 0;
    const snapshots: string[] = [];
    playGame(room, ids, {
      movesPerPhase: 6,
      temper: { chat: 0.45, dm: 0.45, transfer: 0.05 },
      onStep: ({ after }) => {
        const json = JSON.stringify(after);
        largest = Math.max(largest, json.length);
        if (snapshots.length % 50 === 0) snapshots.push(json);
      },
    });
    const messages = room.emitted('room.message');
    expect(messages.length).toBeGreaterThan(3_000);
    expect(largest).toBeLessThan(LIMIT);
    snapshots.push(JSON.stringify(room.persisted()));
    // Every bot message carries a unique tag; none may appear in any stored snapshot.
    const tags = messages.map((m) => m.text.split('#')[1]!).filter(Boolean);
    for (const json of snapshots) for (const tag of tags.slice(0, 500)) expect(json).not.toContain(`#${tag}`);
  }, 30_000);
});

describe('restoring', () => {
  it.each([
    [8, 'FAST'],
    [5, 'TEST'],
    [6, 'DEFAULT'],
  ] as const)(
    'a %i-player %s game restored from its stored state after every step plays exactly like one never restored',
    (players, preset) => {
      const days = defaultDayPlan(players).map((day, i) => (i === 0 ? { ...day, activity: 'PLAYER_PICK' as const } : day));
      const init = makeInit(players, { preset, days });
      const ids = init.roster.map((p) => p.playerId);
      const plain = new SimulatedRoom({ version: peckingOrderV1, init, room: { seed: `replay-${preset}` } });
      const restored = new SimulatedRoom({ version: peckingOrderV1, init, room: { seed: `replay-${preset}` }, restoreEveryStep: true });
      playGame(plain, ids, { botSeed: 'replay' });
      playGame(restored, ids, { botSeed: 'replay' });
      expect(plain.done).toBe(true);
      expect(restored.results.length).toBe(plain.results.length);
      restored.results.forEach((result, i) => {
        const original = plain.results[i]!;
        expect(result.state, `step ${i}: stored state`).toEqual(original.state);
        expect(result.emitted, `step ${i}: effects`).toEqual(original.emitted);
        // The same players see the same new views (a restored host sends them whole, not as patches).
        const seen = (r: typeof result) => [...r.views].map(([id, change]) => [id, change.view]);
        expect(seen(result), `step ${i}: views sent`).toEqual(seen(original));
      });
    },
    60_000,
  );

  it('a game restored mid-vote (with its vote child) plays on exactly like the original', () => {
    const days = [{ voteType: 'TRUST_PAIRS' as const }, { voteType: 'MAJORITY' as const }, { voteType: 'FINALS' as const }];
    const init = makeInit(6, { scheduling: 'ADMIN', days });
    const original = new SimulatedRoom({ version: peckingOrderV1, init });
    advanceTo(original, 1, 'voting');
    original.sendAs('p1', 'vote.cast', { trust: 'p2', target: 'p5' });
    original.sendAs('p2', 'vote.cast', { trust: 'p1' });

    const stored = original.persisted();
    expect(stored.children.vote).toMatchObject({ src: 'vote' });
    const restored = new SimulatedRoom({ version: peckingOrderV1, init, restoreFrom: original.stored() });
    expect(restored.persisted()).toEqual(stored);

    for (const room of [original, restored]) {
      room.sendAs('p2', 'vote.cast', { target: 'p5' });
      room.sendAs('p3', 'vote.cast', { target: 'p6' });
      advanceTo(room, 2, 'morning');
    }
    expect(restored.persisted()).toEqual(original.persisted());
    expect(restored.persisted().context.eliminated).toEqual(['p5']);
  });

  it('a game restored mid-activity (with its activity child) plays on exactly like the original', () => {
    const days = [
      { voteType: 'MAJORITY' as const, activity: 'PLAYER_PICK' as const },
      { voteType: 'MAJORITY' as const },
      { voteType: 'FINALS' as const },
    ];
    const init = makeInit(5, { scheduling: 'ADMIN', days });
    const original = new SimulatedRoom({ version: peckingOrderV1, init });
    advanceTo(original, 1, 'social');
    original.sendAs('p1', 'activity.pick', { target: 'p2' });
    original.sendAs('p3', 'activity.pick', { target: 'p4' });

    const stored = original.persisted();
    expect(stored.children.activity).toMatchObject({ src: 'playerPick', snapshot: { context: { picks: { p1: 'p2', p3: 'p4' } } } });
    const restored = new SimulatedRoom({ version: peckingOrderV1, init, restoreFrom: original.stored() });
    expect(restored.persisted()).toEqual(stored);

    for (const room of [original, restored]) {
      room.sendAs('p2', 'activity.pick', { target: 'p1' });
      // A replaced pick, and a refused one: the restored child checks and replaces the same way.
      room.sendAs('p3', 'activity.pick', { target: 'p5' });
      expect(room.sendAs('p4', 'activity.pick', { target: 'p4' })).toMatchObject([{ code: 'INVALID_TARGET' }]);
      advanceTo(room, 1, 'voting');
    }
    expect(restored.persisted()).toEqual(original.persisted());
    expect(restored.persisted().children.activity).toBeUndefined();
    expect(restored.persisted().context.today).toMatchObject({
      picks: { p1: 'p2', p3: 'p5', p2: 'p1' },
      pickResult: { rewards: { p1: 15, p2: 15, p3: 5 }, mutualPairs: [['p1', 'p2']] },
    });
    const journal = (room: SimulatedRoom) => room.emitted('room.journal').filter((fact) => fact.kind === 'activity.revealed');
    expect(journal(restored)).toEqual(journal(original));
  });

  it('restores at every step of a whole game to the same snapshot (no state the snapshot does not hold)', () => {
    const init = makeInit(5, { scheduling: 'ADMIN', days: defaultDayPlan(5) });
    const room = new SimulatedRoom({ version: peckingOrderV1, init });
    let restores = 0;
    playGame(room, ['p1', 'p2', 'p3', 'p4', 'p5'], {
      onStep: ({ after }) => {
        if (after.status !== 'active') return;
        const actor = createActor(gameMachine, { snapshot: after, input: undefined as never });
        actor.start();
        expect(JSON.parse(JSON.stringify(actor.getPersistedSnapshot()))).toEqual(after);
        actor.stop();
        restores++;
      },
    });
    expect(restores).toBeGreaterThan(50);
  });

  it('names timers by actor path and a stable id, the same in every room', () => {
    const a = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(4, { preset: 'FAST' }), room: { seed: 'a' } });
    const b = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(4, { preset: 'FAST' }), room: { seed: 'b' } });
    a.advance();
    b.advance();
    expect(a.timers().map(({ actorPath, timerId }) => ({ actorPath, timerId }))).toEqual([
      { actorPath: 'root', timerId: 'xstate.after.morningEnds.game.day.phase.morning.scheduled' },
    ]);
    expect(b.timers().map((t) => t.timerId)).toEqual(a.timers().map((t) => t.timerId));
  });
});

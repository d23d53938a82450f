/**
 * pecking-order@2 in real rooms (workerd): a game with cartridges to a winner, an @1 room pinned
 * to @1 beside it, and a live @1 room upgraded to @2 mid-game over the admin route.
 */
import { env, runDurableObjectAlarm } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { makeInit, makeRoster } from '../machines/pecking-order/testing/fixtures';
import type { PlayerView } from '../machines/pecking-order/v2/projection';
import { GameDriver } from './test/game-driver';
import { call, initRoom, play, stub } from './test/helpers';

const v2Init = () => ({
  roster: makeRoster(4),
  manifest: {
    preset: 'TEST',
    scheduling: 'PRE_SCHEDULED',
    days: [
      { voteType: 'MAJORITY', cartridges: ['WOULD_YOU_RATHER', 'SILVER_GAMBIT'] },
      { voteType: 'MAJORITY', cartridges: ['HOT_TAKE', 'SPOTLIGHT'] },
      { voteType: 'FINALS' },
    ],
  },
});

async function playToEnd(driver: GameDriver, onPhase?: (view: PlayerView) => void): Promise<void> {
  for (let phases = 0; !driver.over; phases++) {
    expect(phases, 'the game should end').toBeLessThan(100);
    await driver.playRound(2);
    onPhase?.(driver.seats[0]!.view as PlayerView);
    expect(await driver.nextTimer()).toBe(true);
  }
}

describe('pecking-order@2 in a real room', () => {
  it('plays a game with a prompt and a dilemma each day to a winner; the cartridges close with results for all', async () => {
    const room = 'po2-game';
    await initRoom(room, { machine: 'pecking-order@2', ...v2Init() });
    const driver = new GameDriver(room);
    await driver.seat(['p1', 'p2', 'p3', 'p4']);
    const seen: string[] = [];
    await playToEnd(driver, (view) => {
      for (const c of view.cartridges)
        seen.push(`${view.day}:${view.phase}:${c.name}:${c.open ? 'open' : c.results ? 'results' : 'waiting'}`);
    });
    driver.close();
    expect(driver.refusals).toEqual([]);
    expect(seen).toEqual(
      expect.arrayContaining([
        '1:social:WOULD_YOU_RATHER:open',
        '1:social:SILVER_GAMBIT:open',
        '1:voting:WOULD_YOU_RATHER:results',
        '1:voting:SILVER_GAMBIT:results',
        '2:social:SPOTLIGHT:open',
        '2:voting:HOT_TAKE:results',
      ]),
    );
    const views = driver.seats.map((s) => s.view as PlayerView);
    expect(views[0]!.winner).toEqual(expect.any(String));
    expect((await call(room, 'status')).json).toMatchObject({ status: 'finished', machine: 'pecking-order@2' });

    await runDurableObjectAlarm(stub(room));
    const facts = await env.DB.prepare("SELECT data FROM journal WHERE room_id = ? AND kind = 'cartridge.revealed' ORDER BY seq")
      .bind(room)
      .all<{ data: string }>();
    expect(facts.results.map((f) => JSON.parse(f.data).name)).toEqual(['WOULD_YOU_RATHER', 'SILVER_GAMBIT', 'HOT_TAKE', 'SPOTLIGHT']);
  });

  it('keeps a room created as pecking-order@1 on @1, even with a plan naming cartridges: @1 knows none', async () => {
    const room = 'po1-pinned';
    await initRoom(room, { machine: 'pecking-order@1', ...v2Init() });
    expect((await call(room, 'status')).json).toMatchObject({ machine: 'pecking-order@1', createdWith: 'pecking-order@1' });
    const driver = new GameDriver(room);
    await driver.seat(['p1', 'p2', 'p3', 'p4']);
    while ((driver.seats[0]!.view as PlayerView).phase !== 'social') expect(await driver.nextTimer()).toBe(true);
    const view = driver.seats[0]!.view as unknown as Record<string, unknown>;
    expect(view.day).toBe(1);
    expect('cartridges' in view).toBe(false);
    driver.close();
    expect(await play(room, 'p1', { type: 'prompt.answer', option: 'A' })).toMatchObject({ type: 'error', code: 'INVALID_EVENT' });
  });

  it('upgrades a live @1 room to @2 mid-game over the admin route, and the game plays on to a winner', async () => {
    const room = 'po1-upgraded';
    const init = makeInit(4, { preset: 'TEST' });
    await initRoom(room, { machine: 'pecking-order@1', ...init });
    const driver = new GameDriver(room);
    await driver.seat(['p1', 'p2', 'p3', 'p4']);
    // Into day 1's social phase: a live game with timers, an activity open.
    while ((driver.seats[0]!.view as PlayerView).phase !== 'social') {
      await driver.playRound(1);
      expect(await driver.nextTimer()).toBe(true);
    }
    await driver.playRound(1);
    const before = (await call(room, 'status')).json;

    const upgraded = await call(room, 'upgrade', { body: { to: 'pecking-order@2' } });
    expect(upgraded.status, JSON.stringify(upgraded.json)).toBe(200);
    expect(upgraded.json).toMatchObject({ from: 'pecking-order@1', to: 'pecking-order@2', status: 'running' });
    const after = (await call(room, 'status')).json;
    expect(after).toMatchObject({ machine: 'pecking-order@2', createdWith: 'pecking-order@1' });
    expect(after.timers.map((t: { dueAt: number }) => t.dueAt)).toEqual(before.timers.map((t: { dueAt: number }) => t.dueAt));

    await driver.settle();
    expect((driver.seats[0]!.view as PlayerView).cartridges).toEqual([]);
    await playToEnd(driver);
    driver.close();
    expect(driver.refusals).toEqual([]);
    expect((driver.seats[0]!.view as PlayerView).winner).toEqual(expect.any(String));
    expect((await call(room, 'status')).json).toMatchObject({ status: 'finished', machine: 'pecking-order@2' });
  });
});

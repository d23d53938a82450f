import { env, evictDurableObject, runDurableObjectAlarm } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { makeInit } from '../machines/pecking-order/testing/fixtures';
import { GameDriver } from './test/game-driver';
import { JOURNAL_FLUSH_DELAY_MS } from './journal/outbox';
import { advance, call, initRoom, stub } from './test/helpers';

describe('pecking-order@1 in a real room', () => {
  it('plays a TEST-preset game from the init handoff to a winner on durable timers, surviving eviction mid-day', async () => {
    const room = 'po-game-1';
    const init = makeInit(5, { preset: 'TEST' });
    await initRoom(room, { machine: 'pecking-order@1', ...init });
    const driver = new GameDriver(room);
    await driver.seat(init.roster.map((p) => p.playerId));

    let evicted = false;
    const eliminatedPerDay = new Map<number, number>();
    for (let phases = 0; !driver.over; phases++) {
      expect(phases, 'the game should end').toBeLessThan(100);
      await driver.playRound(2);
      const view = driver.seats[0]!.view!;
      if (!evicted && view.day === 2 && view.phase === 'social') {
        // Evict mid-day: memory gone, sockets hibernated; timers and state must come back intact.
        const before = (await call(room, 'status')).json;
        await evictDurableObject(stub(room));
        const after = (await call(room, 'status')).json;
        expect(after.value).toEqual(before.value);
        expect(after.timers).toEqual(before.timers);
        expect(after.seq).toBe(before.seq);
        evicted = true;
      }
      const aliveBefore = view.cast.filter((c) => c.alive).length;
      const dayBefore = view.day;
      expect(await driver.nextTimer(), 'a PRE_SCHEDULED game always has a next timer until it ends').toBe(true);
      const next = driver.seats[0]!.view!;
      const out = aliveBefore - next.cast.filter((c) => c.alive).length;
      if (out > 0) eliminatedPerDay.set(dayBefore, (eliminatedPerDay.get(dayBefore) ?? 0) + out);
    }
    driver.close();

    expect(evicted).toBe(true);
    expect(driver.refusals).toEqual([]);
    expect(driver.moves).toBeGreaterThan(30);
    const days = init.manifest.days.length;
    expect([...eliminatedPerDay.entries()].sort()).toEqual(Array.from({ length: days - 1 }, (_, i) => [i + 1, 1]));

    const views = driver.seats.map((s) => s.view!);
    const winner = views[0]!.winner;
    expect(winner).toEqual(expect.any(String));
    for (const view of views) expect(view.winner).toBe(winner);
    const winnerView = views.find((v) => v.playerId === winner)!;
    expect(winnerView.me.gold).toBe(10 * (days - 1));
    expect((await call(room, 'status')).json.status).toBe('finished');

    // The journal reached D1 with the winner (once its batch had waited).
    await advance(room, JOURNAL_FLUSH_DELAY_MS);
    await runDurableObjectAlarm(stub(room));
    const facts = await env.DB.prepare('SELECT kind, data FROM journal WHERE room_id = ? ORDER BY seq')
      .bind(room)
      .all<{ kind: string; data: string }>();
    const kinds = facts.results.map((f) => f.kind);
    expect(kinds[0]).toBe('room.created');
    expect(kinds.filter((k) => k === 'player.eliminated')).toHaveLength(days - 1);
    expect(facts.results.some((f) => f.kind === 'game.over' && JSON.parse(f.data).winner === winner)).toBe(true);
  });

  it('keeps the envelope under 64 KB for a 20-player game at every point, whatever the chat volume', async () => {
    const room = 'po-game-20';
    const init = makeInit(20, { preset: 'FAST' });
    await initRoom(room, { machine: 'pecking-order@1', ...init });
    const driver = new GameDriver(room);
    await driver.seat(init.roster.map((p) => p.playerId));
    let largest = 0;
    let messages = 0;
    for (let phases = 0; !driver.over; phases++) {
      expect(phases).toBeLessThan(200);
      await driver.playRound(2, { chat: 0.5, dm: 0.45, transfer: 0.05 });
      largest = Math.max(largest, (await call(room, 'status')).json.envelopeBytes);
      await driver.nextTimer();
    }
    for (const seat of driver.seats)
      messages = Math.max(
        messages,
        seat.socket.received.filter((f) => f.type === 'messages').reduce((n, f) => n + f.messages.length, 0),
      );
    driver.close();
    expect(messages).toBeGreaterThan(300);
    expect(largest).toBeGreaterThan(1_000);
    expect(largest).toBeLessThan(64 * 1024);
    console.log(`20 players: largest envelope ${largest} bytes after ${driver.moves} moves (${messages} messages seen by one player)`);
  }, 120_000);

  it('delivers refusals the vote child actor emits, and changes nothing', async () => {
    const room = 'po-game-refusal';
    const init = makeInit(5, { preset: 'TEST' });
    await initRoom(room, { machine: 'pecking-order@1', ...init });
    const driver = new GameDriver(room);
    await driver.seat(init.roster.map((p) => p.playerId));
    while (!driver.seats[0]!.view!.vote?.open) expect(await driver.nextTimer()).toBe(true);
    const seat = driver.seats[0]!;
    const before = (await call(room, 'status')).json.seq;
    seat.socket.send({ type: 'send', ref: 'bad-ballot', event: { type: 'vote.cast', target: 'nobody' } });
    const answer = await seat.socket.next((f) => f.ref === 'bad-ballot');
    expect(answer).toMatchObject({ type: 'error', code: 'INVALID_TARGET' });
    expect((await call(room, 'status')).json.seq).toBe(before);
    expect(seat.view!.vote!.myBallot).toBeNull();
    driver.close();
  });
});

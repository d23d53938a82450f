/**
 * blitz@1 through the real Worker, which was not changed to host it (machines/catalog-only.test.ts):
 * the lobby API creates the game, players play on real sockets (the shared bots decide from the
 * views the room sends), the room's durable timers fire through its alarm, the host's dashboard
 * says rounds, and the jury crowns a winner.
 */
import { env, evictDurableObject, runDurableObjectAlarm } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { GameDriver } from './test/game-driver';
import { ORIGIN, SECRET, call, stub } from './test/helpers';

const create = (body: unknown) =>
  (exports as any).default.fetch(`${ORIGIN}/api/games`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${SECRET}` },
    body: JSON.stringify(body),
  }) as Promise<Response>;

const cast = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Player ${i + 1}` }));

describe('blitz@1 in a real room', () => {
  it('is created by the lobby API and played to a winner on durable timers, surviving eviction', async () => {
    const response = await create({ machine: 'blitz@1', cast: cast(6), manifest: { preset: 'STANDARD', scheduling: 'PRE_SCHEDULED' } });
    expect(response.status).toBe(201);
    const game = (await response.json()) as any;
    expect(game.machine).toBe('blitz@1');
    const room = game.roomId as string;
    const status = (await call(room, 'status')).json;
    expect(status).toMatchObject({ status: 'running', machine: 'blitz@1', host: { dayWord: 'Round', stage: 'Before round 1' } });
    // Round 1 starts two minutes after creation.
    expect(game.startsAt - Date.now()).toBeGreaterThan(110_000);
    expect(game.startsAt - Date.now()).toBeLessThanOrEqual(120_000);

    const driver = new GameDriver(room);
    await driver.seat(game.players.map((p: any) => p.playerId));
    const stages = new Set<string>();
    let evicted = false;
    let ballots = 0;
    for (let steps = 0; !driver.over; steps++) {
      expect(steps, 'the game should end').toBeLessThan(60);
      await driver.playRound(2);
      const view = driver.seats[0]!.view!;
      if (view.vote?.open) ballots += view.vote.voted.length;
      stages.add((await call(room, 'status')).json.host.stage);
      if (!evicted && view.day === 2 && view.phase === 'voting') {
        const before = (await call(room, 'status')).json;
        await evictDurableObject(stub(room));
        const after = (await call(room, 'status')).json;
        expect(after.value).toEqual(before.value);
        expect(after.timers).toEqual(before.timers);
        evicted = true;
      }
      expect(await driver.nextTimer(), 'a PRE_SCHEDULED game has a next timer until it ends').toBe(true);
    }
    driver.close();

    expect(evicted).toBe(true);
    expect(ballots).toBeGreaterThan(0);
    expect(driver.refusals).toEqual([]);
    expect([...stages]).toEqual(
      expect.arrayContaining(['Before round 1', 'Round 1 · Social', 'Round 1 · Voting', 'Round 4 · Results', 'Final · Voting']),
    );
    const views = driver.seats.map((s) => s.view!);
    const winner = views[0]!.winner!;
    expect(winner).toEqual(expect.any(String));
    for (const view of views) expect(view).toMatchObject({ winner, dayWord: 'Round', phase: 'gameOver' });
    expect(views.find((v) => v.playerId === winner)!.me.gold).toBe(40);
    const finished = (await call(room, 'status')).json;
    expect(finished).toMatchObject({ status: 'finished', host: { stage: 'Game over', winner } });

    await runDurableObjectAlarm(stub(room));
    const facts = await env.DB.prepare('SELECT kind, data FROM journal WHERE room_id = ? ORDER BY seq')
      .bind(room)
      .all<{ kind: string; data: string }>();
    const kinds = facts.results.map((f) => f.kind);
    expect(kinds.filter((k) => k === 'player.eliminated')).toHaveLength(4);
    expect(facts.results.some((f) => f.kind === 'game.over' && JSON.parse(f.data).winner === winner)).toBe(true);
    // A whole game of sockets takes about 5 s on a quiet machine; the default timeout is that.
  }, 60_000);

  it('answers a blitz manifest that does not fit the cast with the reasons, by the host’s fields', async () => {
    const response = await create({ machine: 'blitz@1', cast: cast(4), manifest: { preset: 'MARATHON', scheduling: 'ADMIN' } });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as any;
    expect(error.code).toBe('INVALID_INIT');
    expect(error.issues).toEqual([{ path: 'cast', message: 'Blitz is played by 5–12 players; this cast has 4.' }]);
    const tooBig = await create({ machine: 'blitz@1', cast: cast(6), manifest: { preset: 'MARATHON', scheduling: 'ADMIN' } });
    expect(((await tooBig.json()) as any).error.issues).toEqual([
      { path: 'manifest.preset', message: 'MARATHON is for 8–12 players; this cast has 6. Choose SPRINT or STANDARD.' },
    ]);
  });
});

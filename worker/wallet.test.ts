import { env, evictDurableObject } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createGame } from './lobby';
import { testRegistry } from './test/entry';
import { ORIGIN, SECRET, TestSocket, advance, call, inRoom, initRoom, play, stub } from './test/helpers';

/** A prize-pot@1 game (engine/testing/fixtures/prize-pot.ts) whose players carry the given user ids. */
const potInit = (users: (string | undefined)[], pot = 50) => ({
  machine: 'prize-pot@1',
  roster: users.map((userId, i) => ({ playerId: `p${i + 1}`, name: `Player ${i + 1}`, ...(userId ? { userId } : {}) })),
  manifest: { pot },
});

const walletOf = async (userId: string) =>
  (await env.DB.prepare('SELECT gold FROM wallets WHERE user_id = ?').bind(userId).first<{ gold: number }>())?.gold ?? null;

const creditsOf = async (userId: string) =>
  (
    await env.DB.prepare('SELECT room_id, gold, applied FROM wallet_credits WHERE user_id = ? ORDER BY room_id')
      .bind(userId)
      .all<{ room_id: string; gold: number; applied: number }>()
  ).results;

const crown = (room: string, playerId: string) => call(room, 'admin', { body: { type: 'admin.crown', playerId } });

const creditTask = (room: string) =>
  inRoom(room, (_s, state) =>
    state.storage.sql.exec<{ attempts: number; time: number }>("SELECT attempts, time FROM tasks WHERE kind = 'wallet-credit'").toArray(),
  );

/** Renaming the table the credit writes makes every D1 credit fail for real, as an outage would. */
const d1Down = () => env.DB.exec('ALTER TABLE wallet_credits RENAME TO wallet_credits_away');
const d1Up = () => env.DB.exec('ALTER TABLE wallet_credits_away RENAME TO wallet_credits');

const lobbyRequest = (path: string, init: RequestInit = {}, auth: string | null = SECRET) =>
  new Request(`${ORIGIN}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: `Bearer ${auth}` } : {}) },
  });

const lookUp = async (userId: string, auth: string | null = SECRET) => {
  const response = await (exports as any).default.fetch(lobbyRequest(`/api/wallets/${userId}`, {}, auth));
  return { status: response.status as number, json: (await response.json()) as any };
};

const createPot = async (cast: { name: string; userId?: string }[], machine = 'prize-pot@1') => {
  const response = await createGame(
    lobbyRequest('/api/games', { method: 'POST', body: JSON.stringify({ machine, cast, manifest: { pot: 40 } }) }),
    env as Env,
    testRegistry,
  );
  return { status: response.status, json: (await response.json()) as any };
};

describe('wallets: gold that follows a player', () => {
  it("credits the winner's gold to their wallet once, in one D1 batch, however often the credit is sent", async () => {
    await initRoom('wallet-1', potInit(['ana', 'ben', undefined]));
    expect((await play('wallet-1', 'p1', { type: 'pot.grow' })).type).toBe('ack');
    // Nothing is paid before the game is over.
    expect((await call('wallet-1', 'status')).json.walletPending).toBe(0);
    expect(await creditTask('wallet-1')).toEqual([]);

    expect((await crown('wallet-1', 'p1')).status).toBe(200);
    // Enqueued in the crowning step's transaction, with its task due now.
    expect((await call('wallet-1', 'status')).json.walletPending).toBe(1);
    expect(await creditTask('wallet-1')).toHaveLength(1);
    await inRoom('wallet-1', (server) => server.alarm());
    expect(await walletOf('ana')).toBe(60);
    expect(await walletOf('ben')).toBeNull();
    expect(await creditsOf('ana')).toEqual([{ room_id: 'wallet-1', gold: 60, applied: 1 }]);
    expect((await call('wallet-1', 'status')).json.walletPending).toBe(0);

    // The same credit sent again (a retried alarm after D1 answered but the room did not hear it):
    // the credit's key (room, user) lets it in once, and the wallet moves only for that once.
    await inRoom('wallet-1', async (server, state) => {
      state.storage.sql.exec('UPDATE wallet_outbox SET sent_at = NULL');
      await server.room.creditWallets(server.walletSink);
      await server.room.creditWallets(server.walletSink);
    });
    expect(await walletOf('ana')).toBe(60);
    expect(await creditsOf('ana')).toHaveLength(1);

    // A later step changes what the version would pay (the epilogue grows the pot): paid already.
    expect((await play('wallet-1', 'p2', { type: 'pot.grow' })).type).toBe('ack');
    expect((await call('wallet-1', 'status')).json.walletPending).toBe(0);
    await inRoom('wallet-1', (server) => server.alarm());
    expect(await walletOf('ana')).toBe(60);

    // After an eviction the finished room neither enqueues nor sends the payout again.
    await evictDurableObject(stub('wallet-1'));
    expect((await play('wallet-1', 'p3', { type: 'pot.grow' })).type).toBe('ack');
    expect((await call('wallet-1', 'admin', { body: { type: 'admin.close' } })).status).toBe(200);
    expect((await call('wallet-1', 'status')).json).toMatchObject({ status: 'finished', walletPending: 0 });
    await inRoom('wallet-1', (server) => server.alarm());
    expect(await walletOf('ana')).toBe(60);
  });

  it('a D1 outage delays the credit and loses nothing: it arrives after recovery, exactly once, across an eviction', async () => {
    await initRoom('wallet-2', potInit(['cy', 'dee']));
    await d1Down();
    try {
      expect((await crown('wallet-2', 'p2')).status).toBe(200);
      await inRoom('wallet-2', (server) => server.alarm());
      await advance('wallet-2', 60_000);
      await inRoom('wallet-2', (server) => server.alarm());
      // The credit failed twice for real (no such table) and waits, backing off, with the alarm on it.
      const [task] = await creditTask('wallet-2');
      expect(task!.attempts).toBeGreaterThanOrEqual(2);
      expect(await inRoom('wallet-2', (_s, state) => state.storage.getAlarm())).toBe(task!.time);
      expect((await call('wallet-2', 'status')).json.walletPending).toBe(1);
      // The failed batch left no half-credit behind: the wallet did not move either.
      expect(await walletOf('dee')).toBeNull();
      await evictDurableObject(stub('wallet-2'));
    } finally {
      await d1Up();
    }
    await advance('wallet-2', 3_600_000);
    await inRoom('wallet-2', (server) => server.alarm());
    expect(await walletOf('dee')).toBe(50);
    expect((await call('wallet-2', 'status')).json.walletPending).toBe(0);
    expect(await creditTask('wallet-2')).toEqual([]);
    await advance('wallet-2', 3_600_000);
    await inRoom('wallet-2', (server) => server.alarm());
    expect(await walletOf('dee')).toBe(50);
    expect(await creditsOf('dee')).toHaveLength(1);
    expect(await walletOf('cy')).toBeNull();
  });

  it('the lobby looks a wallet up: its gold and credits, zero for a user never credited, the id checked, the secret required', async () => {
    await initRoom('wallet-3', potInit(['eve', 'fay'], 70));
    await crown('wallet-3', 'p1');
    await inRoom('wallet-3', (server) => server.alarm());
    const found = await lookUp('eve');
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({
      userId: 'eve',
      gold: 70,
      credits: [{ roomId: 'wallet-3', playerId: 'p1', machine: 'prize-pot@1', gold: 70 }],
    });
    expect(found.json.updatedAt).toEqual(expect.any(Number));
    expect((await lookUp('nobody-yet')).json).toEqual({ userId: 'nobody-yet', gold: 0, updatedAt: null, credits: [] });
    const bad = await lookUp('Not%20A%20Slug');
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('INVALID_USER_ID');
    expect((await lookUp('eve', null)).status).toBe(401);
    expect((await lookUp('eve', 'wrong-secret-wrong-secret')).status).toBe(401);
  });

  it("the next game's cast shows the gold each member's wallet carries in", async () => {
    const first = await createPot([{ name: 'Gus', userId: 'gus' }, { name: 'Hal', userId: 'hal' }, { name: 'Ida' }]);
    expect(first.status).toBe(201);
    expect(first.json.players.map((p: any) => [p.userId, p.carriedGold])).toEqual([
      ['gus', 0],
      ['hal', 0],
      [undefined, undefined],
    ]);
    await crown(first.json.roomId, 'p2');
    await inRoom(first.json.roomId, (server) => server.alarm());

    const next = await createPot([{ name: 'Ida' }, { name: 'Hal again', userId: 'hal' }, { name: 'Gus', userId: 'gus' }]);
    expect(next.status).toBe(201);
    expect(next.json.players.map((p: any) => p.carriedGold)).toEqual([undefined, 40, 0]);
    const token = decodeURIComponent(new URLSearchParams(next.json.players[0].invite.split('#')[1]).get('token')!);
    const socket = await TestSocket.open(next.json.roomId, `token=${token}`);
    const { view } = await socket.next((f) => f.type === 'view');
    socket.close();
    expect(view.cast.map((m: any) => [m.name, m.carriedGold])).toEqual([
      ['Ida', 0],
      ['Hal again', 40],
      ['Gus', 0],
    ]);
  });

  it('refuses bad or repeated user ids, and user ids for a version without wallets; D1 down refuses creation', async () => {
    const bad = await createPot([
      { name: 'A', userId: 'Bad Id' },
      { name: 'B', userId: 'b' },
      { name: 'C', userId: 'b' },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'INVALID_USER_ID' });
    expect(bad.json.error.issues.map((i: any) => i.path)).toEqual(['cast.0.userId', 'cast.2.userId']);

    const unsupported = await createPot([{ name: 'A', userId: 'a' }, { name: 'B' }, { name: 'C' }], 'pecking-order@1');
    expect(unsupported.status).toBe(400);
    expect(unsupported.json.error.code).toBe('WALLETS_NOT_SUPPORTED');

    await env.DB.exec('ALTER TABLE wallets RENAME TO wallets_away');
    try {
      const down = await createPot([{ name: 'A', userId: 'a' }]);
      expect(down.status).toBe(503);
      expect(down.json.error.code).toBe('WALLETS_UNAVAILABLE');
      // Without user ids nothing is read, so D1 being down stops no game.
      expect((await createPot([{ name: 'A' }])).status).toBe(201);
    } finally {
      await env.DB.exec('ALTER TABLE wallets_away RENAME TO wallets');
    }
  });

  it('pecking-order@2 through the real lobby: the winner’s gold is in their wallet, and in the next game’s cast', async () => {
    const create = async (cast: { name: string; userId?: string }[]) => {
      const response = await (exports as any).default.fetch(
        lobbyRequest('/api/games', {
          method: 'POST',
          body: JSON.stringify({
            machine: 'pecking-order@2',
            cast,
            manifest: { preset: 'TEST', scheduling: 'ADMIN', days: [{ voteType: 'MAJORITY' }, { voteType: 'FINALS' }] },
          }),
        }),
      );
      expect(response.status).toBe(201);
      return (await response.json()) as any;
    };
    const cast = [
      { name: 'Jo', userId: 'jo' },
      { name: 'Kim', userId: 'kim' },
      { name: 'Lu', userId: 'lu' },
    ];
    const first = await create(cast);
    for (let i = 0; i < 100 && (await call(first.roomId, 'status')).json.status !== 'finished'; i++) {
      expect((await call(first.roomId, 'admin', { body: { type: 'admin.advance' } })).status).toBe(200);
    }
    const status = (await call(first.roomId, 'status')).json;
    expect(status.status).toBe('finished');
    const { snapshot } = (await inRoom(first.roomId, (_s, state) =>
      state.storage.sql.exec<{ snapshot: string }>('SELECT snapshot FROM envelope').one(),
    )) as { snapshot: string };
    const context = JSON.parse(snapshot).context;
    const gold = context.cast[context.winner].gold as number;
    expect(gold).toBeGreaterThan(0);
    // /status names each player's identity (admins only).
    expect(status.players.map((p: any) => p.userId)).toEqual(['jo', 'kim', 'lu']);
    const userId = status.players.find((p: any) => p.playerId === context.winner).userId as string;
    await inRoom(first.roomId, (server) => server.alarm());
    expect((await lookUp(userId)).json.gold).toBe(gold);

    const next = await create(cast);
    expect(next.players.map((p: any) => p.carriedGold)).toEqual(cast.map((c) => (c.userId === userId ? gold : 0)));
    const token = decodeURIComponent(new URLSearchParams(next.players[0].invite.split('#')[1]).get('token')!);
    const socket = await TestSocket.open(next.roomId, `token=${token}`);
    const { view } = await socket.next((f) => f.type === 'view');
    socket.close();
    expect(view.cast.map((m: any) => m.carriedGold)).toEqual(cast.map((c) => (c.userId === userId ? gold : 0)));
  });

  it('blitz@1 through the real lobby: the winner’s gold is credited once, and carried into the next game’s cast', async () => {
    const create = async (cast: { name: string; userId?: string }[]) => {
      const response = await (exports as any).default.fetch(
        lobbyRequest('/api/games', {
          method: 'POST',
          body: JSON.stringify({ machine: 'blitz@1', cast, manifest: { preset: 'SPRINT', scheduling: 'ADMIN' } }),
        }),
      );
      expect(response.status).toBe(201);
      return (await response.json()) as any;
    };
    // Every player has an identity, so whoever the game crowns is paid; the others hold no gold and get no wallet.
    const cast = [
      { name: 'Mo', userId: 'blitz-mo' },
      { name: 'Ned', userId: 'blitz-ned' },
      { name: 'Oz', userId: 'blitz-oz' },
      { name: 'Pia', userId: 'blitz-pia' },
      { name: 'Quinn', userId: 'blitz-quinn' },
    ];
    const first = await create(cast);
    expect(first.players.map((p: any) => [p.userId, p.carriedGold])).toEqual(cast.map((c) => [c.userId, 0]));
    for (let i = 0; i < 100 && (await call(first.roomId, 'status')).json.status !== 'finished'; i++) {
      expect((await call(first.roomId, 'admin', { body: { type: 'admin.advance' } })).status).toBe(200);
    }
    const status = (await call(first.roomId, 'status')).json;
    expect(status).toMatchObject({ status: 'finished', machine: 'blitz@1', walletPending: 1 });
    const { snapshot } = (await inRoom(first.roomId, (_s, state) =>
      state.storage.sql.exec<{ snapshot: string }>('SELECT snapshot FROM envelope').one(),
    )) as { snapshot: string };
    const context = JSON.parse(snapshot).context;
    const gold = context.cast[context.winner].gold as number;
    // Five players: three eliminations, 10 gold each into the pool the winner takes.
    expect(gold).toBe(30);
    expect(status.players.map((p: any) => p.userId)).toEqual(cast.map((c) => c.userId));
    const userId = status.players.find((p: any) => p.playerId === context.winner).userId as string;
    await inRoom(first.roomId, (server) => server.alarm());
    await inRoom(first.roomId, (server) => server.alarm());
    expect((await call(first.roomId, 'status')).json.walletPending).toBe(0);
    const wallet = (await lookUp(userId)).json;
    expect(wallet).toMatchObject({ userId, gold, credits: [{ roomId: first.roomId, machine: 'blitz@1', gold }] });
    expect(wallet.credits).toHaveLength(1);
    expect(await creditsOf(userId)).toEqual([{ room_id: first.roomId, gold, applied: 1 }]);
    for (const { userId: other } of cast.filter((c) => c.userId !== userId)) expect(await walletOf(other)).toBeNull();

    const next = await create(cast);
    const carried = cast.map((c) => (c.userId === userId ? gold : 0));
    expect(next.players.map((p: any) => p.carriedGold)).toEqual(carried);
    const token = decodeURIComponent(new URLSearchParams(next.players[0].invite.split('#')[1]).get('token')!);
    const socket = await TestSocket.open(next.roomId, `token=${token}`);
    const { view } = await socket.next((f) => f.type === 'view');
    socket.close();
    expect(view.dayWord).toBe('Round');
    expect(view.cast.map((m: any) => m.carriedGold)).toEqual(carried);
  });
});

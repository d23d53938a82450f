import { env } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { MachineVersion } from '../machines/machine-version';
import { defaultDayPlan } from '../machines/pecking-order/v1/day-plan';
import { createRegistry } from '../machines/registry';
import { createGame } from './lobby';
import { timerLabV1, timerLabV2 } from '../engine/testing/fixtures/timer-lab';
import { ORIGIN, SECRET, TestSocket, call } from './test/helpers';

const create = (body: unknown, auth: string | null = SECRET) =>
  (exports as any).default.fetch(`${ORIGIN}/api/games`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: `Bearer ${auth}` } : {}) },
    body: JSON.stringify(body),
  }) as Promise<Response>;

const cast = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Player ${i + 1}`, bio: i === 0 ? 'I came to win.' : '' }));

describe('POST /api/games (the lobby)', () => {
  it('creates a room through the init handoff and answers with invite links and a host link', async () => {
    const response = await create({ cast: cast(5), manifest: { preset: 'TEST', scheduling: 'PRE_SCHEDULED', days: defaultDayPlan(5) } });
    expect(response.status).toBe(201);
    const game = (await response.json()) as any;
    expect(game.roomId).toMatch(/^[a-z2-9]{16}$/);
    expect(game.players.map((p: any) => [p.playerId, p.name])).toEqual(cast(5).map((c, i) => [`p${i + 1}`, c.name]));
    expect(game.host).toMatch(new RegExp(`^/host#room=${game.roomId}&token=`));

    // The invite link's token opens that player's socket in that room.
    const token = decodeURIComponent(new URLSearchParams(game.players[2].invite.split('#')[1]).get('token')!);
    const socket = await TestSocket.open(game.roomId, `token=${token}`);
    expect(await socket.next((f) => f.type === 'welcome')).toMatchObject({ playerId: 'p3', role: 'player' });
    socket.close();
    // The host link's token is the room's admin token.
    const admin = decodeURIComponent(new URLSearchParams(game.host.split('#')[1]).get('token')!);
    const status = await call(game.roomId, 'status', { auth: admin });
    expect(status.json).toMatchObject({ status: 'running', machine: 'pecking-order@2' });
  });

  it('creates pecking-order@2 by default, with the day plan’s cartridges, and @1 when asked for it', async () => {
    const days = [{ voteType: 'MAJORITY', cartridges: ['HOT_TAKE', 'SILVER_GAMBIT'] }, { voteType: 'MAJORITY' }, { voteType: 'FINALS' }];
    const v2 = (await (await create({ cast: cast(4), manifest: { preset: 'TEST', scheduling: 'ADMIN', days } })).json()) as any;
    expect(v2.machine).toBe('pecking-order@2');
    const badV2 = await create({
      cast: cast(4),
      manifest: {
        preset: 'TEST',
        scheduling: 'ADMIN',
        days: [{ voteType: 'MAJORITY', cartridges: ['HOT_TAKE', 'WOULD_YOU_RATHER'] }, ...days.slice(1)],
      },
    });
    expect(badV2.status).toBe(400);
    expect(((await badV2.json()) as any).error.issues).toEqual([
      expect.objectContaining({ path: 'manifest.days.0.cartridges.1', message: expect.stringContaining('at most one prompt') }),
    ]);
    const v1 = (await (
      await create({
        machine: 'pecking-order@1',
        cast: cast(4),
        manifest: { preset: 'TEST', scheduling: 'ADMIN', days: defaultDayPlan(4) },
      })
    ).json()) as any;
    expect(v1.machine).toBe('pecking-order@1');
  });

  it('says when the game starts: the manifest’s startAt, or nothing to wait for in an ADMIN game', async () => {
    const startAt = Date.now() + 3 * 86_400_000;
    const scheduled = await create({
      cast: cast(5),
      manifest: { preset: 'FAST', scheduling: 'PRE_SCHEDULED', startAt, days: defaultDayPlan(5) },
    });
    expect(scheduled.status).toBe(201);
    // The first timer is due at startAt, give or take the milliseconds between init and scheduling.
    const startsAt = ((await scheduled.json()) as any).startsAt as number;
    expect(startsAt - startAt).toBeGreaterThanOrEqual(0);
    expect(startsAt - startAt).toBeLessThan(1_000);
    const byHost = await create({ cast: cast(5), manifest: { preset: 'FAST', scheduling: 'ADMIN', days: defaultDayPlan(5) } });
    expect(((await byHost.json()) as any).startsAt).toBeNull();
  });

  it('answers an invalid plan with the room’s reasons, by the field they concern', async () => {
    const response = await create({
      cast: cast(4),
      manifest: { preset: 'TEST', scheduling: 'PRE_SCHEDULED', days: [{ voteType: 'BUBBLE' }, { voteType: 'FINALS' }] },
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as any;
    expect(error.code).toBe('INVALID_INIT');
    expect(error.issues.some((i: any) => i.path.startsWith('manifest.days.0'))).toBe(true);

    const badName = await create({
      cast: [{ name: '' }, ...cast(3)],
      manifest: { preset: 'TEST', scheduling: 'PRE_SCHEDULED', days: defaultDayPlan(4) },
    });
    const issues = ((await badName.json()) as any).error.issues;
    expect(issues.map((i: any) => i.path)).toContain('cast.0.name');
  });

  it('requires the lobby secret', async () => {
    expect((await create({ cast: cast(3), manifest: {} }, null)).status).toBe(401);
    expect((await create({ cast: cast(3), manifest: {} }, 'wrong-secret-wrong-secret')).status).toBe(401);
  });

  it('maps the cast to the roster, and init issues back to the host’s fields, as the machine version says', async () => {
    // timer-lab@1 with lobby support of its own: seats named after the guests, issues about `guests`.
    const withLobby: MachineVersion = {
      ...timerLabV1,
      lobby: {
        castSize: { min: 1, max: 20 },
        rosterOf: (guests) => guests.map((guest) => ({ playerId: String(guest.name).toLowerCase() })),
        requestPathOf: (path) => path.replace(/^roster/, 'guests'),
        defaultManifest: () => ({ ringAfterMs: 60_000, tickEveryMs: 3_600_000, echoAfterMs: 3_600_000 }),
      },
    };
    const registry = createRegistry([withLobby, timerLabV2]);
    const createWith = (body: unknown) =>
      createGame(
        new Request(`${ORIGIN}/api/games`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
        env as Env,
        registry,
      );
    const manifest = withLobby.lobby!.defaultManifest(2);

    const created = await createWith({ machine: 'timer-lab@1', cast: [{ name: 'Ana' }, { name: 'Ben' }], manifest });
    expect(created.status).toBe(201);
    const game = (await created.json()) as any;
    expect(game.players.map((p: any) => [p.playerId, p.name])).toEqual([
      ['ana', 'Ana'],
      ['ben', 'Ben'],
    ]);
    expect((await call(game.roomId, 'status')).json.players.map((p: any) => p.playerId)).toEqual(['ana', 'ben']);

    const refused = await createWith({ machine: 'timer-lab@1', cast: [{ name: 'Ana' }, { name: 'Not Valid!' }], manifest });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).error.issues.map((i: any) => i.path)).toEqual(['guests.1.playerId']);

    // A version without lobby support is not one the lobby can create.
    const unsupported = await createWith({ machine: 'timer-lab@2', cast: [{ name: 'Ana' }], manifest });
    expect(unsupported.status).toBe(400);
    expect(((await unsupported.json()) as any).error).toMatchObject({ code: 'UNKNOWN_MACHINE', known: ['timer-lab@1'] });
  });
});

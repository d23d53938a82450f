import { describe, expect, it } from 'vitest';
import { call, initRoom, play, tokens } from './test/helpers';

describe('GET /status and POST /admin', () => {
  it('shows machine, value, envelope size, durable timers and restore status to the lobby secret or an admin token', async () => {
    await initRoom('status-1');
    await play('status-1', 'ana', { type: 'lab.start' });
    const { admin, players } = await tokens('status-1');
    const status = await call('status-1', 'status', { auth: admin });
    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({
      roomId: 'status-1',
      status: 'running',
      machine: 'timer-lab@1',
      value: 'running',
      restore: { ok: true },
      lastError: null,
    });
    expect(status.json.players).toEqual([
      { playerId: 'ana', name: 'ana' },
      { playerId: 'ben', name: 'ben' },
      { playerId: 'cy', name: 'cy' },
    ]);
    expect(status.json.envelopeBytes).toBeGreaterThan(100);
    // The write cost since wake: the start transition rewrote the snapshot and added four timers.
    expect(status.json.writes.transitions).toBeGreaterThanOrEqual(1);
    expect(status.json.writes.lastTransitionBytes).toBeGreaterThan(status.json.envelopeBytes / 2);
    expect(status.json.timers.map((t: any) => t.event).sort()).toEqual([
      'lab.echo',
      'lab.ping',
      'xstate.after.ring.timer-lab.running',
      'xstate.after.tick.ticker.ticking',
    ]);
    for (const timer of status.json.timers) expect(timer.dueAt).toBeGreaterThan(Date.now());

    expect((await call('status-1', 'status', { auth: players.ana })).status).toBe(403);
    expect((await call('status-1', 'status', { auth: null })).status).toBe(401);
    expect(
      (await call('status-1', 'status', { auth: (await tokens(`status-other-room-${1}`).catch(() => ({ admin: 'x.y.z' }))).admin })).status,
    ).toBeGreaterThanOrEqual(401);
  });

  it('sends validated admin events and refuses unknown ones', async () => {
    await initRoom('status-2');
    const { admin } = await tokens('status-2');
    const unknown = await call('status-2', 'admin', { body: { type: 'admin.nuke' }, auth: admin });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ code: 'INVALID_EVENT', accepted: ['admin.finish'] });
    const malformed = await call('status-2', 'admin', { body: { type: 'admin.finish', extra: 1 }, auth: admin });
    expect(malformed.json.error.code).toBe('INVALID_EVENT');

    const finished = await call('status-2', 'admin', { body: { type: 'admin.finish' }, auth: admin });
    expect(finished.status).toBe(200);
    expect(finished.json).toMatchObject({ accepted: true, value: 'done' });
    expect((await call('status-2', 'status')).json.status).toBe('finished');
    // A finished room stays readable and accepts no more game events.
    expect(await play('status-2', 'ana', { type: 'lab.poke' })).toMatchObject({ type: 'error', code: 'GAME_OVER' });
    expect((await call('status-2', 'admin', { body: { type: 'admin.finish' } })).json.error.code).toBe('GAME_OVER');
  });

  it('has no benchmark baseline room: the production build does not bind it (bench/wrangler.bench.toml does)', async () => {
    const response = await ((await import('cloudflare:workers')) as any).exports.default.fetch('http://rooms.test/parties/baseline-room/x');
    expect(response.status).toBe(404);
    expect(((await response.json()) as any).error.code).toBe('NOT_FOUND');
  });
});

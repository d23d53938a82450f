import { evictDurableObject, runDurableObjectAlarm } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { advance, call, initRoom, inRoom, labInit, play, storedEnvelope, stub, timerTasks } from './test/helpers';

const S = 1_000;

describe('machine versions', () => {
  it('keeps running the version a room was created with, although a newer one is registered', async () => {
    await initRoom('ver-1');
    await play('ver-1', 'ana', { type: 'lab.start' });
    await evictDurableObject(stub('ver-1'));
    const status = await call('ver-1', 'status');
    expect(status.json.machine).toBe('timer-lab@1');
    expect(status.json.createdWith).toBe('timer-lab@1');
    expect(status.json.status).toBe('running');
  });

  it('upgrades on an admin’s request, carrying value, context, children and timers over', async () => {
    await initRoom('ver-2', labInit({ ringAfterMs: 100 * S, tickEveryMs: 30 * S }));
    await play('ver-2', 'ana', { type: 'lab.start' });
    await play('ver-2', 'ben', { type: 'lab.poke' });
    const timersBefore = await timerTasks('ver-2');

    const upgraded = await call('ver-2', 'upgrade', { body: { to: 'timer-lab@2' } });
    expect(upgraded.status, JSON.stringify(upgraded.json)).toBe(200);
    expect(upgraded.json).toMatchObject({ from: 'timer-lab@1', to: 'timer-lab@2', status: 'running' });

    const after = await timerTasks('ver-2');
    expect(after.map((t) => [t.description, t.time])).toEqual(timersBefore.map((t) => [t.description, t.time]));
    const envelope = await storedEnvelope('ver-2');
    expect(envelope?.machine).toBe('timer-lab@2');
    expect(envelope?.snapshot.context.pokes).toEqual({ ben: 1 });
    expect(Object.keys(envelope?.snapshot.children ?? {})).toEqual(['ticker']);

    // The carried timers drive the new version: the child ticks at 30, 60 and 90 s, then the root rings into v2's state.
    await evictDurableObject(stub('ver-2'));
    await advance('ver-2', 101 * S);
    expect(await runDurableObjectAlarm(stub('ver-2'))).toBe(true);
    const rung = await storedEnvelope('ver-2');
    expect(rung?.snapshot.value).toBe('ringing');
    expect(rung?.snapshot.context.fired).toEqual(['tick', 'tick', 'tick', 'ring']);
    const status = await call('ver-2', 'status');
    expect(status.json.createdWith).toBe('timer-lab@1');
    expect(status.json.machine).toBe('timer-lab@2');
  });

  it('migrates a state that was renamed between versions', async () => {
    await initRoom('ver-3', labInit({ ringAfterMs: 10 * S }));
    await play('ver-3', 'ana', { type: 'lab.start' });
    await advance('ver-3', 11 * S);
    await runDurableObjectAlarm(stub('ver-3'));
    expect((await storedEnvelope('ver-3'))?.snapshot.value).toBe('rung');
    expect((await call('ver-3', 'upgrade', { body: { to: 'timer-lab@2' } })).status).toBe(200);
    expect((await storedEnvelope('ver-3'))?.snapshot.value).toBe('ringing');
    expect((await play('ver-3', 'ana', { type: 'lab.start' })).type).toBe('ack');
    expect((await storedEnvelope('ver-3'))?.snapshot.value).toBe('running');
  });

  it('refuses upgrades without a declared path, to unknown versions, and without admin rights', async () => {
    await initRoom('ver-4');
    const same = await call('ver-4', 'upgrade', { body: { to: 'timer-lab@1' } });
    expect(same.status).toBe(409);
    expect(same.json.error.code).toBe('NO_UPGRADE_PATH');
    expect((await call('ver-4', 'upgrade', { body: { to: 'timer-lab@9' } })).json.error.code).toBe('UNKNOWN_MACHINE');
    expect((await call('ver-4', 'upgrade', { body: { to: 'timer-lab@2' }, auth: null })).status).toBe(401);
    expect((await storedEnvelope('ver-4'))?.machine).toBe('timer-lab@1');
  });

  it('leaves a room whose snapshot no longer fits refusing game events, with a status for admins, and wipes nothing', async () => {
    await initRoom('ver-5');
    await play('ver-5', 'ana', { type: 'lab.start' });
    const corrupted = await inRoom('ver-5', (_s, state) => {
      const { snapshot } = state.storage.sql.exec<{ snapshot: string }>('SELECT snapshot FROM envelope').one();
      const broken = JSON.stringify({ ...JSON.parse(snapshot), value: 'vanished' });
      state.storage.sql.exec('UPDATE envelope SET snapshot = ?', broken);
      return broken;
    });
    await evictDurableObject(stub('ver-5'));

    const status = await call('ver-5', 'status');
    expect(status.json.status).toBe('restore_failed');
    expect(status.json.restore).toMatchObject({ ok: false, code: 'SNAPSHOT_INVALID' });
    expect(status.json.restore.message).toMatch(/vanished/);

    const refused = await play('ver-5', 'ana', { type: 'lab.poke' });
    expect(refused).toMatchObject({ type: 'error', code: 'RESTORE_FAILED' });
    const admin = await call('ver-5', 'admin', { body: { type: 'admin.finish' } });
    expect(admin.status).toBe(409);
    expect(admin.json.error.code).toBe('RESTORE_FAILED');
    // Timers of a room that cannot restore are not delivered, and not deleted either.
    await advance('ver-5', 7_200 * S);
    await inRoom('ver-5', (server) => server.alarm());
    expect(await timerTasks('ver-5')).toHaveLength(4);

    const stored = await inRoom(
      'ver-5',
      (_s, state) => state.storage.sql.exec<{ snapshot: string }>('SELECT snapshot FROM envelope').one().snapshot,
    );
    expect(stored).toBe(corrupted);
  });

  it('reports an envelope of a version this build does not have', async () => {
    await initRoom('ver-6');
    await inRoom('ver-6', (_s, state) => state.storage.sql.exec("UPDATE envelope SET machine = 'timer-lab@7'"));
    await evictDurableObject(stub('ver-6'));
    const status = await call('ver-6', 'status');
    expect(status.json.status).toBe('restore_failed');
    expect(status.json.restore.code).toBe('UNKNOWN_MACHINE_VERSION');
  });
});

/**
 * The room as an adapter of the one host, in workerd: every delayed form survives eviction in the
 * root and a child; a game with an init of its own shape runs with no worker change; an upgrade
 * that would strand a room is refused with nothing changed; golden envelopes restore in a real room.
 */
import { evictDurableObject, runDurableObjectAlarm } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import golden from '../engine/golden/pecking-order@1/mid-vote.json';
import { advance, call, initRoom, inRoom, labInit, play, storedEnvelope, stub, timerTasks } from './test/helpers';

const MS = 1_000;

describe('a room hosting the one host', () => {
  it('runs a game whose init has its own shape, and delivers every delayed form across evictions, root and child', async () => {
    // delay-forms@1: `{ seats, ms }`, no roster, no manifest: only the version reads it.
    await initRoom('forms-1', { machine: 'delay-forms@1', seats: ['ana', 'ben'], ms: 10 * MS });
    const status = await call('forms-1', 'status');
    expect(status.json.players).toEqual([
      { playerId: 'ana', name: 'ANA' },
      { playerId: 'ben', name: 'BEN' },
    ]);
    expect((await play('forms-1', 'ben', { type: 'forms.go' })).type).toBe('ack');
    const descriptions = (await timerTasks('forms-1')).map((t) => t.description.replace(/\.\d+\.\d+$/, '.n')).sort();
    expect(descriptions).toEqual([
      'root raised',
      'root to-child',
      'root xstate.after.thrice.delay-forms.running',
      'root xstate.delayed.n',
      'root/helper helper-self',
      'root/helper xstate.after.ms.helper.waiting',
      'root/helper xstate.delayed.n',
    ]);

    await evictDurableObject(stub('forms-1'));
    await advance('forms-1', 11 * MS);
    expect(await runDurableObjectAlarm(stub('forms-1'))).toBe(true);
    expect((await storedEnvelope('forms-1'))?.snapshot.context.log).toEqual([
      'root raise',
      'child got sendTo',
      'child got sendTo',
      'child raise',
      'child sendParent',
      'child after',
    ]);

    await evictDurableObject(stub('forms-1'));
    await advance('forms-1', 20 * MS);
    expect(await runDurableObjectAlarm(stub('forms-1'))).toBe(true);
    const rang = await storedEnvelope('forms-1');
    expect(rang?.snapshot.value).toBe('rang');
    expect(rang?.snapshot.context.log.at(-1)).toBe('root after');
    expect(await timerTasks('forms-1')).toEqual([]);

    // An id scheduled twice is one row and fires once, across an eviction too.
    await play('forms-1', 'ana', { type: 'forms.twice' });
    expect((await timerTasks('forms-1')).map((t) => t.description)).toEqual(['root twice']);
    await evictDurableObject(stub('forms-1'));
    await advance('forms-1', 11 * MS);
    await runDurableObjectAlarm(stub('forms-1'));
    expect((await storedEnvelope('forms-1'))?.snapshot.context.log.filter((e: string) => e === 'once')).toEqual(['once']);
  });

  it('refuses an upgrade that would strand the room, with the reasons, and changes nothing', async () => {
    await initRoom('forms-2', labInit({}, ['ana']));
    await play('forms-2', 'ana', { type: 'lab.start' });
    const before = await storedEnvelope('forms-2');
    const timers = await timerTasks('forms-2');
    // timer-lab@3 wants a manifest colour that this room's init never had, and gives no way to get one.
    const refused = await call('forms-2', 'upgrade', { body: { to: 'timer-lab@3' } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('UPGRADE_REFUSED');
    expect(refused.json.error.reasons).toEqual([expect.stringMatching(/stored init does not fit timer-lab@3 at manifest\.colour/)]);
    expect(await storedEnvelope('forms-2')).toEqual(before);
    expect(await timerTasks('forms-2')).toEqual(timers);
    expect((await call('forms-2', 'status')).json.machine).toBe('timer-lab@1');
    // The room runs on as it was.
    expect((await play('forms-2', 'ana', { type: 'lab.poke' })).type).toBe('ack');
  });

  it('migrates the stored init when the target says how, and restores under it after an eviction', async () => {
    await initRoom('forms-3', labInit({}, ['ana']));
    await play('forms-3', 'ana', { type: 'lab.start' });
    const upgraded = await call('forms-3', 'upgrade', { body: { to: 'timer-lab@4' } });
    expect(upgraded.status, JSON.stringify(upgraded.json)).toBe(200);
    const init = await inRoom('forms-3', (_s, state) =>
      JSON.parse(state.storage.sql.exec<{ init: string }>('SELECT init FROM room').one().init),
    );
    expect(init).toMatchObject({ machine: 'timer-lab@1', manifest: { colour: 'teal' } });
    await evictDurableObject(stub('forms-3'));
    expect((await call('forms-3', 'status')).json).toMatchObject({ status: 'running', machine: 'timer-lab@4', createdWith: 'timer-lab@1' });
    // The handoff that created the room is still recognised as the same one.
    expect((await call('forms-3', 'init', { body: labInit({}, ['ana']) })).status).toBe(200);
  });

  it('restores a golden envelope of pecking-order@1 written into a real room, and plays it on to the end', async () => {
    // A first request wakes the room, which creates its tables; then the stored state goes in as a
    // room of an earlier build would have left it.
    expect((await call('golden-1', 'status')).json.status).toBe('uninitialised');
    await inRoom('golden-1', (_server, state) => {
      const sql = state.storage.sql;
      sql.exec(
        'INSERT INTO room (id, room_id, created_with, init, init_hash, created_at, seed) VALUES (1, ?, ?, ?, ?, ?, ?)',
        'golden-1',
        golden.state.machine,
        JSON.stringify({ machine: golden.state.machine, ...golden.init }),
        'golden',
        golden.facts.createdAt,
        golden.facts.seed,
      );
      sql.exec(
        'INSERT INTO envelope (id, machine, snapshot, seq, updated_at) VALUES (1, ?, ?, ?, ?)',
        golden.state.machine,
        golden.state.snapshot,
        golden.state.seq,
        golden.state.at,
      );
      for (const timer of golden.state.timers) {
        sql.exec(
          "INSERT INTO tasks (id, kind, description, payload, type, time, created_at) VALUES (?, 'machine-timer', ?, ?, 'scheduled', ?, ?)",
          `timer:${timer.actorPath}:${timer.timerId}`,
          `${timer.actorPath} ${timer.timerId}`,
          JSON.stringify(timer),
          timer.dueAt,
          golden.state.at,
        );
      }
    });
    await evictDurableObject(stub('golden-1'));
    // The golden game was taken weeks ago: on wake the room delivers every timer that fell due
    // since, each at its own due time, and the game (whose players are gone) runs to its end.
    const status = await call('golden-1', 'status');
    expect(status.json).toMatchObject({ status: 'finished', machine: 'pecking-order@1', restore: { ok: true } });
    expect(status.json.seq).toBeGreaterThan(golden.state.seq);
    expect(status.json.timers).toEqual([]);
    const final = await storedEnvelope('golden-1');
    expect(final?.snapshot.value).toBe('gameOver');
    expect(final?.snapshot.context.winner).toEqual(expect.any(String));
  });
});

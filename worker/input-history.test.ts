/**
 * The room's input history: recorded with every step, in the step's transaction, for the whole
 * game; exported to admins at `GET …/history`; and enough to replay the game to the room's stored
 * state on the one host with a simulated clock. Also: what a chat post writes (the message and the
 * log row that carries its seq, nothing else).
 */
import { evictDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { timerLabV1 } from '../engine/testing/fixtures/timer-lab';
import { SimulatedRoom } from '../engine/testing/simulated-room';
import { InputHistory } from '../protocol';
import { TestSocket, advance, call, inRoom, initRoom, labInit, play, stub, tokens } from './test/helpers';

/** The room's stored state as the host holds it (timers in a fixed order: scheduling order is not stored). */
const storedState = (room: string) =>
  inRoom(room, (server) => {
    const state = server.room.host!.state;
    return {
      ...state,
      timers: [...state.timers].sort((a, b) => `${a.actorPath}/${a.timerId}`.localeCompare(`${b.actorPath}/${b.timerId}`)),
    };
  });

function replay(history: InputHistory) {
  const copy = new SimulatedRoom({ version: timerLabV1, init: history.init, room: history.facts });
  for (const entry of history.entries) {
    copy.clock.set(entry.at);
    copy.step(entry.input);
  }
  const state = copy.stored();
  return { ...state, timers: [...state.timers].sort((a, b) => `${a.actorPath}/${a.timerId}`.localeCompare(`${b.actorPath}/${b.timerId}`)) };
}

/** Every row of every table, keyed by table (to tell what one input wrote). */
const dump = (room: string) =>
  inRoom(room, (_server, state) => {
    const tables = state.storage.sql
      .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'")
      .toArray();
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        state.storage.sql
          .exec(`SELECT * FROM "${name}"`)
          .toArray()
          .map((row) => JSON.stringify(row)),
      ]),
    );
  });

describe('the input history', () => {
  it("replays, on the one host with a simulated clock, to the room's stored state, across an eviction", async () => {
    await initRoom('hist-1', labInit({ tickEveryMs: 30_000, ringAfterMs: 600_000, echoAfterMs: 45_000 }));
    await play('hist-1', 'ana', { type: 'lab.start' });
    await play('hist-1', 'ben', { type: 'lab.say', text: 'hi' });
    await advance('hist-1', 100_000);
    await play('hist-1', 'cy', { type: 'lab.poke' });
    await evictDurableObject(stub('hist-1'));
    await advance('hist-1', 200_000);
    for (let i = 0; i < 4; i++) await play('hist-1', 'ana', { type: 'lab.poke' }); // the fourth is refused by the machine
    await play('hist-1', 'ben', { type: 'no.such.event' });
    await advance('hist-1', 400_000);
    await call('hist-1', 'status'); // delivers the ring, and the ticks before it
    const { admin } = await tokens('hist-1');
    const { status, json } = await call('hist-1', 'history', { auth: admin });
    expect(status).toBe(200);
    const history = InputHistory.parse(json);
    expect(history).toMatchObject({ room: 'hist-1', machine: 'timer-lab@1', facts: { roomId: 'hist-1' } });
    expect(history.entries.filter((e) => e.input.type === 'player').map((e) => (e.input as any).event.type)).toEqual([
      'lab.start',
      'lab.say',
      'lab.poke',
      'lab.poke',
      'lab.poke',
      'lab.poke',
      'lab.poke',
    ]);
    const room = await storedState('hist-1');
    expect(room.snapshot).toContain('"rung"');
    expect(replay(history)).toEqual(room);
  });

  it('is for admins only: a player token is refused, and so is no credential', async () => {
    await initRoom('hist-2');
    const { players } = await tokens('hist-2');
    const asPlayer = await call('hist-2', 'history', { auth: players.ana! });
    expect(asPlayer).toMatchObject({ status: 403, json: { error: { code: 'FORBIDDEN' } } });
    const anonymous = await call('hist-2', 'history', { auth: null });
    expect(anonymous).toMatchObject({ status: 401, json: { error: { code: 'UNAUTHORIZED' } } });
    const post = await call('hist-2', 'history', { body: {} });
    expect(post.json.error.code).toBe('METHOD_NOT_ALLOWED');
    const never = await call('hist-none', 'history');
    expect(never.json.error.code).toBe('ROOM_NOT_FOUND');
    expect((await call('hist-2', 'history')).status).toBe(200);
  });

  it('a group chat post writes its message and one small log row, nothing else', async () => {
    await initRoom('hist-3');
    await play('hist-3', 'ana', { type: 'lab.start' });
    const { players } = await tokens('hist-3');
    const socket = await TestSocket.open('hist-3', `token=${players.ben}`);
    await socket.next((f) => f.type === 'welcome');
    const before = await dump('hist-3');
    // No ref: with one, the room also remembers the outcome (exactly-once actions), one more row.
    socket.send({ type: 'send', event: { type: 'lab.say', text: 'a message' } });
    await socket.next((f) => f.type === 'ack');
    const after = await dump('hist-3');
    socket.close();
    const written = Object.fromEntries(
      Object.keys(after)
        .map((table) => [table, after[table]!.filter((row) => !(before[table] ?? []).includes(row))] as const)
        .filter(([, rows]) => rows.length > 0),
    );
    const removed = Object.keys(before).filter((table) => before[table]!.some((row) => !after[table]!.includes(row)));
    expect(removed).toEqual([]);
    expect(Object.keys(written).sort()).toEqual(['input_log', 'messages']);
    expect(written.input_log).toHaveLength(1);
    expect(written.messages).toHaveLength(1);
    const bytes = written.input_log![0]!.length;
    expect(bytes).toBeLessThan(300);
    // The seq the ack named is the room's after a wake, though no head or envelope row moved.
    const seq = JSON.parse(written.input_log![0]!).seq;
    await evictDurableObject(stub('hist-3'));
    const { json: status } = await call('hist-3', 'status');
    expect(status.seq).toBe(seq);
  });
});

describe('a room from before the input log', () => {
  it('keeps its old inspection records, starts the log from its state as it was, and refuses to export a history that cannot replay', async () => {
    await initRoom('hist-4');
    await play('hist-4', 'ana', { type: 'lab.start' });
    // What such a room holds: no log rows, its records whole in the old table, the seq in the envelope.
    const seq = await inRoom('hist-4', (server, state) => {
      state.storage.sql.exec('DELETE FROM input_log');
      state.storage.sql.exec(
        'CREATE TABLE inspection (n INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER NOT NULL, at INTEGER NOT NULL, event TEXT NOT NULL)',
      );
      const event = {
        type: '@xstate.event',
        sessionId: 'root',
        rootId: 'root',
        id: null,
        createdAt: '0',
        _version: '0.7.2',
        event: { type: 'lab.start' },
      };
      state.storage.sql.exec('INSERT INTO inspection (seq, at, event) VALUES (?, 0, ?)', server.room.seq, JSON.stringify(event));
      return server.room.seq;
    });
    await evictDurableObject(stub('hist-4'));
    await play('hist-4', 'ben', { type: 'lab.poke' });
    const refused = await call('hist-4', 'history');
    expect(refused).toMatchObject({ status: 409, json: { error: { code: 'HISTORY_INCOMPLETE' } } });
    const { json: status } = await call('hist-4', 'status');
    expect(status.status).toBe('running');
    expect(status.seq).toBe(seq + 1);
    const socket = await TestSocket.open('hist-4/inspect', '');
    socket.send({ type: 'auth', token: (await tokens('hist-4')).admin });
    const hello = await socket.next((f) => f.type === 'inspect.hello');
    socket.close();
    const events = hello.history.filter((r: any) => r.event.type === '@xstate.event').map((r: any) => [r.seq, r.event.event.type]);
    expect(events).toEqual([
      [seq, 'lab.start'],
      [seq + 1, 'lab.poke'],
    ]);
  });
});

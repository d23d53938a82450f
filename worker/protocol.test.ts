/**
 * What the room sends fits the protocol its clients read it with (protocol/): every frame of a
 * short session, every `/status` body and every inspection frame is parsed with the protocol's
 * schema, and nothing may be lost in parsing (a field the schema does not declare is stripped, so
 * it would show as a difference).
 */
import { evictDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ErrorBody, InspectorFrame, RoomStatusBody, ServerFrame } from '../protocol';
import { TestSocket, call, initRoom, inRoom, stub, tokens } from './test/helpers';

function expectFits(schema: z.ZodType, value: unknown, what: string): void {
  const parsed = schema.safeParse(value);
  expect(parsed.error?.issues, `${what}: ${JSON.stringify(value).slice(0, 300)}`).toBeUndefined();
  expect(parsed.data, what).toEqual(value);
}

/** Which frame of the protocol a server frame is, telling the two kinds of `error` apart. */
function kindOf(frame: any): string {
  if (frame.type === 'error') return frame.ref ? 'error with ref' : 'error';
  return frame.type;
}

async function inspector(room: string, token: string): Promise<TestSocket> {
  const socket = await TestSocket.open(`${room}/inspect`, '');
  socket.send({ type: 'auth', token });
  await socket.next((f) => f.type === 'inspect.hello');
  return socket;
}

/** Breaks the stored snapshot so the room cannot restore it (as a removed state would). */
async function breakSnapshot(room: string): Promise<void> {
  await inRoom(room, (_server, state) => {
    const { snapshot } = state.storage.sql.exec<{ snapshot: string }>('SELECT snapshot FROM envelope').one();
    state.storage.sql.exec('UPDATE envelope SET snapshot = ?', JSON.stringify({ ...JSON.parse(snapshot), value: 'vanished' }));
  });
  await evictDurableObject(stub(room));
}

describe('the room speaks the protocol of protocol/', () => {
  it('sends only frames the ServerFrame schema reads, in a session that meets every kind', async () => {
    await initRoom('proto-1');
    const { players, admin } = await tokens('proto-1');
    const ana = await TestSocket.open('proto-1', `token=${players.ana}`);
    const ben = await TestSocket.open('proto-1', `token=${players.ben}&cursor=0`);
    const host = await TestSocket.open('proto-1', `token=${admin}`);
    for (const socket of [ana, ben, host]) await socket.next((f) => f.type === 'messages');

    ana.send({ type: 'send', ref: 's1', event: { type: 'lab.say', text: 'hello all' } });
    await ana.next((f) => f.type === 'ack' && f.ref === 's1');
    await ben.next((f) => f.type === 'messages' && f.messages[0]?.text === 'hello all');
    ana.send({ type: 'send', ref: 's2', event: { type: 'lab.say', text: 'psst ben', to: 'ben' } });
    await ben.next((f) => f.type === 'messages' && f.messages[0]?.members?.length === 2);
    ana.send({ type: 'send', ref: 's3', event: { type: 'lab.start' } });
    await ben.next((f) => f.type === 'view' && f.view?.value === 'running');
    ana.send({ type: 'send', ref: 's3b', event: { type: 'lab.poke' } });
    await ana.next((f) => f.type === 'patch');
    ana.send({ type: 'resync' });
    await ana.next((f) => f.type === 'view' && f.view?.myPokes === 1);
    ana.send({ type: 'send', ref: 's4', event: { type: 'lab.fly' } });
    await ana.next((f) => f.type === 'error' && f.ref === 's4');
    ana.send('{not json');
    await ana.next((f) => f.type === 'error' && !f.ref);
    ana.send({ type: 'ping' });
    await ana.next((f) => f.type === 'pong');
    ben.send({ type: 'sync', after: 0 });
    await ben.next((f) => f.type === 'messages' && f.messages.length === 2);
    host.send({ type: 'send', ref: 'h1', event: { type: 'lab.poke' } });
    await host.next((f) => f.type === 'error' && f.code === 'READ_ONLY');

    const frames = [ana, ben, host].flatMap((socket) => socket.received);
    for (const frame of frames) expectFits(ServerFrame, frame, kindOf(frame));
    expect(new Set(frames.map(kindOf))).toEqual(
      new Set(['welcome', 'view', 'patch', 'messages', 'ack', 'error with ref', 'error', 'pong', 'presence']),
    );
    expect(frames.find((f) => f.type === 'welcome' && f.role === 'admin')).toBeDefined();
  });

  it('answers /status with a RoomStatusBody whether the room is new, runs, has finished or cannot restore', async () => {
    const fresh = await call('proto-never', 'status');
    expect(fresh.json.status).toBe('uninitialised');
    expectFits(RoomStatusBody, fresh.json, 'uninitialised');

    await initRoom('proto-2');
    const { players } = await tokens('proto-2');
    const ana = await TestSocket.open('proto-2', `token=${players.ana}`);
    ana.send({ type: 'send', ref: 'go', event: { type: 'lab.start' } });
    await ana.next((f) => f.type === 'ack');
    const running = await call('proto-2', 'status');
    expect(running.json).toMatchObject({ status: 'running', restore: { ok: true } });
    expect(running.json.tasks.length).toBeGreaterThan(0);
    expectFits(RoomStatusBody, running.json, 'running');

    await breakSnapshot('proto-2');
    const failed = await call('proto-2', 'status');
    expect(failed.json).toMatchObject({ status: 'restore_failed', restore: { ok: false, code: 'SNAPSHOT_INVALID' } });
    expectFits(RoomStatusBody, failed.json, 'restore_failed');

    await initRoom('proto-3');
    await call('proto-3', 'admin', { body: { type: 'admin.finish' } });
    const finished = await call('proto-3', 'status');
    expect(finished.json.status).toBe('finished');
    expectFits(RoomStatusBody, finished.json, 'finished');
  });

  it('answers HTTP errors with an ErrorBody', async () => {
    const missing = await call('proto-4', 'nowhere');
    expect(missing.status).toBe(404);
    expectFits(ErrorBody, missing.json, 'NOT_FOUND');
    const invalid = await call('proto-4', 'init', { body: { machine: 'timer-lab@1', roster: [], manifest: {} } });
    expect(invalid.json.error.code).toBe('INVALID_INIT');
    expectFits(ErrorBody, invalid.json, 'INVALID_INIT');
  });

  it('sends inspectors only frames the InspectorFrame schema reads, for a running room and one that cannot restore', async () => {
    await initRoom('proto-5');
    const { players, admin } = await tokens('proto-5');
    const watcher = await inspector('proto-5', admin);
    const ana = await TestSocket.open('proto-5', `token=${players.ana}`);
    for (const event of [{ type: 'lab.start' }, { type: 'lab.say', text: 'hi' }, { type: 'lab.poke' }]) {
      ana.send({ type: 'send', ref: event.type, event });
      await ana.next((f) => f.ref === event.type);
      await watcher.next((f) => f.type === 'inspect.status');
    }
    await breakSnapshot('proto-5');
    const late = await inspector('proto-5', admin);

    const frames = [...watcher.received, ...late.received];
    for (const frame of frames) expectFits(InspectorFrame, frame, frame.type);
    expect(new Set(frames.map((f) => f.type))).toEqual(new Set(['inspect.hello', 'inspect.records', 'inspect.status']));
    const events = frames.flatMap((f) => f.history ?? f.records ?? []).map((r: any) => r.event.type);
    expect(new Set(events)).toEqual(new Set(['@xstate.actor', '@xstate.event', '@xstate.snapshot']));
    expect(late.received[0].status.status).toBe('restore_failed');
  });
});

import { evictDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { INSPECTION_HISTORY_TRANSITIONS } from './inspection-log';
import { SECRET, TestSocket, advance, call, initRoom, labInit, play, stub, tokens } from './test/helpers';

async function inspector(room: string, token: string): Promise<TestSocket> {
  const socket = await TestSocket.open(room.concat('/inspect'), '');
  socket.send({ type: 'auth', token });
  return socket;
}

describe('the inspection stream', () => {
  it('sends nothing before the auth frame, and refuses players and forged tokens', async () => {
    await initRoom('insp-1');
    const { players } = await tokens('insp-1');
    const silent = await TestSocket.open('insp-1/inspect', '');
    await play('insp-1', 'ana', { type: 'lab.start' });
    await new Promise((r) => setTimeout(r, 100));
    expect(silent.received).toEqual([]);
    silent.close();

    const asPlayer = await inspector('insp-1', players.ana!);
    expect(await asPlayer.waitClosed()).toMatchObject({ code: 4002, reason: 'TOKEN_INVALID' });
    const forged = await inspector('insp-1', 'not-the-lobby-secret');
    expect((await forged.waitClosed()).code).toBe(4002);
    const noToken = await TestSocket.open('insp-1/inspect', '');
    noToken.send({ type: 'hello' });
    expect((await noToken.waitClosed()).code).toBe(4001);
  });

  it('streams actor, event and snapshot events in @statelyai/inspect shapes, with the status', async () => {
    await initRoom('insp-2');
    const { admin } = await tokens('insp-2');
    const socket = await inspector('insp-2', admin);
    const hello = await socket.next((f) => f.type === 'inspect.hello');
    expect(hello.status).toMatchObject({ machine: 'timer-lab@1', value: 'idle' });
    expect(hello.definition.machine).toBe('timer-lab@1');
    expect(hello.definition.root.states.running.after[0]).toMatchObject({ delay: 'ring' });
    // The init was recorded: the root actor and its first snapshot.
    expect(hello.history.map((r: any) => r.event.type)).toEqual(expect.arrayContaining(['@xstate.actor', '@xstate.snapshot']));

    await play('insp-2', 'ana', { type: 'lab.start' });
    const { records } = await socket.next((f) => f.type === 'inspect.records');
    const events = records.map((r: any) => r.event);
    for (const e of events) expect(e).toMatchObject({ rootId: 'root', id: null, _version: '0.7.2', createdAt: expect.any(String) });
    expect(events.find((e: any) => e.type === '@xstate.event' && e.event.type === 'lab.start')).toMatchObject({ sessionId: 'root' });
    expect(events.find((e: any) => e.type === '@xstate.event' && e.event.type === 'lab.start').event.senderId).toBe('ana');
    expect(events.find((e: any) => e.type === '@xstate.actor' && e.sessionId === 'root/ticker')).toMatchObject({
      parentId: 'root',
      name: 'ticker',
    });
    const snapshot = events.filter((e: any) => e.type === '@xstate.snapshot' && e.sessionId === 'root').at(-1);
    expect(snapshot.snapshot.value).toBe('running');
    expect(snapshot.event.type).toBe('lab.start');
    const status = await socket.next((f) => f.type === 'inspect.status');
    expect(status.status.timers).toHaveLength(4);
  });

  it('gives a late inspector the past, across eviction, with the lobby secret too', async () => {
    await initRoom('insp-3');
    await play('insp-3', 'ana', { type: 'lab.start' });
    await play('insp-3', 'ben', { type: 'lab.poke' });
    await evictDurableObject(stub('insp-3'));
    const socket = await inspector('insp-3', SECRET);
    const hello = await socket.next((f) => f.type === 'inspect.hello');
    const eventTypes = hello.history.filter((r: any) => r.event.type === '@xstate.event').map((r: any) => r.event.event.type);
    expect(eventTypes).toEqual(expect.arrayContaining(['lab.start', 'lab.poke']));
    // Restoring after eviction is not a transition and adds nothing.
    const seqs = hello.history.map((r: any) => r.seq);
    expect(Math.max(...seqs)).toBe(hello.status.seq);
  });

  it("rebuilds a late inspector's history, snapshots included, exactly as the records went out live, across eviction", async () => {
    await initRoom('insp-6', labInit({ tickEveryMs: 1_000, ringAfterMs: 3_600_000 }));
    const live = await inspector('insp-6', SECRET);
    const first = await live.next((f) => f.type === 'inspect.hello');
    const sent: any[] = [...first.history];
    await play('insp-6', 'ana', { type: 'lab.start' });
    await play('insp-6', 'ben', { type: 'lab.say', text: 'hello' });
    await play('insp-6', 'ben', { type: 'lab.poke' });
    // 150 ticks in one step: a checkpoint between the records and the present.
    await advance('insp-6', 150_000);
    await play('insp-6', 'cy', { type: 'lab.poke' });
    await evictDurableObject(stub('insp-6'));
    await play('insp-6', 'ana', { type: 'lab.say', text: 'after the eviction' });
    const { json: status } = await call('insp-6', 'status');
    for (;;) {
      const frame = await live.next((f) => f.type === 'inspect.records' || f.type === 'inspect.hello');
      sent.push(...(frame.records ?? []));
      if (sent.at(-1)?.seq === status.seq) break;
    }
    live.close();
    const late = await inspector('insp-6', SECRET);
    const hello = await late.next((f) => f.type === 'inspect.hello');
    expect(hello.history.length).toBeGreaterThan(300);
    expect(hello.history.some((r: any) => r.event.type === '@xstate.snapshot' && r.event.snapshot?.context?.fired?.length === 150)).toBe(
      true,
    );
    expect(hello.history).toEqual(sent);
  });

  it(`keeps only the last ${INSPECTION_HISTORY_TRANSITIONS} transitions`, async () => {
    await initRoom('insp-4', labInit({ tickEveryMs: 1_000, ringAfterMs: 36_000_000 }));
    await play('insp-4', 'ana', { type: 'lab.start' });
    await advance('insp-4', 600_000);
    await play('insp-4', 'ana', { type: 'lab.poke' });
    await advance('insp-4', 600_000);
    await play('insp-4', 'ben', { type: 'lab.poke' });
    const { json: status } = await call('insp-4', 'status');
    const socket = await inspector('insp-4', SECRET);
    const hello = await socket.next((f) => f.type === 'inspect.hello', 20_000);
    const seqs = new Set<number>(hello.history.map((r: any) => r.seq));
    expect(seqs.size).toBe(INSPECTION_HISTORY_TRANSITIONS);
    expect(Math.min(...seqs)).toBe(status.seq - INSPECTION_HISTORY_TRANSITIONS + 1);
    const ns = hello.history.map((r: any) => r.n);
    expect(ns).toEqual([...ns].sort((a, b) => a - b));
    expect(new Set(ns).size).toBe(ns.length);
  });

  it('fires a timer by hand only when developer tools are on', async () => {
    await initRoom('insp-5');
    await play('insp-5', 'ana', { type: 'lab.start' });
    const { json } = await call('insp-5', 'status');
    const task = json.tasks.find((t: any) => t.kind === 'machine-timer');
    const fired = await call('insp-5', 'timers/fire', { body: { taskId: task.id } });
    expect(fired.status).toBe(404);
    expect(fired.json.error.code).toBe('DEV_TOOLS_DISABLED');
  });
});

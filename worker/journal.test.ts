import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { d1JournalSink, JOURNAL_FLUSH_DELAY_MS, JournalOutbox, type JournalFact, type JournalSink } from './journal/outbox';
import { roomStorageOf } from './room-storage';
import { advance, call, initRoom, inRoom, play } from './test/helpers';

/**
 * D1 cannot be made to fail on demand here, so this wrapper around the real D1 sink stands in for
 * an outage: it throws while `down`, and can lose the acknowledgement of a write that did land.
 */
function outage(real: JournalSink) {
  const state = { down: true, loseNextAck: false, calls: 0 };
  const sink: JournalSink = {
    async write(facts) {
      state.calls++;
      if (state.down) throw new Error('D1 is unavailable');
      await real.write(facts);
      if (state.loseNextAck) {
        state.loseNextAck = false;
        throw new Error('connection reset after the write');
      }
    },
  };
  return { sink, state };
}

const journalRows = async (room: string) =>
  (
    await env.DB.prepare('SELECT fact_id, kind FROM journal WHERE room_id = ? ORDER BY seq, fact_id')
      .bind(room)
      .all<{ fact_id: string; kind: string }>()
  ).results;

describe('the journal', () => {
  it('flushes facts to D1 through the outbox, in a batch that waits for the facts after it', async () => {
    await initRoom('journal-1');
    await advance('journal-1', JOURNAL_FLUSH_DELAY_MS - 1_000);
    // Not due yet: the room's first fact waits for its batch, and the next joins it.
    await inRoom('journal-1', (server) => server.alarm());
    await play('journal-1', 'ana', { type: 'lab.start' });
    expect(await journalRows('journal-1')).toEqual([]);
    expect((await call('journal-1', 'status')).json.journalPending).toBe(2);
    await advance('journal-1', 1_000);
    await inRoom('journal-1', (server) => server.alarm());
    expect((await journalRows('journal-1')).map((r) => r.kind)).toEqual(['room.created', 'lab.started']);
    expect((await call('journal-1', 'status')).json.journalPending).toBe(0);
  });

  it('sends in the same flush a fact appended while D1 was writing the batch before it', () =>
    // The outbox alone over a room's SQLite: the room's own alarm would flush it as well and hide the case.
    inRoom('journal-3', async (_server, state) => {
      const outbox = new JournalOutbox(roomStorageOf(state.storage));
      const fact = (n: number): JournalFact => ({
        factId: `j3:${n}`,
        roomId: 'j3',
        machine: 'm@1',
        seq: n,
        kind: `k${n}`,
        data: {},
        at: n,
      });
      outbox.append([fact(1)]);
      const written: string[][] = [];
      const sent = await outbox.flush({
        async write(facts) {
          written.push(facts.map((f) => f.kind));
          // An input runs while D1 writes, and its transition appends a fact (its flush task is this one).
          if (written.length === 1) outbox.append([fact(2)]);
        },
      });
      expect(written).toEqual([['k1'], ['k2']]);
      expect(sent).toBe(2);
      expect(outbox.pending()).toBe(0);
    }));

  it('survives D1 failing for a while: the game goes on, and every fact arrives exactly once', async () => {
    await initRoom('journal-2');
    const { sink, state } = outage(d1JournalSink(env.DB));
    await inRoom('journal-2', (server) => {
      server.journalSink = sink;
    });

    // The game keeps going while D1 is down.
    expect((await play('journal-2', 'ana', { type: 'lab.start' })).type).toBe('ack');
    await advance('journal-2', JOURNAL_FLUSH_DELAY_MS);
    await inRoom('journal-2', (server) => server.alarm());
    expect((await play('journal-2', 'ben', { type: 'lab.stop' })).type).toBe('ack');
    expect((await play('journal-2', 'ben', { type: 'lab.start' })).type).toBe('ack');
    await advance('journal-2', 3_000);
    await inRoom('journal-2', (server) => server.alarm());
    const finish = await call('journal-2', 'admin', { body: { type: 'admin.finish' } });
    expect(finish.status).toBe(200);

    expect(state.calls).toBeGreaterThanOrEqual(2);
    expect(await journalRows('journal-2')).toEqual([]);
    const waiting = await inRoom('journal-2', async (_s, st) => ({
      task: st.storage.sql.exec<{ attempts: number; time: number }>("SELECT attempts, time FROM tasks WHERE kind = 'journal-flush'").one(),
      alarm: await st.storage.getAlarm(),
    }));
    expect(waiting.task.attempts).toBeGreaterThanOrEqual(2);
    expect(waiting.alarm).toBe(waiting.task.time);
    expect((await call('journal-2', 'status')).json.journalPending).toBe(5);

    // D1 comes back, but the first answer is lost after the write landed: the retry must not duplicate.
    state.down = false;
    state.loseNextAck = true;
    await advance('journal-2', 60_000);
    await inRoom('journal-2', (server) => server.alarm());
    await advance('journal-2', 60_000);
    await inRoom('journal-2', (server) => server.alarm());

    const rows = await journalRows('journal-2');
    expect(rows.map((r) => r.kind)).toEqual(['room.created', 'lab.started', 'lab.started', 'admin.action', 'lab.finished']);
    expect(new Set(rows.map((r) => r.fact_id)).size).toBe(rows.length);
    expect((await call('journal-2', 'status')).json.journalPending).toBe(0);
  });
});

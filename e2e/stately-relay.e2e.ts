/**
 * `npm run inspect`'s relay on a live room (the suite's `npm start` server, real sockets):
 * `@statelyai/inspect`'s own `createWebSocketReceiver` connected to it receives every event of the
 * room's inspection stream, the history from before it connected and the live transitions after,
 * one bare event per frame, each `@xstate.actor` event with its snapshot. A refused credential
 * closes the relay, and a browser page (an `Origin`) cannot read it.
 */
import { createWebSocketReceiver } from '@statelyai/inspect';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { WebSocket } from 'ws';
import { defaultDayPlan } from '../machines/pecking-order/v1';
import type { InspectionRecord, StatelyInspectionEvent } from '../protocol';
import { inspectionUrl, startRelay, type Relay } from '../relay/relay';

const baseUrl = inject('baseUrl');
const lobbySecret = inject('lobbySecret');
const relays: Relay[] = [];
const sockets: WebSocket[] = [];

afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  await Promise.all(relays.map((r) => r.close()));
});

async function createGame(): Promise<{ roomId: string; admin: string }> {
  const cast = ['Ada', 'Bram', 'Cleo', 'Dev', 'Edie'].map((name) => ({ name }));
  const response = await fetch(`${baseUrl}/api/games`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${lobbySecret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ cast, manifest: { preset: 'TEST', scheduling: 'ADMIN', days: defaultDayPlan(cast.length) } }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { roomId: string; host: string };
  return { roomId: body.roomId, admin: new URLSearchParams(body.host.split('#')[1]).get('token')! };
}

const advance = async (game: { roomId: string; admin: string }) => {
  const response = await fetch(`${baseUrl}/parties/game-server/${game.roomId}/admin`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${game.admin}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'admin.advance' }),
  });
  expect(response.status, await response.text()).toBeLessThan(300);
};

/** The room's own inspection socket: every record it sends, the truth the relay is checked against. */
async function roomRecords(game: { roomId: string; admin: string }) {
  const records: InspectionRecord[] = [];
  const socket = new WebSocket(inspectionUrl(baseUrl, game.roomId));
  sockets.push(socket);
  socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token: game.admin })));
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.type === 'inspect.hello') records.push(...frame.history);
    if (frame.type === 'inspect.records') records.push(...frame.records);
  });
  return records;
}

async function until(check: () => boolean, what: () => string, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm run inspect (the relay to @statelyai/inspect receivers)', () => {
  it('gives createWebSocketReceiver every event of a live room: the history, then each transition live', async () => {
    const game = await createGame();
    await advance(game); // pregame → day 1: in the history before the receiver connects
    const truth = await roomRecords(game);

    const relay = await startRelay({ url: baseUrl, room: game.roomId, token: game.admin, port: 0 });
    relays.push(relay);
    await relay.ready;
    const received: StatelyInspectionEvent[] = [];
    const receiver = createWebSocketReceiver({ server: `ws://127.0.0.1:${relay.port}` });
    receiver.subscribe((event) => received.push(event as unknown as StatelyInspectionEvent));
    await until(
      () => received.length > 0 && received.length === truth.length,
      () => `${received.length} of ${truth.length} history events`,
    );
    const historySeqs = new Set(truth.map((r) => r.seq));

    // Live: two more transitions, the second spawning the day's children.
    await advance(game);
    await advance(game);
    await until(
      () => truth.some((r) => !historySeqs.has(r.seq)),
      () => 'no live records from the room',
    );
    await new Promise((r) => setTimeout(r, 500)); // let the last frames land on both sockets
    await until(
      () => received.length === truth.length,
      () => `${received.length} of ${truth.length} events`,
    );

    // Exactly the room's events, in order; actor events gain their snapshot and nothing else changes.
    expect(received.map(({ snapshot, ...e }) => (e.type === '@xstate.actor' ? e : { ...e, snapshot }))).toEqual(
      truth.map((r) => r.event).map(({ snapshot, ...e }) => (e.type === '@xstate.actor' ? e : { ...e, snapshot })),
    );
    const actors = received.filter((e) => e.type === '@xstate.actor');
    expect(actors.length).toBeGreaterThan(1);
    for (const event of actors) expect(event.snapshot?.status, JSON.stringify(event)).toBeDefined();
    // Every transition arrived, those from before the receiver connected and those after.
    const seqs = new Set(truth.map((r) => r.seq));
    expect([...seqs].filter((s) => !historySeqs.has(s)).length).toBeGreaterThanOrEqual(2);
    expect(received.filter((e) => e.type === '@xstate.event' && e.event?.type === 'admin.advance')).toHaveLength(3);
  });

  it('closes when the room refuses the credential, and refuses a browser page', async () => {
    const game = await createGame();
    const refused = await startRelay({ url: baseUrl, room: game.roomId, token: 'not-a-credential', port: 0 });
    relays.push(refused);
    expect(await refused.refused).toBe('TOKEN_INVALID');
    await expect(refused.ready).rejects.toThrow(/refused/);

    const relay = await startRelay({ url: baseUrl, room: game.roomId, token: game.admin, port: 0 });
    relays.push(relay);
    await relay.ready;
    const page = new WebSocket(`ws://127.0.0.1:${relay.port}`, { headers: { Origin: 'https://some-page.example' } });
    sockets.push(page);
    const outcome = await new Promise<string>(
      (resolve) => (page.once('open', () => resolve('open')), page.once('error', (e) => resolve(e.message))),
    );
    expect(outcome).toMatch(/401/); // verifyClient's refusal
  });
});

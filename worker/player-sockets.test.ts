import { evictDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { signToken } from './auth';
import { CLOSE_CODES, FRAME_ERRORS, MAX_FRAME_BYTES, MAX_SOCKETS_PER_PLAYER, RATE_BURST } from '../protocol';
import { SECRET, TestSocket, call, initRoom, storedEnvelope, stub, tokens } from './test/helpers';

async function connect(room: string, player: string): Promise<TestSocket> {
  const { players } = await tokens(room);
  const socket = await TestSocket.open(room, `token=${players[player]}`);
  await socket.next((f) => f.type === 'welcome');
  return socket;
}

/** Waits until the room has handled everything sent before: it answers a ping after all earlier frames. */
async function barrier(socket: TestSocket): Promise<void> {
  socket.send({ type: 'ping' });
  await socket.next((f) => f.type === 'pong');
}

async function send(socket: TestSocket, ref: string, event: unknown): Promise<any> {
  socket.send({ type: 'send', ref, event });
  return socket.next((f) => (f.type === 'ack' || f.type === 'error') && f.ref === ref);
}

describe('player connections', () => {
  it('tells everyone who is online: a player counts while any of their sockets is open', async () => {
    await initRoom('sock-presence');
    const ana = await connect('sock-presence', 'ana');
    expect((await ana.next((f) => f.type === 'presence')).online).toEqual(['ana']);
    const ben = await connect('sock-presence', 'ben');
    expect((await ben.next((f) => f.type === 'presence')).online).toEqual(['ana', 'ben']);
    await ana.next((f) => f.type === 'presence' && f.online.length === 2);
    const benTwo = await connect('sock-presence', 'ben');
    await benTwo.next((f) => f.type === 'presence');
    ben.close();
    // Ben's second socket keeps him online: nobody hears a change.
    await barrier(ana);
    benTwo.close();
    expect((await ana.next((f) => f.type === 'presence' && f.online.length === 1)).online).toEqual(['ana']);
    expect(ana.received.filter((f) => f.type === 'presence').map((f) => f.online)).toEqual([['ana'], ['ana', 'ben'], ['ana']]);
  });

  it('refuses missing, forged, expired, other-room and non-roster tokens with documented close codes', async () => {
    await initRoom('sock-1');
    await initRoom('sock-1b');
    const now = Date.now();
    const cases: [string, keyof typeof CLOSE_CODES][] = [
      ['', 'TOKEN_MISSING'],
      [`token=${await signToken('some-other-secret-value', { roomId: 'sock-1', subject: 'ana', role: 'player' }, 600)}`, 'TOKEN_INVALID'],
      [`token=not.a.jwt`, 'TOKEN_INVALID'],
      [`token=${await signToken(SECRET, { roomId: 'sock-1', subject: 'ana', role: 'player' }, 60, now - 3_600_000)}`, 'TOKEN_EXPIRED'],
      [`token=${(await tokens('sock-1b')).players.ana}`, 'TOKEN_WRONG_ROOM'],
      [`token=${await signToken(SECRET, { roomId: 'sock-1', subject: 'zed', role: 'player' }, 600)}`, 'NOT_A_PLAYER'],
    ];
    for (const [query, reason] of cases) {
      const socket = await TestSocket.open('sock-1', query);
      const closed = await socket.waitClosed();
      expect(closed, reason).toEqual({ code: CLOSE_CODES[reason].code, reason });
      expect(
        socket.frames.filter((f) => f.type === 'view'),
        reason,
      ).toEqual([]);
    }
    const never = await TestSocket.open(
      'sock-never',
      `token=${await signToken(SECRET, { roomId: 'sock-never', subject: 'ana', role: 'player' }, 600)}`,
    );
    expect(await never.waitClosed()).toEqual({ code: CLOSE_CODES.ROOM_NOT_FOUND.code, reason: 'ROOM_NOT_FOUND' });
  });

  it('greets a player with their own view and acknowledges an event only after it was persisted', async () => {
    await initRoom('sock-2');
    const { players } = await tokens('sock-2');
    const ana = await TestSocket.open('sock-2', `token=${players.ana}`);
    expect(await ana.next((f) => f.type === 'welcome')).toMatchObject({
      roomId: 'sock-2',
      playerId: 'ana',
      role: 'player',
      machine: 'timer-lab@1',
    });
    expect((await ana.next((f) => f.type === 'view')).view).toMatchObject({ me: 'ana', value: 'idle' });
    const ack = await send(ana, 'a1', { type: 'lab.start' });
    expect(ack.type).toBe('ack');
    const stored = await storedEnvelope('sock-2');
    expect(stored?.snapshot.value).toBe('running');
    expect(ack.seq).toBe(stored?.seq);
  });

  it('sends every connection its own projection after each transition', async () => {
    await initRoom('sock-3');
    const ana = await connect('sock-3', 'ana');
    const ben = await connect('sock-3', 'ben');
    await ana.next((f) => f.type === 'view');
    await ben.next((f) => f.type === 'view');
    const started = await send(ana, 'p0', { type: 'lab.start' });
    for (const [socket, me] of [
      [ana, 'ana'],
      [ben, 'ben'],
    ] as const) {
      // Whole here: for a view this small, the whole is shorter than the patch.
      expect(await socket.next((f) => f.type === 'patch' || f.type === 'view'), me).toMatchObject({
        type: 'view',
        seq: started.seq,
        view: { me, value: 'running' },
      });
    }
    // A small change to a view goes as a patch against the view held.
    const poked = await send(ana, 'p1', { type: 'lab.poke' });
    expect(await ana.next((f) => f.type === 'patch' || f.type === 'view')).toEqual({
      type: 'patch',
      seq: poked.seq,
      base: started.seq,
      ops: [{ op: 'replace', path: '/myPokes', value: 1 }],
    });
    // Asked for it, the whole view comes.
    ana.send({ type: 'resync' });
    expect(await ana.next((f) => f.type === 'view')).toMatchObject({ seq: poked.seq, view: { me: 'ana', value: 'running', myPokes: 1 } });
  });

  it('sets the sender itself: a senderId in the payload is ignored', async () => {
    await initRoom('sock-4');
    const ana = await connect('sock-4', 'ana');
    expect((await send(ana, 's1', { type: 'lab.poke', senderId: 'ben' })).type).toBe('ack');
    expect((await storedEnvelope('sock-4'))?.snapshot.context.pokes).toEqual({ ana: 1 });
  });

  it('answers bad frames with a stable code to the sender only, changing nothing', async () => {
    await initRoom('sock-5');
    const ana = await connect('sock-5', 'ana');
    const ben = await connect('sock-5', 'ben');
    const before = (await storedEnvelope('sock-5'))?.seq;

    ana.send('{not json');
    expect(await ana.next((f) => f.type === 'error')).toMatchObject({ code: 'BAD_FRAME' });
    ana.send({ type: 'teleport' });
    expect(await ana.next((f) => f.type === 'error')).toMatchObject({ code: 'BAD_FRAME' });
    ana.send({ type: 'send', ref: 'big', event: { type: 'lab.say', text: 'x'.repeat(MAX_FRAME_BYTES) } });
    expect(await ana.next((f) => f.type === 'error')).toMatchObject({ code: 'FRAME_TOO_LARGE' });
    expect(await send(ana, 'u1', { type: 'lab.fly' })).toMatchObject({ code: 'INVALID_EVENT' });
    expect(await send(ana, 'u2', { type: 'lab.say', text: 'y'.repeat(281) })).toMatchObject({ code: 'INVALID_EVENT' });
    expect(await send(ana, 'u3', { type: 'admin.finish' })).toMatchObject({ code: 'INVALID_EVENT' });

    // A refusal decided by the machine: the fourth poke.
    for (const ref of ['k1', 'k2', 'k3']) expect((await send(ana, ref, { type: 'lab.poke' })).type).toBe('ack');
    const seqAfterPokes = (await storedEnvelope('sock-5'))?.seq;
    expect(await send(ana, 'k4', { type: 'lab.poke' })).toMatchObject({ type: 'error', code: 'TOO_MANY_POKES' });
    expect((await storedEnvelope('sock-5'))?.seq).toBe(seqAfterPokes);
    expect(seqAfterPokes).toBe(before! + 3);

    ben.send({ type: 'ping' });
    await ben.next((f) => f.type === 'pong');
    expect(ben.frames.concat([]).filter((f) => f.type === 'error')).toEqual([]);
  });

  it('answers a flood with RATE_LIMITED and drops the excess', async () => {
    await initRoom('sock-6');
    const ana = await connect('sock-6', 'ana');
    for (let i = 0; i < 40; i++) ana.send({ type: 'send', ref: `f${i}`, event: { type: 'lab.say', text: `flood ${i}` } });
    const answered = () => ana.received.filter((f) => f.ref?.startsWith('f') || f.code === 'RATE_LIMITED').length;
    for (let waited = 0; answered() < 40 && waited < 3_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    const limited = ana.received.filter((f) => f.code === 'RATE_LIMITED').length;
    const handled = ana.received.filter((f) => f.type === 'ack' && f.ref?.startsWith('f')).length;
    expect(limited + handled).toBe(40);
    expect(limited).toBeGreaterThanOrEqual(15);
    expect(handled).toBeGreaterThanOrEqual(20);
    // Dropped frames changed nothing: only the handled ones reached the message log.
    const { players } = await tokens('sock-6');
    const reader = await TestSocket.open('sock-6', `token=${players.ben}`);
    const log = await reader.next((f) => f.type === 'messages');
    expect(log.messages).toHaveLength(handled);
  });

  it('delivers chat to its channel only, keeps it out of the snapshot, and catches up from a cursor', async () => {
    await initRoom('sock-7');
    const ana = await connect('sock-7', 'ana');
    const ben = await connect('sock-7', 'ben');
    const cy = await connect('sock-7', 'cy');
    const envelopeBefore = (await call('sock-7', 'status')).json.envelopeBytes;

    await send(ana, 'g1', { type: 'lab.say', text: 'hello all' });
    const group = await cy.next((f) => f.type === 'messages' && f.messages.length > 0);
    expect(group.messages).toMatchObject([{ channel: 'group', from: 'ana', text: 'hello all', members: null }]);

    await send(ana, 'd1', { type: 'lab.say', text: 'psst ben', to: 'ben' });
    const dm = await ben.next((f) => f.type === 'messages' && f.messages.some((m: any) => m.text === 'psst ben'));
    expect(dm.messages[0]).toMatchObject({ from: 'ana', members: ['ana', 'ben'] });
    await send(cy, 'c1', { type: 'lab.say', text: 'after the dm' });
    await cy.next((f) => f.type === 'messages' && f.messages.some((m: any) => m.text === 'after the dm'));
    const cyMessages = cy.received.filter((f) => f.type === 'messages').flatMap((f) => f.messages);
    expect(cyMessages.map((m: any) => m.text)).toEqual(['hello all', 'after the dm']);

    // Under the rate limit's burst: this test is about where messages live, not about flooding.
    for (let i = 0; i < 15; i++) await send(ana, `m${i}`, { type: 'lab.say', text: `message ${i} `.padEnd(280, '.') });
    expect((await call('sock-7', 'status')).json.envelopeBytes).toBe(envelopeBefore);
    expect(JSON.stringify((await storedEnvelope('sock-7'))?.snapshot)).not.toContain('message 5');

    // Reconnect from a cursor: only what came after it, and only what cy may read.
    const cursor = group.cursor;
    const { players } = await tokens('sock-7');
    await evictDurableObject(stub('sock-7'));
    const again = await TestSocket.open('sock-7', `token=${players.cy}&cursor=${cursor}`);
    const caughtUp = await again.next((f) => f.type === 'messages');
    expect(caughtUp.messages[0].text).toBe('after the dm');
    expect(caughtUp.messages.some((m: any) => m.text === 'psst ben')).toBe(false);
    expect(caughtUp.messages).toHaveLength(16);
    again.send({ type: 'sync', after: caughtUp.cursor });
    expect((await again.next((f) => f.type === 'messages')).messages).toEqual([]);
  });

  it('keeps sockets across hibernation: a message after eviction is handled by the restored room', async () => {
    await initRoom('sock-8');
    const ana = await connect('sock-8', 'ana');
    await send(ana, 'h1', { type: 'lab.poke' });
    await evictDurableObject(stub('sock-8'), { webSockets: 'hibernate' });
    expect(await send(ana, 'h2', { type: 'lab.poke' })).toMatchObject({ type: 'ack' });
    expect((await storedEnvelope('sock-8'))?.snapshot.context.pokes).toEqual({ ana: 2 });
  });

  it('tells a player whose own view did not change nothing at all: not even that something happened', async () => {
    await initRoom('sock-9');
    const ana = await connect('sock-9', 'ana');
    const ben = await connect('sock-9', 'ben');
    await ben.next((f) => f.type === 'presence'); // the greeting's presence comes last
    const heard = ben.received.length;
    // ana's pokes are hers alone (like a secret ballot); a chat message changes nobody's view.
    await send(ana, 'poke', { type: 'lab.poke' });
    await send(ana, 'say', { type: 'lab.say', text: 'just talk' });
    await barrier(ben);
    const after = ben.received.slice(heard).filter((f) => f.type !== 'pong');
    expect(after.map((f) => f.type)).toEqual(['messages']);
    expect(after[0].messages.map((m: any) => m.text)).toEqual(['just talk']);
  });

  it('applies a resent action once and answers it as the first time, across a reconnect', async () => {
    await initRoom('sock-10');
    const first = await connect('sock-10', 'ana');
    const acked = await send(first, 'once', { type: 'lab.poke' });
    expect(acked.type).toBe('ack');
    first.close();
    // The ack was lost with the socket; the client sends the same frame again on a new one.
    await evictDurableObject(stub('sock-10'));
    const second = await connect('sock-10', 'ana');
    expect(await send(second, 'once', { type: 'lab.poke' })).toEqual(acked);
    expect((await storedEnvelope('sock-10'))?.snapshot.context.pokes).toEqual({ ana: 1 });
    // A refusal is remembered too: the same ref is not tried again later, when it might pass.
    for (const ref of ['p2', 'p3']) await send(second, ref, { type: 'lab.poke' });
    const refused = await send(second, 'p4', { type: 'lab.poke' });
    expect(refused).toMatchObject({ type: 'error', code: 'TOO_MANY_POKES' });
    expect(await send(second, 'p4', { type: 'lab.poke' })).toEqual(refused);
    // A new ref is a new action.
    expect(await send(second, 'p5', { type: 'lab.poke' })).toMatchObject({ code: 'TOO_MANY_POKES' });
    // Another player's ref of the same name is theirs.
    const ben = await connect('sock-10', 'ben');
    expect((await send(ben, 'once', { type: 'lab.poke' })).type).toBe('ack');
    expect((await storedEnvelope('sock-10'))?.snapshot.context.pokes).toEqual({ ana: 3, ben: 1 });
  });

  it('answers event types that name Object.prototype members as invalid events, with the ref', async () => {
    await initRoom('sock-11');
    const ana = await connect('sock-11', 'ana');
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(await send(ana, `x-${type}`, { type }), type).toMatchObject({ type: 'error', code: 'INVALID_EVENT', ref: `x-${type}` });
    }
    for (const type of ['constructor', '__proto__', 'toString']) {
      const admin = await call('sock-11', 'admin', { body: { type } });
      expect(admin.status, type).toBe(400);
      expect(admin.json.error.code).toBe('INVALID_EVENT');
    }
    expect((await call('sock-11', 'status')).json.lastError).toBeNull();
  });

  it('echoes the ref of a frame it cannot parse', async () => {
    await initRoom('sock-12');
    const ana = await connect('sock-12', 'ana');
    ana.send({ type: 'send', ref: 'half', event: { noType: true } });
    expect(await ana.next((f) => f.type === 'error')).toEqual({
      type: 'error',
      ref: 'half',
      code: 'BAD_FRAME',
      message: FRAME_ERRORS.BAD_FRAME,
    });
    ana.send({ type: 'teleport', ref: 'where' });
    expect(await ana.next((f) => f.type === 'error')).toMatchObject({ ref: 'where', code: 'BAD_FRAME' });
  });

  it(`holds at most ${MAX_SOCKETS_PER_PLAYER} connections per player: a new one closes the oldest`, async () => {
    await initRoom('sock-13');
    const sockets: TestSocket[] = [];
    for (let i = 0; i <= MAX_SOCKETS_PER_PLAYER; i++) {
      sockets.push(await connect('sock-13', 'ana'));
      await barrier(sockets.at(-1)!);
    }
    expect(await sockets[0]!.waitClosed()).toEqual({ code: CLOSE_CODES.TOO_MANY_CONNECTIONS.code, reason: 'TOO_MANY_CONNECTIONS' });
    for (const open of sockets.slice(1)) expect(open.closed).toBeNull();
    expect((await send(sockets.at(-1)!, 'still', { type: 'lab.poke' })).type).toBe('ack');
  });

  it('rate-limits a player across all their connections, not per connection', async () => {
    await initRoom('sock-14');
    const a = await connect('sock-14', 'ana');
    const b = await connect('sock-14', 'ana');
    await barrier(a);
    await barrier(b);
    const [fromA, fromB] = [a.received.length, b.received.length];
    for (let i = 0; i < RATE_BURST; i++) {
      a.send({ type: 'sync', after: 0 });
      b.send({ type: 'sync', after: 0 });
    }
    await barrier(a);
    await barrier(b);
    const answers = [...a.received.slice(fromA), ...b.received.slice(fromB)].filter((f) => f.type !== 'pong');
    const served = answers.filter((f) => f.type === 'messages').length;
    const limited = answers.filter((f) => f.type === 'error' && f.code === 'RATE_LIMITED').length;
    expect(served + limited).toBe(2 * RATE_BURST);
    // One bucket for the player: two per-connection buckets would have served all 2 × burst.
    expect(limited).toBeGreaterThan(0);
  });
});

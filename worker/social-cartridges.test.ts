/**
 * pecking-order@2's confession booth, whispers and nudges in a real room (workerd): what each
 * player's socket receives, live and on catch-up after a reconnect and an eviction, and that the
 * room's secret and a confession's author reach no player.
 */
import { evictDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { makeRoster } from '../machines/pecking-order/testing/fixtures';
import { call, inRoom, initRoom, stub, TestSocket, tokens } from './test/helpers';

const SOCIAL = ['CONFESSIONS', 'WHISPERS', 'NUDGES'];

/** A pecking-order@2 room (p1…p4, ADMIN-scheduled) on day 1's morning, with the three social cartridges. */
async function socialRoom(room: string): Promise<Record<string, string>> {
  await initRoom(room, {
    machine: 'pecking-order@2',
    roster: makeRoster(4),
    manifest: {
      preset: 'TEST',
      scheduling: 'ADMIN',
      days: [{ voteType: 'MAJORITY', cartridges: SOCIAL }, { voteType: 'MAJORITY', cartridges: SOCIAL }, { voteType: 'FINALS' }],
    },
  });
  expect((await call(room, 'admin', { method: 'POST', body: { type: 'admin.advance' } })).status).toBe(200);
  return (await tokens(room)).players;
}

async function connect(room: string, token: string, cursor?: number): Promise<TestSocket> {
  const socket = await TestSocket.open(room, `token=${token}${cursor === undefined ? '' : `&cursor=${cursor}`}`);
  await socket.next((f) => f.type === 'welcome');
  await socket.next((f) => f.type === 'messages');
  return socket;
}

let refs = 0;
async function send(socket: TestSocket, event: unknown): Promise<any> {
  const ref = `s${++refs}`;
  socket.send({ type: 'send', ref, event });
  return socket.next((f) => (f.type === 'ack' || f.type === 'error') && f.ref === ref);
}

const newMessages = (socket: TestSocket) => socket.next((f) => f.type === 'messages' && f.messages.length > 0);

/** Everything a socket received since `from`, as text: for "it never said X" checks. */
const heard = (socket: TestSocket, from = 0) => JSON.stringify(socket.received.slice(from));

describe('the social cartridges in a room', () => {
  it('delivers a whisper to everyone sealed but to its two ends, live and on catch-up after an eviction', async () => {
    const room = 'social-whisper';
    const players = await socialRoom(room);
    const [p1, p2, p3] = (await Promise.all(['p1', 'p2', 'p3'].map((id) => connect(room, players[id]!)))) as [
      TestSocket,
      TestSocket,
      TestSocket,
    ];
    expect((await send(p1, { type: 'whisper.send', to: 'p2', text: 'vote out p4' })).type).toBe('ack');
    const toP2 = (await newMessages(p2)).messages[0];
    expect(toP2).toMatchObject({ channel: 'group', members: null, from: 'p1', to: 'p2', kind: 'whisper', text: 'vote out p4' });
    expect(toP2.sealed).toBeUndefined();
    const toP3 = (await newMessages(p3)).messages[0];
    expect(toP3).toEqual({ ...toP2, text: '', sealed: true });
    expect(heard(p3)).not.toContain('vote out p4');

    // A reply quoting the whisper quotes it sealed for p3 (and whole for p2).
    expect((await send(p3, { type: 'chat.reply', replyTo: toP2.seq, text: 'what was that?' })).type).toBe('ack');
    expect((await newMessages(p3)).messages[0].replyTo).toEqual({ seq: toP2.seq, from: 'p1', text: '', sealed: true });
    expect((await newMessages(p2)).messages[0].replyTo).toEqual({ seq: toP2.seq, from: 'p1', text: 'vote out p4' });

    for (const s of [p1, p2, p3]) s.close();
    await evictDurableObject(stub(room));
    // Back from the start: p3 catches up with the whisper still sealed; p2 reads it.
    const back3 = await TestSocket.open(room, `token=${players.p3}`);
    await back3.next((f) => f.type === 'welcome');
    const caught3 = (await back3.next((f) => f.type === 'messages')).messages;
    expect(caught3.map((m: any) => [m.kind ?? 'post', m.text, m.sealed ?? false])).toEqual([
      ['whisper', '', true],
      ['post', 'what was that?', false],
    ]);
    expect(caught3[1].replyTo).toMatchObject({ text: '', sealed: true });
    expect(heard(back3)).not.toContain('vote out p4');
    const back2 = await TestSocket.open(room, `token=${players.p2}&cursor=0`);
    await back2.next((f) => f.type === 'welcome');
    expect((await back2.next((f) => f.type === 'messages')).messages[0]).toMatchObject({ text: 'vote out p4', kind: 'whisper' });
    // From a cursor past it, a reconnect brings nothing of it again.
    const later = await connect(room, players.p3!, caught3[1].seq);
    expect(later.received.filter((f) => f.type === 'messages').flatMap((f) => f.messages)).toEqual([]);
    for (const s of [back3, back2, later]) s.close();
  });

  it('tells a nudge to its target alone: a third player hears nothing at all', async () => {
    const room = 'social-nudge';
    const players = await socialRoom(room);
    const [p1, p2, p3] = (await Promise.all(['p1', 'p2', 'p3'].map((id) => connect(room, players[id]!)))) as [
      TestSocket,
      TestSocket,
      TestSocket,
    ];
    const quiet = p3.received.length;
    expect((await send(p1, { type: 'nudge.send', to: 'p2' })).type).toBe('ack');
    const change = await p2.next((f) => f.type === 'patch' || f.type === 'view');
    expect(JSON.stringify(change)).toContain('"p1"');
    expect(await send(p1, { type: 'nudge.send', to: 'p2' })).toMatchObject({ type: 'error', code: 'ALREADY_NUDGED' });
    expect(await send(p1, { type: 'nudge.send', to: 'p1' })).toMatchObject({ type: 'error', code: 'INVALID_TARGET' });
    // p3 got no frame from any of it (a ping round-trip proves the socket is live and in order).
    p3.send({ type: 'ping' });
    await p3.next((f) => f.type === 'pong');
    // (Presence frames say who has a socket open: unrelated to the nudge.)
    expect(
      p3.received
        .slice(quiet)
        .map((f) => f.type)
        .filter((t) => t !== 'presence'),
    ).toEqual(['pong']);
    for (const s of [p1, p2, p3]) s.close();
  });

  it('posts confessions under handles that no player can link to their author, and keeps the secret in the room', async () => {
    // Two rooms alike but for who confesses: p3's frames of the confession differ only in the handle.
    const rooms = ['social-confess-a', 'social-confess-b'];
    const authors = ['p1', 'p2'];
    const seen: any[][] = [];
    const handles: string[] = [];
    for (const [i, room] of rooms.entries()) {
      const players = await socialRoom(room);
      const author = await connect(room, players[authors[i]!]!);
      const reader = await connect(room, players.p3!);
      const from = reader.received.length;
      expect((await send(author, { type: 'confession.post', text: 'I voted for myself.' })).type).toBe('ack');
      const message = (await newMessages(reader)).messages[0];
      expect(message).toMatchObject({ channel: 'confessions', members: null, kind: 'confession', text: 'I voted for myself.' });
      // A handle of the day's word lists, not anything that names a player.
      expect(message.from).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      handles.push(message.from);
      reader.send({ type: 'ping' });
      await reader.next((f) => f.type === 'pong');
      // Presence (whose socket is open, here the author's) is unrelated to the confession.
      seen.push(reader.received.slice(from).filter((f) => f.type !== 'pong' && f.type !== 'presence'));
      // The author's own view names their handle; the reader's never does.
      const mine = await author.next((f) => f.type === 'patch' || f.type === 'view');
      expect(JSON.stringify(mine)).toContain(message.from);
      expect(heard(reader).replace(JSON.stringify(message.from), '')).not.toContain(message.from);
      author.close();
      reader.close();
    }
    const neutral = (frames: any[], handle: string) =>
      JSON.stringify(frames)
        .replaceAll(JSON.stringify(handle), '"<handle>"')
        .replace(/"at":\d+/g, '"at":0');
    expect(neutral(seen[0]!, handles[0]!)).toBe(neutral(seen[1]!, handles[1]!));

    // What the room stores for the confession is the handle, never the author; the secret is in its own table only.
    const stored = await inRoom(rooms[0]!, (_, state) => ({
      messages: state.storage.sql.exec('SELECT sender, kind FROM messages').toArray(),
      secret: String(state.storage.sql.exec('SELECT secret FROM room_secret').one().secret),
    }));
    expect(stored.messages).toEqual([{ sender: handles[0], kind: 'confession' }]);
    expect(stored.secret).toMatch(/^[0-9a-f]{64}$/);
    const status = await call(rooms[0]!, 'status');
    const history = await call(rooms[0]!, 'history');
    expect(status.status).toBe(200);
    expect(JSON.stringify(status.json)).not.toContain(stored.secret);
    expect(JSON.stringify(history.json)).not.toContain(stored.secret);
    // The history (admins only) records the tag, which a replay gives the machine again.
    const entry = history.json.entries.find((e: any) => e.input.event?.type === 'confession.post');
    expect(entry.input.tag).toMatch(/^[0-9a-f]{64}$/);

    // After an eviction the room derives the same tags from the same stored secret: the same handle all day.
    await evictDurableObject(stub(rooms[0]!));
    const players = await tokens(rooms[0]!);
    const again = await connect(rooms[0]!, players.players.p1!);
    expect((await send(again, { type: 'confession.post', text: 'Still me.' })).type).toBe('ack');
    expect((await newMessages(again)).messages[0].from).toBe(handles[0]);
    again.close();
  });

  it('derives the tags at the first player frame after a wake, not on the wake: a greeting writes and signs nothing', async () => {
    const room = 'social-tags-on-demand';
    const players = await socialRoom(room);
    // A room created before rooms had a secret: its first use of tags makes one.
    await inRoom(room, (_, state) => state.storage.sql.exec('DELETE FROM room_secret'));
    await evictDurableObject(stub(room));
    const p1 = await connect(room, players.p1!);
    const secretRows = () => inRoom(room, (_, state) => state.storage.sql.exec('SELECT count(*) AS n FROM room_secret').one().n);
    expect(await secretRows()).toBe(0);
    // The confession is the first player frame: the room derives the tags (making the secret) before the host takes it.
    expect((await send(p1, { type: 'confession.post', text: 'First frame.' })).type).toBe('ack');
    expect((await newMessages(p1)).messages[0].from).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(await secretRows()).toBe(1);
    p1.close();
  });
});

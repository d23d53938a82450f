import { evictDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { makeInit } from '../machines/pecking-order/testing/fixtures';
import { MessageLog } from './message-log';
import { roomStorageOf } from './room-storage';
import { call, initRoom, inRoom, stub, TestSocket, tokens } from './test/helpers';

/** An ADMIN-scheduled pecking-order@1 room (p1…p4): it moves only when the test says so. */
async function chatRoom(room: string): Promise<Record<string, string>> {
  await initRoom(room, {
    machine: 'pecking-order@1',
    ...makeInit(4, { scheduling: 'ADMIN', days: [{ voteType: 'MAJORITY' }, { voteType: 'FINALS' }] }),
  });
  return (await tokens(room)).players;
}

async function connect(room: string, token: string, cursor?: number): Promise<TestSocket> {
  const socket = await TestSocket.open(room, `token=${token}${cursor === undefined ? '' : `&cursor=${cursor}`}`);
  await socket.next((f) => f.type === 'welcome');
  await socket.next((f) => f.type === 'messages');
  return socket;
}

/** Waits for the `reactions` frame that says `expected` (earlier ones, of the socket's own toggles, are skipped). */
async function nextReactions(socket: TestSocket, expected: unknown): Promise<void> {
  const json = JSON.stringify(expected);
  await socket.next((f) => f.type === 'reactions' && JSON.stringify(f.messages) === json);
}

let refs = 0;
async function send(socket: TestSocket, event: unknown, ref = `r${++refs}`): Promise<any> {
  socket.send({ type: 'send', ref, event });
  return socket.next((f) => (f.type === 'ack' || f.type === 'error') && f.ref === ref);
}

describe('reactions, replies and mentions in the room', () => {
  it('stores a toggled reaction beside the message, delivers its count to everyone, and applies a resent action once', async () => {
    const players = await chatRoom('chat-1');
    const p1 = await connect('chat-1', players.p1!);
    const p2 = await connect('chat-1', players.p2!);
    expect((await send(p1, { type: 'chat.post', text: 'hello @Player 2', mentions: ['p2'] })).type).toBe('ack');
    const posted = (await p2.next((f) => f.type === 'messages' && f.messages.length > 0)).messages[0];
    expect(posted).toMatchObject({ seq: 1, from: 'p1', mentions: ['p2'] });

    expect((await send(p2, { type: 'chat.react', seq: 1, emoji: '👍' }, 'same')).type).toBe('ack');
    await nextReactions(p1, [{ seq: 1, reactions: [{ emoji: '👍', players: ['p2'] }] }]);
    // The same ref again: answered as before, not toggled back.
    expect((await send(p2, { type: 'chat.react', seq: 1, emoji: '👍' }, 'same')).type).toBe('ack');
    await send(p1, { type: 'chat.react', seq: 1, emoji: '👍' });
    await nextReactions(p2, [{ seq: 1, reactions: [{ emoji: '👍', players: ['p2', 'p1'] }] }]);
    // A new ref takes it back.
    await send(p2, { type: 'chat.react', seq: 1, emoji: '👍' });
    await nextReactions(p1, [{ seq: 1, reactions: [{ emoji: '👍', players: ['p1'] }] }]);
    // Four sends, one resent: three toggles reached p1, never a fourth.
    expect(p1.received.filter((f) => f.type === 'reactions')).toHaveLength(3);

    expect(await send(p1, { type: 'chat.react', seq: 42, emoji: '👍' })).toMatchObject({ type: 'error', code: 'MESSAGE_NOT_FOUND' });
    p1.close();
    p2.close();
  });

  it('a reply is delivered with its quote; reactions and replies are caught up on reconnect, across an eviction', async () => {
    const players = await chatRoom('chat-2');
    const p1 = await connect('chat-2', players.p1!);
    await send(p1, { type: 'chat.post', text: 'who is in?' });
    await send(p1, { type: 'chat.reply', replyTo: 1, text: 'me, obviously' });
    const reply = (await p1.next((f) => f.type === 'messages' && f.messages.some((m: any) => m.seq === 2))).messages[0];
    expect(reply).toMatchObject({ seq: 2, replyTo: { seq: 1, from: 'p1', text: 'who is in?' } });

    // p3 saw seq 1 and 2, went away; meanwhile a reaction on seq 1.
    await send(p1, { type: 'chat.react', seq: 1, emoji: '😂' });
    p1.close();
    await evictDurableObject(stub('chat-2'));

    const fresh = await TestSocket.open('chat-2', `token=${players.p3}`);
    await fresh.next((f) => f.type === 'welcome');
    const all = (await fresh.next((f) => f.type === 'messages')).messages;
    expect(all.map((m: any) => [m.seq, m.reactions ?? [], m.replyTo?.seq ?? null])).toEqual([
      [1, [{ emoji: '😂', players: ['p1'] }], null],
      [2, [], 1],
    ]);
    fresh.close();

    const back = await TestSocket.open('chat-2', `token=${players.p3}&cursor=2`);
    await back.next((f) => f.type === 'welcome');
    expect((await back.next((f) => f.type === 'reactions')).messages).toEqual([{ seq: 1, reactions: [{ emoji: '😂', players: ['p1'] }] }]);
    expect((await back.next((f) => f.type === 'messages')).messages).toEqual([]);
    back.close();
  });

  it('a DM reaction reaches only its members, and an outsider cannot tell the DM exists', async () => {
    const room = 'chat-3';
    const players = await chatRoom(room);
    // Day 1's social phase, when DMs open.
    for (let i = 0; i < 2; i++) await call(room, 'admin', { method: 'POST', body: { type: 'admin.advance' } });
    const p1 = await connect(room, players.p1!);
    const p2 = await connect(room, players.p2!);
    const p3 = await connect(room, players.p3!);
    expect((await send(p1, { type: 'dm.send', to: 'p2', text: 'psst' })).type).toBe('ack');
    const dm = (await p2.next((f) => f.type === 'messages' && f.messages.length > 0)).messages[0];
    await send(p2, { type: 'chat.react', seq: dm.seq, emoji: '❤️' });
    expect((await p1.next((f) => f.type === 'reactions')).messages[0].seq).toBe(dm.seq);
    const outsider = await send(p3, { type: 'chat.react', seq: dm.seq, emoji: '❤️' });
    const missing = await send(p3, { type: 'chat.react', seq: 999, emoji: '❤️' });
    expect({ ...outsider, ref: '' }).toEqual({ ...missing, ref: '' });
    await send(p3, { type: 'chat.post', text: 'anyone?' });
    await p3.next((f) => f.type === 'messages' && f.messages.length > 0);
    expect(p3.received.filter((f) => f.type === 'reactions')).toEqual([]);
    for (const s of [p1, p2, p3]) s.close();

    const again = await TestSocket.open(room, `token=${players.p3}&cursor=${dm.seq + 1}`);
    await again.next((f) => f.type === 'messages');
    expect(again.received.filter((f) => f.type === 'reactions')).toEqual([]);
    again.close();
  });

  it('/status carries the host summary and chat counts, and no ballot choice', async () => {
    const room = 'chat-4';
    const players = await chatRoom(room);
    const p1 = await connect(room, players.p1!);
    await send(p1, { type: 'chat.post', text: 'hi' });
    await send(p1, { type: 'chat.react', seq: 1, emoji: '👍' });
    // Morning, social, voting.
    for (let i = 0; i < 3; i++) await call(room, 'admin', { method: 'POST', body: { type: 'admin.advance' } });
    expect((await send(p1, { type: 'vote.cast', target: 'p3' })).type).toBe('ack');
    const status = (await call(room, 'status')).json;
    expect(status.host).toMatchObject({ stage: 'Day 1 · Voting', hostAdvances: true, vote: { open: true, voted: ['p1'] } });
    expect(status.chat).toEqual({ groupMessages: 1, dmMessages: 0, dmConversations: 0, reactions: 1 });
    expect(JSON.stringify(status)).not.toMatch(/"target"|"ballots"/);
    p1.close();
  });

  it('a room stored before replies and mentions gets their columns, and keeps its messages', async () => {
    await inRoom('chat-old', (_server, state) => {
      const sql = state.storage.sql;
      // The table as rooms created before replies had it.
      sql.exec('DROP TABLE IF EXISTS messages');
      sql.exec(`CREATE TABLE messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, channel TEXT NOT NULL, members TEXT,
        sender TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL)`);
      sql.exec("INSERT INTO messages (channel, members, sender, text, at) VALUES ('group', NULL, 'p1', 'old', 1)");
      const log = new MessageLog(roomStorageOf(state.storage));
      const reply = log.append({ channel: 'group', members: null, from: 'p2', text: 'new', at: 2, replyTo: 1, mentions: ['p1'] });
      expect(reply).toEqual({
        seq: 2,
        channel: 'group',
        members: null,
        from: 'p2',
        text: 'new',
        at: 2,
        replyTo: { seq: 1, from: 'p1', text: 'old' },
        mentions: ['p1'],
      });
      expect(log.after('p3', 0).map((m) => m.text)).toEqual(['old', 'new']);
      // A second wake finds the columns there and changes nothing.
      expect(() => new MessageLog(roomStorageOf(state.storage))).not.toThrow();
    });
  });
});

describe('the message log', () => {
  // `append` builds what it returns instead of reading the row back: this fails when the two part.
  it('returns from append exactly what reading the message back gives', () =>
    inRoom('chat-log-1', (_server, state) => {
      const log = new MessageLog(roomStorageOf(state.storage));
      const appended = [
        log.append({ channel: 'group', members: null, from: 'p1', text: 'hello', at: 1 }),
        log.append({ channel: 'group', members: null, from: 'p2', text: 'hi @p1', at: 2, mentions: ['p1'] }),
        log.append({ channel: 'dm:p1:p2', members: ['p1', 'p2'], from: 'p1', text: 'psst', at: 3, mentions: [] }),
        log.append({ channel: 'group', members: null, from: 'p3', text: 're', at: 4, replyTo: 1 }),
        // The kinds of pecking-order@2 (a missing `kind` once delivered a whisper unsealed to everyone).
        log.append({ channel: 'group', members: null, from: 'p1', text: 'psst', at: 5, kind: 'whisper', to: 'p2' }),
        log.append({ channel: 'confessions', members: null, from: 'Violet Heron', text: 'I lied', at: 6, kind: 'confession' }),
      ];
      expect(appended.map((m) => JSON.stringify(m))).toEqual(log.after(null, 0).map((m) => JSON.stringify(m)));
      expect(appended[3]).toMatchObject({ replyTo: { seq: 1, from: 'p1', text: 'hello' } });
    }));
});

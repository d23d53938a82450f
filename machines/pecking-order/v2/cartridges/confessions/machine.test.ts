import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { RoomEffect } from '../../../../machine-version';
import { CONFESSION_LIMIT, CONFESSIONS_CHANNEL } from './rule';
import { confessionsMachine, type ConfessionsEvent } from './machine';
import { confessionsView } from './view';

const players = ['p1', 'p2', 'p3'];
const cartridgeContext = { alive: players.map((playerId) => ({ playerId, silver: 50 })) };

function booth(day = 1) {
  const actor = createActor(confessionsMachine, { input: { day, name: 'CONFESSIONS', seed: 'room:1', players, theme: null } });
  const effects: RoomEffect[] = [];
  actor.on('*', (e) => effects.push(e as RoomEffect));
  actor.start();
  const post = (senderId: string, text: string, senderTag: string | null = `tag-${senderId}`) => {
    effects.length = 0;
    actor.send({ type: 'confession.post', senderId, text, senderTag, cartridgeContext } as ConfessionsEvent);
    return [...effects];
  };
  return { actor, post };
}

describe('the confession booth', () => {
  it('posts under the sender’s handle, never their id, the same handle all day', () => {
    const { actor, post } = booth();
    const [first] = post('p1', 'I voted for myself.');
    expect(first).toMatchObject({ type: 'room.message', channel: CONFESSIONS_CHANNEL, members: null, kind: 'confession' });
    const handle = (first as { from: string }).from;
    expect(handle).not.toContain('p1');
    expect(JSON.stringify(first)).not.toContain('p1');
    expect((post('p1', 'And again.')[0] as { from: string }).from).toBe(handle);
    expect((post('p2', 'Not me.')[0] as { from: string }).from).not.toBe(handle);
    expect(actor.getSnapshot().context.count).toBe(3);
  });

  it('gives a tag a handle that does not depend on who else posted first, unless it collides', () => {
    const a = booth();
    const b = booth();
    b.post('p2', 'first');
    expect((a.post('p1', 'x')[0] as { from: string }).from).toBe((b.post('p1', 'x')[0] as { from: string }).from);
  });

  it('refuses over the daily limit, without a tag, and when eliminated', () => {
    const { actor, post } = booth();
    for (let i = 0; i < CONFESSION_LIMIT; i++) post('p1', `confession ${i}`);
    expect(post('p1', 'one more')).toEqual([expect.objectContaining({ type: 'room.refuse', to: 'p1', code: 'CONFESSION_LIMIT' })]);
    expect(post('p2', 'no tag', null)).toEqual([expect.objectContaining({ code: 'NO_HANDLE' })]);
    effectsOfOut(actor);
  });

  it('closes with its public count, and its view tells a player only their own handle', () => {
    const { actor, post } = booth();
    const handle = (post('p1', 'secret')[0] as { from: string }).from;
    const ctx = actor.getSnapshot().context;
    const view = (playerId: string, child: typeof ctx | null = ctx, results: { confessions: number } | null = null) =>
      confessionsView({ name: 'CONFESSIONS', child, results, playerId, alive: true });
    expect(view('p1')).toEqual({
      slot: 'confessions',
      name: 'CONFESSIONS',
      open: true,
      canPost: true,
      left: CONFESSION_LIMIT - 1,
      myHandle: handle,
      count: 1,
      results: null,
    });
    expect(view('p2')).toMatchObject({ left: CONFESSION_LIMIT, myHandle: null, count: 1 });
    expect(JSON.stringify(view('p2'))).not.toContain(handle);
    actor.send({ type: 'cartridge.close', cartridgeContext });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ name: 'CONFESSIONS', silver: {}, results: { confessions: 1 } });
    expect(view('p1', null, { confessions: 1 })).toMatchObject({ open: false, canPost: false, myHandle: null, count: 1 });
  });
});

function effectsOfOut(actor: ReturnType<typeof booth>['actor']) {
  const effects: RoomEffect[] = [];
  actor.on('*', (e) => effects.push(e as RoomEffect));
  actor.send({
    type: 'confession.post',
    senderId: 'p3',
    text: 'out',
    senderTag: 'tag-p3',
    cartridgeContext: { alive: cartridgeContext.alive.filter((p) => p.playerId !== 'p3') },
  });
  expect(effects).toEqual([expect.objectContaining({ code: 'NOT_ALIVE' })]);
}

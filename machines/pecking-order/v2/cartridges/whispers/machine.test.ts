import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { RoomEffect } from '../../../../machine-version';
import { WHISPER_LIMIT } from './rule';
import { whispersMachine } from './machine';
import { whispersView } from './view';

const players = ['p1', 'p2', 'p3'];
const cartridgeContext = { alive: players.map((playerId) => ({ playerId, silver: 50 })) };

function whispers() {
  const actor = createActor(whispersMachine, { input: { day: 1, name: 'WHISPERS', seed: 's', players, theme: null } });
  const effects: RoomEffect[] = [];
  actor.on('*', (e) => effects.push(e as RoomEffect));
  actor.start();
  const send = (senderId: string, to: string, text: string) => {
    effects.length = 0;
    actor.send({ type: 'whisper.send', senderId, to, text, cartridgeContext });
    return [...effects];
  };
  return { actor, send };
}

describe('whispers', () => {
  it('become one group chat message of kind whisper from the sender to the addressee', () => {
    const { actor, send } = whispers();
    expect(send('p1', 'p2', 'vote p3')).toEqual([
      { type: 'room.message', channel: 'group', members: null, from: 'p1', to: 'p2', text: 'vote p3', kind: 'whisper' },
    ]);
    // The text never enters the context.
    expect(JSON.stringify(actor.getSnapshot().context)).not.toContain('vote p3');
    const view = (playerId: string) =>
      whispersView({ name: 'WHISPERS', child: actor.getSnapshot().context, results: null, playerId, alive: true });
    expect(view('p1')).toEqual({
      slot: 'whispers',
      name: 'WHISPERS',
      open: true,
      left: WHISPER_LIMIT - 1,
      canWhisper: true,
      results: null,
    });
    expect(view('p3')).toMatchObject({ left: WHISPER_LIMIT });
  });

  it('refuses self, strangers and more than the day’s whispers', () => {
    const { actor, send } = whispers();
    expect(send('p1', 'p1', 'hi')).toEqual([expect.objectContaining({ type: 'room.refuse', code: 'INVALID_TARGET' })]);
    expect(send('p1', 'p9', 'hi')).toEqual([expect.objectContaining({ code: 'INVALID_TARGET' })]);
    for (let i = 0; i < WHISPER_LIMIT; i++) send('p1', 'p2', `w${i}`);
    expect(send('p1', 'p2', 'more')).toEqual([expect.objectContaining({ code: 'WHISPER_LIMIT' })]);
    actor.send({ type: 'cartridge.close', cartridgeContext });
    expect(actor.getSnapshot().output).toEqual({ name: 'WHISPERS', silver: {}, results: { whispers: WHISPER_LIMIT } });
  });
});

import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { RoomEffect } from '../../../../machine-version';
import { nudgesMachine } from './machine';
import { nudgeNotices } from './notices';
import { nudgesView } from './view';

const players = ['p1', 'p2', 'p3'];
const cartridgeContext = { alive: players.map((playerId) => ({ playerId, silver: 50 })) };

function nudges() {
  const actor = createActor(nudgesMachine, { input: { day: 2, name: 'NUDGES', seed: 's', players, theme: null } });
  const effects: RoomEffect[] = [];
  actor.on('*', (e) => effects.push(e as RoomEffect));
  actor.start();
  const send = (senderId: string, to: string) => {
    effects.length = 0;
    actor.send({ type: 'nudge.send', senderId, to, cartridgeContext });
    return [...effects];
  };
  return { actor, send };
}

describe('nudges', () => {
  it('go once per pair per day, each direction its own', () => {
    const { actor, send } = nudges();
    expect(send('p1', 'p2')).toEqual([]);
    expect(send('p1', 'p2')).toEqual([expect.objectContaining({ type: 'room.refuse', to: 'p1', code: 'ALREADY_NUDGED' })]);
    expect(send('p2', 'p1')).toEqual([]);
    expect(send('p1', 'p3')).toEqual([]);
    expect(send('p3', 'p3')).toEqual([expect.objectContaining({ code: 'INVALID_TARGET' })]);
    expect(actor.getSnapshot().context.nudges).toEqual([
      { from: 'p1', to: 'p2' },
      { from: 'p2', to: 'p1' },
      { from: 'p1', to: 'p3' },
    ]);
  });

  it('are private to the pair in every view, and pushed to the target alone', () => {
    const { actor, send } = nudges();
    const before = actor.getSnapshot().context;
    send('p1', 'p2');
    const after = actor.getSnapshot().context;
    const view = (child: typeof after, playerId: string) => nudgesView({ name: 'NUDGES', child, results: null, playerId, alive: true });
    expect(view(after, 'p1')).toEqual({
      slot: 'nudges',
      name: 'NUDGES',
      open: true,
      canNudge: true,
      sent: ['p2'],
      received: [],
      results: null,
    });
    expect(view(after, 'p2')).toMatchObject({ sent: [], received: ['p1'] });
    // A third player's view is exactly as if nothing happened.
    expect(view(after, 'p3')).toEqual(view(before, 'p3'));
    // The push names nobody: it crosses a push service.
    expect(nudgeNotices(before, after)).toEqual([
      {
        key: 'd2:nudge:p1:p2',
        to: ['p2'],
        title: 'You were nudged',
        body: 'Someone nudged you. Open the game to see who.',
        screen: 'cast',
      },
    ]);
    expect(nudgeNotices(after, after)).toEqual([]);
    actor.send({ type: 'cartridge.close', cartridgeContext });
    expect(actor.getSnapshot().output).toEqual({ name: 'NUDGES', silver: {}, results: {} });
  });
});

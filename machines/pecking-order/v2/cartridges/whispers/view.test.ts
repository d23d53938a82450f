import { describe, expect, it } from 'vitest';
import type { WhispersContext } from './machine';
import { WHISPER_LIMIT } from './rule';
import { whispersView } from './view';

const view = (child: WhispersContext | null, playerId: string, alive = true) =>
  whispersView({ name: 'WHISPERS', child, results: child ? null : { whispers: 2 }, playerId, alive });
const context = (sent: Record<string, number>): WhispersContext => ({ day: 1, name: 'WHISPERS', players: ['p1', 'p2', 'p3'], sent });

describe('the whispers’ view', () => {
  it('gives everyone else the same view whoever whispered', () => {
    expect(view(context({ p1: 2 }), 'p3')).toEqual(view(context({ p2: 2 }), 'p3'));
    expect(view(context({ p1: 2 }), 'p1')).toMatchObject({ left: WHISPER_LIMIT - 2, canWhisper: true });
  });

  it('lets no eliminated player whisper, and none once closed', () => {
    expect(view(context({}), 'p1', false).canWhisper).toBe(false);
    expect(view(null, 'p1')).toMatchObject({ open: false, canWhisper: false, left: 0, results: { whispers: 2 } });
  });
});

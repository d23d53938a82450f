import { describe, expect, it } from 'vitest';
import { finishingOrder } from './standings';
import { dayResult, playerView } from './testing/player-view';

describe('finishingOrder', () => {
  it('lists everyone after the finale: the ranking, then the eliminated, last out first', () => {
    const base = playerView();
    const view = playerView({
      phase: 'gameOver',
      ending: 'FINALS',
      winner: 'p2',
      cast: base.cast.map((member) => ({ ...member, alive: member.playerId === 'p1' || member.playerId === 'p2' })),
      eliminated: ['p4', 'p3'],
      history: [
        dayResult({ day: 1, type: 'MAJORITY', out: 'p4' }),
        dayResult({ day: 2, type: 'MAJORITY', out: 'p3' }),
        dayResult({ day: 3, type: 'FINALS', winner: 'p2', ranking: ['p2', 'p1'] }),
      ],
    });
    expect(finishingOrder(view)).toEqual(['p2', 'p1', 'p3', 'p4']);
  });

  it('after the host ended the game: the survivors by silver, then the eliminated, last out first', () => {
    const base = playerView();
    const view = playerView({
      phase: 'gameOver',
      ending: 'ADMIN',
      cast: base.cast.map((member) => ({ ...member, alive: member.playerId !== 'p3' && member.playerId !== 'p1' })),
      eliminated: ['p3', 'p1'],
    });
    expect(finishingOrder(view)).toEqual(['p2', 'p4', 'p1', 'p3']);
  });
});

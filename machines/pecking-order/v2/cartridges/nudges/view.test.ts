import { describe, expect, it } from 'vitest';
import type { NudgesContext } from './machine';
import { nudgesView } from './view';

const view = (child: NudgesContext | null, playerId: string) =>
  nudgesView({ name: 'NUDGES', child, results: child ? null : {}, playerId, alive: true });
const context = (nudges: NudgesContext['nudges']): NudgesContext => ({ day: 1, name: 'NUDGES', players: ['p1', 'p2', 'p3'], nudges });

describe('the nudges’ view', () => {
  it('shows a nudge to its two players only: a third player’s view is as if there were none', () => {
    const nudged = context([{ from: 'p1', to: 'p2' }]);
    expect(view(nudged, 'p3')).toEqual(view(context([]), 'p3'));
    expect(view(nudged, 'p1')).toMatchObject({ sent: ['p2'], received: [] });
    expect(view(nudged, 'p2')).toMatchObject({ sent: [], received: ['p1'] });
  });

  it('makes nothing public at the close', () => {
    expect(view(null, 'p2')).toMatchObject({ open: false, canNudge: false, sent: [], received: [], results: {} });
  });
});

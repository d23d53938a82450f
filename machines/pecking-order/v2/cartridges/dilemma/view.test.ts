import { describe, expect, it } from 'vitest';
import type { DilemmaContext } from './machine';
import { dilemmaView } from './view';

const child = (name: DilemmaContext['name'], pledges: string[], named: Record<string, string>): DilemmaContext => ({
  day: 1,
  name,
  seed: 's',
  pledges,
  named,
  result: null,
});
const aliveIds = ['p1', 'p2', 'p3', 'p4'];
const view = (c: DilemmaContext, playerId: string) =>
  dilemmaView({ name: c.name, child: c, results: null, playerId, alive: true, aliveIds });

describe('the dilemma view', () => {
  it('shows a donor their own pledge, and nobody how many pledged', () => {
    expect(view(child('SILVER_GAMBIT', ['p1'], {}), 'p1')).toMatchObject({ myPledge: true, needed: 2, results: null });
    expect(view(child('SILVER_GAMBIT', ['p1'], {}), 'p2')).toEqual(view(child('SILVER_GAMBIT', [], {}), 'p2'));
  });

  it('shows a player the name they gave, and nothing of anyone else’s', () => {
    expect(view(child('SPOTLIGHT', [], { p1: 'p3' }), 'p1')).toMatchObject({ myName: 'p3', targets: ['p2', 'p3', 'p4'] });
    expect(view(child('SPOTLIGHT', [], { p1: 'p3', p2: 'p4' }), 'p3')).toEqual(view(child('SPOTLIGHT', [], { p2: 'p1' }), 'p3'));
  });
});

import { describe, expect, it } from 'vitest';
import { seededRandom } from '../rules';
import { peckingOrderV1 } from '../v1';
import { decideBotMove } from './bots';
import { makeInit } from './fixtures';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { advanceTo } from './stepping';

const room = () => new SimulatedRoom({ version: peckingOrderV1, init: makeInit(5, { scheduling: 'ADMIN' }) });

describe('bots', () => {
  it('decide from the view and the rng alone: same inputs, same move', () => {
    const r = room();
    advanceTo(r, 1, 'social');
    const view = r.view('p1');
    const a = decideBotMove(view, seededRandom('x'));
    const b = decideBotMove(structuredClone(view), seededRandom('x'));
    expect(a).toEqual(b);
  });

  it('vote first, with a target their view offers', () => {
    const r = room();
    advanceTo(r, 1, 'voting');
    const view = r.view('p2');
    const move = decideBotMove(view, seededRandom('y'))!;
    expect(move.type).toBe('vote.cast');
    expect(view.vote.targets.target).toContain(move.payload.target);
  });

  it('pick first while the activity is open', () => {
    const r = room();
    advanceTo(r, 1, 'social');
    expect(decideBotMove(r.view('p3'), seededRandom('z'))).toMatchObject({ type: 'activity.pick' });
  });

  it('do nothing once out, outside the finale’s jury vote', () => {
    const days = [{ voteType: 'MAJORITY' as const, activity: 'PLAYER_PICK' as const }, { voteType: 'FINALS' as const }];
    const r = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(5, { scheduling: 'ADMIN', days }) });
    advanceTo(r, 1, 'social');
    expect(r.admin('admin.eliminate', { playerId: 'p5' })).toMatchObject([{ kind: 'admin.eliminated' }]);
    expect(decideBotMove(r.view('p4'), seededRandom('p4'))).toMatchObject({ type: 'activity.pick' });
    for (let i = 0; i < 20; i++) expect(decideBotMove(r.view('p5'), seededRandom(`q${i}`))).toBeNull();
  });
});

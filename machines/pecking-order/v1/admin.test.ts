import { describe, expect, it } from 'vitest';
import { makeInit } from '../testing/fixtures';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { advanceTo } from '../testing/stepping';
import { peckingOrderV1 } from './index';
import type { DaySpec } from './manifest';

const days: DaySpec[] = [{ voteType: 'MAJORITY' }, { voteType: 'MAJORITY' }, { voteType: 'MAJORITY' }, { voteType: 'FINALS' }];
const room = () => new SimulatedRoom({ version: peckingOrderV1, init: makeInit(8, { scheduling: 'ADMIN', days }) });

describe('admin actions, each journaled', () => {
  it('credit and debit; a debit stops at 0', () => {
    const r = room();
    expect(r.admin('admin.credit', { playerId: 'p1', amount: 25 })).toEqual([
      { type: 'room.journal', kind: 'admin.credited', data: { day: 0, playerId: 'p1', requested: 25, applied: 25 } },
    ]);
    expect(r.admin('admin.credit', { playerId: 'p2', amount: -80 })).toEqual([
      { type: 'room.journal', kind: 'admin.credited', data: { day: 0, playerId: 'p2', requested: -80, applied: -50 } },
    ]);
    expect(r.persisted().context.cast.p1.silver).toBe(75);
    expect(r.persisted().context.cast.p2.silver).toBe(0);
  });

  it('eliminate mid-day: the player is out at once and joins the jury', () => {
    const r = room();
    advanceTo(r, 1, 'social');
    expect(r.admin('admin.eliminate', { playerId: 'p3' })).toEqual([
      { type: 'room.journal', kind: 'admin.eliminated', data: { day: 1, playerId: 'p3' } },
    ]);
    expect(r.persisted().context.eliminated).toEqual(['p3']);
    expect(r.persisted().context.cast.p3.alive).toBe(false);
  });

  it('host message: a group message from `admin`, never stored in the machine', () => {
    const r = room();
    const before = r.persisted();
    expect(r.admin('admin.hostMessage', { text: 'Welcome to the coop.' })).toEqual([
      { type: 'room.message', channel: 'group', members: null, from: 'admin', text: 'Welcome to the coop.' },
      { type: 'room.journal', kind: 'admin.hostMessage', data: { day: 0, text: 'Welcome to the coop.' } },
    ]);
    expect(r.persisted()).toEqual(before);
  });

  it('end game: game over at once, without a winner, the pool unpaid', () => {
    const r = room();
    advanceTo(r, 2, 'social');
    expect(r.persisted().context.goldPool).toBe(10);
    const effects = r.admin('admin.endGame');
    expect(effects).toEqual([
      { type: 'room.journal', kind: 'admin.endedGame', data: { day: 2 } },
      { type: 'room.journal', kind: 'phase.changed', data: { day: 2, phase: 'gameOver' } },
      { type: 'room.journal', kind: 'game.over', data: { winner: null, gold: 0, ending: 'ADMIN' } },
    ]);
    const final = r.persisted();
    expect(final).toMatchObject({ status: 'done', value: 'gameOver', context: { winner: null, ending: 'ADMIN', goldPool: 10 } });
    expect(Object.values(final.context.cast).every((seat: any) => seat.gold === 0)).toBe(true);
  });

  it('the finale’s winner cannot be eliminated before game over', () => {
    const r = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(3, { scheduling: 'ADMIN', days: [{ voteType: 'FINALS' }] }) });
    advanceTo(r, 1, 'results');
    const winner = r.persisted().context.history[0].winner;
    expect(r.admin('admin.eliminate', { playerId: winner })).toMatchObject([{ to: 'admin', code: 'NOT_ALLOWED_NOW' }]);
  });
});

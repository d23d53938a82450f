import { describe, expect, it } from 'vitest';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { HostSummary } from '../../../protocol/status';
import { makeInit } from '../testing/fixtures';
import { advanceTo } from '../testing/stepping';
import { hostView } from './host-view';
import { peckingOrderV1 } from './index';

const DAYS = [{ voteType: 'MAJORITY' as const }, { voteType: 'MAJORITY' as const }, { voteType: 'FINALS' as const }];

function room(scheduling: 'ADMIN' | 'PRE_SCHEDULED' = 'ADMIN') {
  return new SimulatedRoom({ version: peckingOrderV1, init: makeInit(5, { scheduling, days: DAYS }) });
}

const summaryOf = (r: SimulatedRoom) => hostView({ snapshot: r.persisted(), init: r.init, timers: r.timers() });

describe('the host summary', () => {
  it('fits the wire schema of /status', () => {
    const r = room('PRE_SCHEDULED');
    expect(HostSummary.parse(summaryOf(r))).toEqual(summaryOf(r));
  });

  it('says what time does next in words, never a state id', () => {
    const r = room('PRE_SCHEDULED');
    expect(summaryOf(r)).toMatchObject({
      stage: 'Before day 1',
      clock: { label: 'Day 1 starts', dueAt: r.timers()[0]!.dueAt },
      hostAdvances: false,
    });
    while (!JSON.stringify(r.persisted().value).includes('voting')) r.advance();
    const summary = summaryOf(r);
    expect(summary.stage).toBe('Day 1 · Voting');
    expect(summary.clock?.label).toBe('Voting closes');
    expect(JSON.stringify(summary)).not.toMatch(/xstate|#game/);
  });

  it('an ADMIN game has no clock: the host advances it', () => {
    expect(summaryOf(room())).toMatchObject({ clock: null, hostAdvances: true });
  });

  it('shows who has voted, never whom: two games differing only in a choice give the same summary', () => {
    const a = room();
    const b = room();
    for (const r of [a, b]) advanceTo(r, 1, 'voting');
    a.sendAs('p1', 'vote.cast', { target: 'p2' });
    b.sendAs('p1', 'vote.cast', { target: 'p3' });
    expect(summaryOf(a).vote).toEqual({ label: 'Majority vote', open: true, voted: ['p1'], eligible: ['p1', 'p2', 'p3', 'p4', 'p5'] });
    expect(summaryOf(a)).toEqual(summaryOf(b));
  });

  it('keeps the nights’ results, and offers host actions only for players still in', () => {
    const r = room();
    advanceTo(r, 1, 'voting');
    for (const voter of ['p1', 'p2', 'p3']) r.sendAs(voter, 'vote.cast', { target: 'p4' });
    advanceTo(r, 2, 'morning');
    const summary = summaryOf(r);
    expect(summary.nights).toEqual([{ day: 1, label: 'Majority vote', out: 'p4', text: expect.stringContaining('p4') }]);
    expect(summary.cast.find((c) => c.playerId === 'p4')).toMatchObject({ alive: false });
    expect(summary.actionTargets.eliminate).not.toContain('p4');
    expect(summary.actionTargets.credit).toEqual(['p1', 'p2', 'p3', 'p5']);
  });
});

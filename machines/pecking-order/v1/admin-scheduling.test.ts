import { describe, expect, it } from 'vitest';
import { makeInit } from '../testing/fixtures';
import { playGame } from '../testing/play';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { advanceTo, spotOf } from '../testing/stepping';
import { peckingOrderV1 } from './index';

describe('an ADMIN-scheduled game', () => {
  const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(8, { preset: 'DEFAULT', scheduling: 'ADMIN' }) });
  const ids = room.init.roster.map((p: { playerId: string }) => p.playerId);
  const timersSeen: number[] = [];
  const phaseEnds = new Set<unknown>();
  playGame(room, ids, {
    onStep: () => {
      timersSeen.push(room.timers().length);
    },
    onView: (view) => phaseEnds.add(view.phaseEndsAt),
  });

  it('is played to the end by admin.advance alone, without the clock moving', () => {
    expect(room.done).toBe(true);
    expect(room.persisted().context.winner).toEqual(expect.any(String));
    expect(room.now).toBe(room.facts.createdAt);
  });

  it('never schedules a timer: the host never held one, nor was asked to store one', () => {
    expect(timersSeen.length).toBeGreaterThan(100);
    expect(new Set(timersSeen)).toEqual(new Set([0]));
    expect(room.results.flatMap((r) => r.timers.added)).toEqual([]);
  });

  it('shows no phase end to players', () => {
    expect([...phaseEnds]).toEqual([null]);
  });

  it('journals every advance as an admin action, from each phase in turn', () => {
    const advances = room.emitted('room.journal').filter((fact) => fact.kind === 'admin.advanced');
    const days = room.init.manifest.days.length;
    // pregame, then 5 steps a day (morning, social, voting, results, night), the finale without a night.
    expect(advances).toHaveLength(1 + 5 * (days - 1) + 4);
    expect(advances.slice(0, 6).map((fact) => fact.data.from)).toEqual(['pregame', 'morning', 'social', 'voting', 'results', 'night']);
  });
});

describe('admin.advance in a PRE_SCHEDULED game', () => {
  it('ends the phase early and replaces its timer with the next phase’s', () => {
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(5, { preset: 'DEFAULT' }) });
    expect(room.timers()).toEqual([
      expect.objectContaining({ actorPath: 'root', event: 'xstate.after.pregameEnds.game.pregame.scheduled' }),
    ]);
    room.admin('admin.advance');
    expect(spotOf(room)).toEqual({ day: 1, spot: 'morning' });
    expect(room.timers()).toEqual([
      {
        actorPath: 'root',
        timerId: 'xstate.after.morningEnds.game.day.phase.morning.scheduled',
        event: 'xstate.after.morningEnds.game.day.phase.morning.scheduled',
        dueAt: room.now + 3_600_000,
      },
    ]);
  });

  it('splits an EXECUTIONER vote into two timed steps', () => {
    const days = [{ voteType: 'EXECUTIONER' as const }, { voteType: 'FINALS' as const }];
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(5, { preset: 'TEST', days }) });
    while (spotOf(room).spot !== 'election') room.advance();
    const election = room.timers()[0]!;
    expect(election.timerId).toBe('xstate.after.electionEnds.game.day.phase.voting.election.scheduled');
    expect(election.dueAt - room.now).toBe(1_500);
    room.advance();
    expect(spotOf(room)).toEqual({ day: 1, spot: 'voting' });
    expect(room.timers()[0]!.timerId).toBe('xstate.after.votingEnds.game.day.phase.voting.ballot.scheduled');
    expect(room.timers()[0]!.dueAt - room.now).toBe(1_500);
  });

  it('advanceTo reaches a phase in an ADMIN game', () => {
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(5, { scheduling: 'ADMIN' }) });
    advanceTo(room, 2, 'social');
    expect(spotOf(room)).toEqual({ day: 2, spot: 'social' });
    expect(room.timers()).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import type { PlayerView } from '../../pecking-order/v1/projection';
import { makeBlitzInit } from '../testing/fixtures';
import { blitzV1 } from './index';

/** A SPRINT game of five in round 1's vote, where p1 voted p3 out and p2 voted p4. */
function inTheVote() {
  const room = new SimulatedRoom({ version: blitzV1, init: makeBlitzInit(5) });
  room.advance(); // round 1: chat
  room.advance(); // round 1: the vote
  room.sendAs('p1', 'vote.cast', { target: 'p3' });
  room.sendAs('p2', 'vote.cast', { target: 'p4' });
  return room;
}

const hostOf = (room: SimulatedRoom) => blitzV1.hostView!({ snapshot: room.persisted(), init: room.init, timers: room.timers() });

describe('the blitz projection', () => {
  it('shows round 1 as pecking-order’s view of a day, called a round, with its end', () => {
    const room = new SimulatedRoom({ version: blitzV1, init: makeBlitzInit(5) });
    room.advance();
    const view = room.view('p1') as PlayerView;
    expect(view).toMatchObject({ dayWord: 'Round', day: 1, dayCount: 4, phase: 'social', activity: null });
    expect(view.open).toEqual({ groupChat: true, dms: true, transfers: true });
    expect(view.phaseEndsAt).toBe(room.timers()[0]!.dueAt);
  });

  it('never shows a ballot before the reveal: only who voted, and each player their own', () => {
    const room = inTheVote();
    const views = ['p1', 'p2', 'p3'].map((id) => room.view(id) as PlayerView);
    for (const view of views) {
      expect(view.vote).toMatchObject({ open: true, voted: ['p1', 'p2'], ballots: null, result: null });
      expect(view.history).toEqual([]);
    }
    expect(views[0]!.vote!.myBallot).toEqual({ target: 'p3' });
    expect(views[1]!.vote!.myBallot).toEqual({ target: 'p4' });
    expect(views[2]!.vote!.myBallot).toBeNull();
    // Nothing in another player's view names whom p1 chose.
    for (const view of views.slice(1)) expect(JSON.stringify(view)).not.toContain('"target":"p3"');
    const host = hostOf(room);
    expect(host.vote).toEqual({ label: 'Majority vote', open: true, voted: ['p1', 'p2'], eligible: ['p1', 'p2', 'p3', 'p4', 'p5'] });
    expect(JSON.stringify(host)).not.toContain('"target"');
  });

  it('reveals every ballot, the result and the elimination at once when the vote closes', () => {
    const room = inTheVote();
    room.sendAs('p5', 'vote.cast', { target: 'p3' });
    room.advance(); // the reveal
    const view = room.view('p2') as PlayerView;
    expect(view.phase).toBe('results');
    expect(view.vote!.ballots).toEqual({ p1: { target: 'p3' }, p2: { target: 'p4' }, p5: { target: 'p3' } });
    expect(view.vote!.result).toMatchObject({ out: 'p3', day: 1 });
    expect(view.cast.find((c) => c.playerId === 'p3')!.alive).toBe(false);
    expect((room.view('p3') as PlayerView).me).toMatchObject({ alive: false, juror: true });
    expect(view.eliminated).toEqual(['p3']);
  });
});

describe('the blitz host view', () => {
  it('says rounds, not days, and what time does next', () => {
    const room = new SimulatedRoom({ version: blitzV1, init: makeBlitzInit(5) });
    expect(hostOf(room)).toMatchObject({ dayWord: 'Round', stage: 'Before round 1', clock: { label: 'Round 1 starts' } });
    room.advance();
    expect(hostOf(room)).toMatchObject({ stage: 'Round 1 · Social', clock: { label: 'Voting opens' } });
    room.advance();
    room.advance();
    expect(hostOf(room)).toMatchObject({ stage: 'Round 1 · Results', clock: { label: 'The next round starts' } });
    while (room.persisted().context.day < 4) room.advance();
    expect(hostOf(room).stage).toBe('Final · Social');
    room.advance();
    room.advance();
    expect(hostOf(room)).toMatchObject({ stage: 'Final · Results', clock: { label: 'The game ends' } });
    room.advance();
    expect(hostOf(room)).toMatchObject({ stage: 'Game over', clock: null, winner: expect.any(String) });
  });

  it('offers no elimination (every round already puts one out) but credit to everyone still in', () => {
    const room = inTheVote();
    expect(hostOf(room).actionTargets).toEqual({ eliminate: [], credit: ['p1', 'p2', 'p3', 'p4', 'p5'] });
  });
});

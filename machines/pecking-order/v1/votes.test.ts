/**
 * Every vote type wired through the day: the vote child is invoked when voting opens, takes the
 * ballots, decides at results with the standings of that moment, and the night applies the result.
 */
import { describe, expect, it } from 'vitest';
import { VOTE_RULES, VOTE_TYPES, type VoteType } from '../rules';
import { makeInit } from '../testing/fixtures';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { advanceTo } from '../testing/stepping';
import { peckingOrderV1 } from './index';
import type { DaySpec } from './manifest';

/** Six players; p1 80, p2 70, p3 60 silver (the top 3), p4–p6 50. Day 1 is `voteType`. */
function voteDay(voteType: VoteType, players = 6) {
  const days: DaySpec[] = [{ voteType }, { voteType: 'MAJORITY' }, { voteType: 'FINALS' }];
  const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(players, { scheduling: 'ADMIN', days }) });
  room.admin('admin.credit', { playerId: 'p1', amount: 30 });
  room.admin('admin.credit', { playerId: 'p2', amount: 20 });
  room.admin('admin.credit', { playerId: 'p3', amount: 10 });
  advanceTo(room, 1, VOTE_RULES[voteType].ballotKinds.includes('elect') ? 'election' : 'voting');
  return room;
}

function cast(room: SimulatedRoom, ballots: Record<string, Record<string, string>>) {
  for (const [voter, ballot] of Object.entries(ballots)) {
    expect(room.sendAs(voter, 'vote.cast', ballot), `${voter} ${JSON.stringify(ballot)}`).toEqual([]);
  }
}

/** Closes the vote, checks the reveal, applies the night; returns the outcome. */
function reveal(room: SimulatedRoom) {
  advanceTo(room, room.persisted().context.day, 'results');
  const snapshot = room.persisted();
  expect(snapshot.children.vote).toBeUndefined();
  const outcome: Record<string, unknown> = snapshot.context.history.at(-1);
  const revealed = room
    .emitted('room.journal')
    .filter((fact) => fact.kind === 'vote.revealed')
    .at(-1)!;
  expect({ ...(revealed.data.outcome as object), day: outcome.day }).toEqual(outcome);
  return outcome;
}

function nightOut(room: SimulatedRoom): string[] {
  advanceTo(room, room.persisted().context.day, 'night');
  return room.persisted().context.eliminated;
}

describe('vote types inside the day', () => {
  it('invokes the vote child as `vote` (src `vote`) while voting, and only then', () => {
    const room = voteDay('MAJORITY');
    expect(room.persisted().children.vote).toMatchObject({ src: 'vote', snapshot: { status: 'active', value: 'balloting' } });
    room.sendAs('p1', 'vote.cast', { target: 'p5' });
    expect(room.persisted().children.vote.snapshot.context.ballots).toEqual({ p1: { target: 'p5' } });
  });

  it('MAJORITY: most votes is out', () => {
    const room = voteDay('MAJORITY');
    cast(room, { p1: { target: 'p5' }, p2: { target: 'p5' }, p3: { target: 'p6' }, p4: { target: 'p4' } });
    // A changed ballot replaces the earlier one.
    cast(room, { p3: { target: 'p5' } });
    expect(reveal(room)).toMatchObject({ type: 'MAJORITY', out: 'p5', reason: 'MOST_VOTES', tallies: { p5: 3, p4: 1, p6: 0 } });
    expect(nightOut(room)).toEqual(['p5']);
  });

  it('BUBBLE: the top 3 are immune; fewest saves outside them is out', () => {
    const room = voteDay('BUBBLE');
    const view = room.view('p1');
    expect(view.vote.targets).toEqual({ target: ['p4', 'p5', 'p6'] });
    expect(room.sendAs('p4', 'vote.cast', { target: 'p1' })).toMatchObject([{ code: 'INVALID_TARGET' }]);
    cast(room, { p1: { target: 'p4' }, p2: { target: 'p4' }, p3: { target: 'p6' }, p4: { target: 'p6' }, p6: { target: 'p4' } });
    expect(reveal(room)).toMatchObject({ type: 'BUBBLE', out: 'p5', immune: ['p1', 'p2', 'p3'], reason: 'FEWEST_SAVES' });
    expect(nightOut(room)).toEqual(['p5']);
  });

  it('PODIUM_SACRIFICE: only players outside the top 3 vote, to save one of the top 3', () => {
    const room = voteDay('PODIUM_SACRIFICE');
    expect(room.sendAs('p1', 'vote.cast', { target: 'p2' })).toMatchObject([{ code: 'NOT_ELIGIBLE' }]);
    cast(room, { p4: { target: 'p1' }, p5: { target: 'p1' }, p6: { target: 'p2' } });
    expect(reveal(room)).toMatchObject({ type: 'PODIUM_SACRIFICE', out: 'p3', reason: 'FEWEST_SAVES', tallies: { p1: 2, p2: 1, p3: 0 } });
    expect(nightOut(room)).toEqual(['p3']);
  });

  it('SHIELD: fewest shields is out', () => {
    const room = voteDay('SHIELD');
    cast(room, {
      p1: { target: 'p2' },
      p2: { target: 'p1' },
      p3: { target: 'p4' },
      p4: { target: 'p3' },
      p5: { target: 'p1' },
      p6: { target: 'p5' },
    });
    expect(reveal(room)).toMatchObject({ type: 'SHIELD', out: 'p6', reason: 'FEWEST_SHIELDS' });
    expect(nightOut(room)).toEqual(['p6']);
  });

  it('EXECUTIONER: an election, then only the executioner picks, outside the top 3', () => {
    const room = voteDay('EXECUTIONER');
    cast(room, { p1: { elect: 'p4' }, p2: { elect: 'p4' }, p3: { elect: 'p4' }, p5: { elect: 'p5' } });
    advanceTo(room, 1, 'voting');
    expect(room.emitted('room.journal').find((fact) => fact.kind === 'vote.executionerElected')!.data).toMatchObject({
      day: 1,
      executioner: 'p4',
      reason: 'MOST_VOTES',
    });
    expect(room.view('p2').vote).toMatchObject({ executioner: 'p4', step: 'ballot', targets: {} });
    expect(room.view('p4').vote.targets).toEqual({ pick: ['p5', 'p6'] });
    expect(room.sendAs('p5', 'vote.cast', { pick: 'p6' })).toMatchObject([{ code: 'NOT_ELIGIBLE' }]);
    expect(room.sendAs('p4', 'vote.cast', { pick: 'p1' })).toMatchObject([{ code: 'INVALID_TARGET' }]);
    cast(room, { p4: { pick: 'p6' } });
    expect(reveal(room)).toMatchObject({
      type: 'EXECUTIONER',
      executioner: 'p4',
      out: 'p6',
      reason: 'EXECUTIONER_PICK',
      tallies: { p4: 3, p5: 1 },
    });
    expect(nightOut(room)).toEqual(['p6']);
  });

  it('EXECUTIONER: the announced executioner stays, even when silver moves the election’s tie-break', () => {
    const room = voteDay('EXECUTIONER');
    // p4 and p5 tie with two votes each; p5 has more silver, so p4 (the lowest) is elected.
    room.admin('admin.credit', { playerId: 'p5', amount: 5 });
    cast(room, { p1: { elect: 'p4' }, p2: { elect: 'p4' }, p3: { elect: 'p5' }, p6: { elect: 'p5' } });
    advanceTo(room, 1, 'voting');
    expect(room.view('p1').vote.executioner).toBe('p4');
    // p5 gives silver away: re-run now, the tie would go to p5.
    room.sendAs('p5', 'silver.transfer', { to: 'p1', amount: 10 });
    cast(room, { p4: { pick: 'p6' } });
    expect(reveal(room)).toMatchObject({ executioner: 'p4', out: 'p6', reason: 'EXECUTIONER_PICK', tallies: { p4: 2, p5: 2 } });
  });

  it('EXECUTIONER: no pick by the close puts out the lowest silver among the pick targets', () => {
    const room = voteDay('EXECUTIONER');
    room.admin('admin.credit', { playerId: 'p6', amount: -10 });
    cast(room, { p1: { elect: 'p5' } });
    expect(reveal(room)).toMatchObject({ executioner: 'p5', out: 'p6', reason: 'NO_PICK_LOWEST_SILVER' });
  });

  it('EXECUTIONER: with no election votes there is no executioner; the lowest silver pick target is out', () => {
    const room = voteDay('EXECUTIONER');
    room.admin('admin.credit', { playerId: 'p6', amount: -10 });
    advanceTo(room, 1, 'voting');
    expect(room.emitted('room.journal').find((fact) => fact.kind === 'vote.executionerElected')!.data).toMatchObject({
      executioner: null,
      reason: 'NO_VOTES_LOWEST_SILVER',
    });
    expect(room.view('p6').vote).toMatchObject({ executioner: null, step: 'ballot', targets: {} });
    expect(reveal(room)).toMatchObject({ executioner: null, out: 'p6', immune: ['p1', 'p2', 'p3'], reason: 'NO_VOTES_LOWEST_SILVER' });
    expect(nightOut(room)).toEqual(['p6']);
  });

  it('EXECUTIONER: the host removing the executioner before the pick puts out the lowest silver pick target', () => {
    const room = voteDay('EXECUTIONER');
    room.admin('admin.credit', { playerId: 'p6', amount: -10 });
    cast(room, { p1: { elect: 'p5' }, p2: { elect: 'p5' } });
    advanceTo(room, 1, 'voting');
    expect(room.view('p1').vote.executioner).toBe('p5');
    room.admin('admin.eliminate', { playerId: 'p5' });
    expect(reveal(room)).toMatchObject({ executioner: 'p5', out: 'p6', immune: ['p1', 'p2', 'p3'], reason: 'NO_PICK_LOWEST_SILVER' });
    expect(nightOut(room)).toEqual(['p5', 'p6']);
  });

  it('SECOND_TO_LAST: nobody votes; second-to-last in silver is out', () => {
    const room = voteDay('SECOND_TO_LAST');
    room.admin('admin.credit', { playerId: 'p5', amount: -5 });
    room.admin('admin.credit', { playerId: 'p6', amount: -10 });
    expect(room.view('p1').vote).toMatchObject({ open: true, targets: {} });
    expect(room.sendAs('p1', 'vote.cast', { target: 'p6' })).toMatchObject([{ code: 'NOT_ELIGIBLE' }]);
    expect(reveal(room)).toMatchObject({ type: 'SECOND_TO_LAST', out: 'p5', reason: 'SECOND_TO_LAST_SILVER' });
    expect(nightOut(room)).toEqual(['p5']);
  });

  it('TRUST_PAIRS: mutual trust protects; votes against the protected are ignored', () => {
    const room = voteDay('TRUST_PAIRS');
    // Trust and the elimination vote may come in separate ballots: each field replaces only itself.
    cast(room, { p1: { trust: 'p2' }, p2: { trust: 'p1' } });
    cast(room, { p1: { target: 'p4' }, p2: { target: 'p4' } });
    expect(room.view('p1').vote.myBallot).toEqual({ trust: 'p2', target: 'p4' });
    cast(room, { p3: { target: 'p1' }, p4: { target: 'p1' }, p5: { target: 'p1' }, p6: { target: 'p3' } });
    expect(reveal(room)).toMatchObject({ type: 'TRUST_PAIRS', out: 'p4', immune: ['p1', 'p2'], reason: 'MOST_VOTES' });
    expect(nightOut(room)).toEqual(['p4']);
  });

  it('FINALS: the jury (the eliminated) picks the winner, who takes the pool', () => {
    const days: DaySpec[] = [{ voteType: 'MAJORITY' }, { voteType: 'MAJORITY' }, { voteType: 'FINALS' }];
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(4, { scheduling: 'ADMIN', days }) });
    advanceTo(room, 1, 'voting');
    cast(room, { p1: { target: 'p4' }, p2: { target: 'p4' } });
    advanceTo(room, 2, 'voting');
    cast(room, { p1: { target: 'p3' }, p2: { target: 'p3' } });
    advanceTo(room, 3, 'voting');
    expect(room.view('p4').me.juror).toBe(true);
    expect(room.view('p4').vote.targets).toEqual({ target: ['p1', 'p2'] });
    expect(room.sendAs('p1', 'vote.cast', { target: 'p2' })).toMatchObject([{ code: 'NOT_ELIGIBLE' }]);
    cast(room, { p4: { target: 'p2' }, p3: { target: 'p2' } });
    expect(reveal(room)).toMatchObject({ type: 'FINALS', winner: 'p2', out: null, ranking: ['p2', 'p1'], reason: 'MOST_VOTES' });
    room.admin('admin.advance');
    const final = room.persisted();
    expect(final.value).toBe('gameOver');
    expect(final.context.winner).toBe('p2');
    expect(final.context.cast.p2.gold).toBe(20);
    expect(final.context.eliminated).toEqual(['p4', 'p3']);
  });

  it('every vote type has a test above', () => {
    const tested: VoteType[] = [
      'MAJORITY',
      'BUBBLE',
      'PODIUM_SACRIFICE',
      'SHIELD',
      'EXECUTIONER',
      'SECOND_TO_LAST',
      'TRUST_PAIRS',
      'FINALS',
    ];
    expect([...tested].sort()).toEqual([...VOTE_TYPES].sort());
  });
});

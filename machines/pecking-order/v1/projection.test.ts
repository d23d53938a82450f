import { describe, expect, it } from 'vitest';
import { makeInit } from '../testing/fixtures';
import { playGame } from '../testing/play';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { advanceTo } from '../testing/stepping';
import { defaultDayPlan } from './day-plan';
import { peckingOrderV1 } from './index';
import type { DaySpec } from './manifest';
import { project, type PlayerView } from './projection';

const SENTINEL = 'zz-secret';

/**
 * The snapshot with every secret of players other than `viewer` changed to a sentinel: their
 * ballots while the vote is open, their picks before the reveal (each kept in its child actor).
 */
function withOthersSecretsChanged(snapshot: any, viewer: string): { snapshot: any; changed: number } {
  const copy = structuredClone(snapshot);
  let changed = 0;
  const ballots = copy.children?.vote?.snapshot?.context?.ballots ?? {};
  for (const [voter, ballot] of Object.entries(ballots as Record<string, Record<string, string>>)) {
    if (voter === viewer) continue;
    for (const kind of Object.keys(ballot)) ballot[kind] = SENTINEL;
    changed++;
  }
  const picks = copy.children?.activity?.snapshot?.context?.picks ?? {};
  for (const picker of Object.keys(picks as Record<string, string>)) {
    if (picker === viewer) continue;
    picks[picker] = SENTINEL;
    changed++;
  }
  return { snapshot: copy, changed };
}

describe('secrecy, over every projection of whole games', () => {
  it.each([
    [8, 'FAST'],
    [20, 'TEST'],
  ] as const)('%i players (%s): no view depends on another player’s ballot or pick before the reveal', (players, preset) => {
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(players, { preset }) });
    const ids = room.init.roster.map((p: { playerId: string }) => p.playerId);
    let views = 0;
    let probed = 0;
    playGame(room, ids, {
      onView: (view, r) => {
        views++;
        const snapshot = r.persisted();
        const { snapshot: altered, changed } = withOthersSecretsChanged(snapshot, view.playerId);
        if (changed === 0) return;
        probed++;
        const alteredView = project({ snapshot: altered, init: r.init, playerId: view.playerId, timers: r.timers() });
        expect(alteredView).toEqual(view);
        expect(JSON.stringify(view)).not.toContain(SENTINEL);
      },
    });
    expect(room.done).toBe(true);
    expect(views).toBeGreaterThan(100);
    expect(probed).toBeGreaterThan(views / 10);
  });
});

describe('a player’s view', () => {
  const days: DaySpec[] = [
    { voteType: 'MAJORITY', activity: 'PLAYER_PICK', theme: 'Alliances' },
    { voteType: 'MAJORITY' },
    { voteType: 'FINALS' },
  ];

  it('shows the public cast, the phase and when it ends', () => {
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(4, { preset: 'DEFAULT', days }) });
    const view: PlayerView = room.view('p1');
    expect(view.cast[0]).toEqual({
      playerId: 'p1',
      name: 'Player 1',
      bio: 'Bio of player 1',
      avatarUrl: null,
      alive: true,
      silver: 50,
      gold: 0,
    });
    expect(view).toMatchObject({ phase: 'pregame', day: 0, dayCount: 3, goldPool: 0, winner: null, scheduling: 'PRE_SCHEDULED' });
    expect(view.phaseEndsAt).toBe(room.timers()[0]!.dueAt);
    expect(view.open).toEqual({ groupChat: true, dms: false, transfers: false });
    room.advance();
    expect(room.view('p1')).toMatchObject({ phase: 'morning', day: 1, theme: 'Alliances', phaseEndsAt: room.now + 3_600_000 });
  });

  it('shows the own pick only, and every pick once revealed', () => {
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(4, { scheduling: 'ADMIN', days }) });
    advanceTo(room, 1, 'social');
    room.sendAs('p1', 'activity.pick', { target: 'p2' });
    room.sendAs('p2', 'activity.pick', { target: 'p1' });
    expect(room.view('p1').activity).toEqual({
      kind: 'PLAYER_PICK',
      open: true,
      myPick: 'p2',
      targets: ['p2', 'p3', 'p4'],
      revealed: null,
    });
    expect(room.view('p3').activity).toMatchObject({ myPick: null, revealed: null });
    advanceTo(room, 1, 'voting');
    expect(room.view('p3').activity).toEqual({
      kind: 'PLAYER_PICK',
      open: false,
      myPick: null,
      targets: [],
      revealed: { picks: { p1: 'p2', p2: 'p1' }, rewards: { p1: 15, p2: 15 }, mutualPairs: [['p1', 'p2']] },
    });
    expect(room.view('p3').cast.map((m: { silver: number }) => m.silver)).toEqual([65, 65, 50, 50]);
  });

  it('shows who has voted and the own ballot, then every ballot and the result once revealed', () => {
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(4, { scheduling: 'ADMIN', days }) });
    advanceTo(room, 1, 'voting');
    room.sendAs('p1', 'vote.cast', { target: 'p4' });
    room.sendAs('p2', 'vote.cast', { target: 'p3' });
    const p1 = room.view('p1').vote;
    expect(p1).toMatchObject({
      type: 'MAJORITY',
      open: true,
      step: 'ballot',
      voted: ['p1', 'p2'],
      myBallot: { target: 'p4' },
      result: null,
      ballots: null,
    });
    expect(p1.targets).toEqual({ target: ['p1', 'p2', 'p3', 'p4'] });
    expect(room.view('p3').vote).toMatchObject({ voted: ['p1', 'p2'], myBallot: null });
    expect(JSON.stringify(room.view('p3'))).not.toContain('"target":"p4"');
    advanceTo(room, 1, 'results');
    const after = room.view('p3').vote;
    expect(after).toMatchObject({ open: false, voted: [], targets: {}, ballots: { p1: { target: 'p4' }, p2: { target: 'p3' } } });
    expect(after.result).toMatchObject({ day: 1, type: 'MAJORITY', tallies: { p3: 1, p4: 1, p1: 0, p2: 0 } });
  });

  it('shows the own DM allowance and conversations', () => {
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(4, { scheduling: 'ADMIN', days }) });
    advanceTo(room, 1, 'social');
    room.sendAs('p1', 'dm.send', { to: 'p3', text: 'hello there' });
    room.sendAs('p2', 'dm.send', { to: 'p1', text: 'hey' });
    expect(room.view('p1').dms).toEqual({ conversationsLeft: 2, charsLeft: 1_189, costPerMessage: 1, conversationsWith: ['p3', 'p2'] });
    expect(room.view('p3').dms).toEqual({ conversationsLeft: 3, charsLeft: 1_200, costPerMessage: 1, conversationsWith: ['p1'] });
    expect(room.view('p4').dms.conversationsWith).toEqual([]);
    expect(room.view('p1').me).toEqual({ alive: true, silver: 49, gold: 0, juror: false });
  });

  it('shows no phase end in an ADMIN game, and the jury flag for the eliminated', () => {
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(5, { scheduling: 'ADMIN', days }) });
    expect(room.admin('admin.eliminate', { playerId: 'p4' })).toEqual([
      { type: 'room.journal', kind: 'admin.eliminated', data: { day: 0, playerId: 'p4' } },
    ]);
    expect(room.view('p4')).toMatchObject({ phaseEndsAt: null, me: { alive: false, juror: true } });
    expect(room.view('p1').cast[3]).toMatchObject({ playerId: 'p4', alive: false });
  });

  it('lists the eliminated for everyone, first out first (the final standings read it)', () => {
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(8, { scheduling: 'ADMIN', days }) });
    expect(room.view('p1').eliminated).toEqual([]);
    room.admin('admin.eliminate', { playerId: 'p4' });
    room.admin('admin.eliminate', { playerId: 'p2' });
    expect(room.view('p1').eliminated).toEqual(['p4', 'p2']);
    expect(room.view('p4').eliminated).toEqual(['p4', 'p2']);
  });
});

describe('the snapshot a view is projected from', () => {
  // The host projects from the object it serialised (engine/host.ts `serialise`), a restored host
  // from the stored string parsed: the two must give the same views, or a room would show one
  // thing live and another after an eviction (a field left `undefined` is one way they part).
  it('gives the same view live as parsed from the stored JSON, for every player after every step', () => {
    const days = defaultDayPlan(8).map((day, i) => (i === 0 ? { ...day, activity: 'PLAYER_PICK' as const } : day));
    const init = makeInit(8, { preset: 'DEFAULT', days });
    const room = new SimulatedRoom({ version: peckingOrderV1, init, room: { seed: 'live-vs-stored' } });
    const ids = init.roster.map((p) => p.playerId);
    let compared = 0;
    const compare = () => {
      const parsed = JSON.parse(room.stored().snapshot);
      for (const playerId of ids) {
        const stored = project({ snapshot: parsed, init: room.init, playerId, timers: room.timers() });
        expect(JSON.stringify(room.view(playerId)), `${playerId} at seq ${room.stored().seq}`).toBe(JSON.stringify(stored));
        compared++;
      }
    };
    compare();
    playGame(room, ids, { botSeed: 'live-vs-stored', onStep: compare });
    expect(room.done).toBe(true);
    expect(compared).toBeGreaterThan(1_000);
  }, 60_000);
});

describe('the cast list', () => {
  it('keeps a member’s object exactly while their seat is the same object, and shows every change', () => {
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(5, { preset: 'TEST' }) });
    const snapshot = room.persisted();
    const ids: string[] = room.init.roster.map((p: { playerId: string }) => p.playerId);
    const withCast = (cast: unknown) => ({ ...snapshot, context: { ...snapshot.context, cast } });
    const castOf = (s: unknown) => project({ snapshot: s, init: room.init, playerId: ids[0]!, timers: [] }).cast;
    const first = withCast(snapshot.context.cast);
    const before = castOf(first);
    const changed = ids[1]!;
    const after = castOf(withCast({ ...snapshot.context.cast, [changed]: { ...snapshot.context.cast[changed], silver: 99 } }));
    ids.forEach((id, i) => {
      if (id === changed) {
        expect(after[i]).not.toBe(before[i]);
        expect(after[i]).toEqual({ ...before[i], silver: 99 });
      } else expect(after[i]).toBe(before[i]);
    });
    // Back to the first cast object: its own list again; a cast made anew (as a restore parses it) shows the same.
    expect(castOf(first)).toBe(before);
    expect(castOf(withCast(structuredClone(snapshot.context.cast)))).toEqual(before);
  });
});

describe('DM partners', () => {
  it('are in conversation order; a list that grows leaves the views of the shorter one as they were', () => {
    const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(5, { preset: 'TEST' }) });
    const snapshot = room.persisted();
    const withConversations = (conversations: string[]) => ({ ...snapshot, context: { ...snapshot.context, conversations } });
    const partners = (conversations: string[], playerId: string) =>
      project({ snapshot: withConversations(conversations), init: room.init, playerId, timers: [] }).dms.conversationsWith;
    const first = ['p1 p2', 'p2 p3'];
    const before = { p1: partners(first, 'p1'), p2: partners(first, 'p2') };
    expect(before).toEqual({ p1: ['p2'], p2: ['p1', 'p3'] });
    const longer = [...first, 'p1 p3', 'p2 p4'];
    expect(['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => partners(longer, id))).toEqual([
      ['p2', 'p3'],
      ['p1', 'p3', 'p4'],
      ['p2', 'p1'],
      ['p2'],
      [],
    ]);
    expect(before).toEqual({ p1: ['p2'], p2: ['p1', 'p3'] });
    expect(partners(['p4 p5'], 'p4')).toEqual(['p5']);
    expect(partners(['p4 p5'], 'p1')).toEqual([]);
  });
});

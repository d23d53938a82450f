import { describe, expect, it } from 'vitest';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { makeRoster } from '../testing/fixtures';
import { advanceTo } from '../testing/stepping';
import { GAMBIT_STAKE } from './cartridges/dilemma/rule';
import { PROMPT_REWARD } from './cartridges/prompt/rule';
import { peckingOrderV2 } from './index';
import type { DaySpec } from './manifest';

function adminRoom(players: number, days: DaySpec[]) {
  return new SimulatedRoom({
    version: peckingOrderV2,
    init: { roster: makeRoster(players), manifest: { preset: 'TEST', scheduling: 'ADMIN', days } },
  });
}

const refusals = (effects: { type: string }[]) => effects.filter((e) => e.type === 'room.refuse');

describe('pecking-order@2: a day with a prompt and a gambit', () => {
  const room = adminRoom(4, [
    { voteType: 'MAJORITY', cartridges: ['WOULD_YOU_RATHER', 'SILVER_GAMBIT'] },
    { voteType: 'MAJORITY' },
    { voteType: 'FINALS' },
  ]);
  advanceTo(room, 1, 'morning');

  it('refuses the cartridges before they open, with CARTRIDGE_CLOSED', () => {
    expect(room.sendAs('p1', 'prompt.answer', { option: 'A' })).toEqual([expect.objectContaining({ code: 'CARTRIDGE_CLOSED' })]);
    expect(room.sendAs('p1', 'dilemma.donate')).toEqual([expect.objectContaining({ code: 'CARTRIDGE_CLOSED' })]);
  });

  it('collects answers and pledges in secret during the social phase', () => {
    advanceTo(room, 1, 'social');
    for (const [id, option] of [
      ['p1', 'A'],
      ['p2', 'B'],
      ['p3', 'B'],
    ] as const)
      expect(refusals(room.sendAs(id, 'prompt.answer', { option }))).toEqual([]);
    expect(refusals(room.sendAs('p1', 'dilemma.donate'))).toEqual([]);
    expect(refusals(room.sendAs('p2', 'dilemma.donate'))).toEqual([]);
    expect(room.sendAs('p2', 'dilemma.donate')).toEqual([expect.objectContaining({ code: 'ALREADY_DONATED' })]);
    expect(room.sendAs('p1', 'dilemma.spotlight', { target: 'p2' })).toEqual([expect.objectContaining({ code: 'CARTRIDGE_CLOSED' })]);
    const view = room.view('p1');
    expect(view.cartridges).toMatchObject([
      { slot: 'prompt', name: 'WOULD_YOU_RATHER', open: true, myAnswer: 'A', results: null },
      { slot: 'dilemma', name: 'SILVER_GAMBIT', open: true, myPledge: true, results: null },
    ]);
    expect(room.view('p4').cartridges).toMatchObject([{ myAnswer: null }, { myPledge: false }]);
  });

  it('pays the minority and the gambit when voting opens, and shows the results to everyone', () => {
    const before = room.view('p4').cast.map((m: { silver: number }) => m.silver);
    advanceTo(room, 1, 'voting');
    const view = room.view('p4');
    const [prompt, dilemma] = view.cartridges;
    expect(prompt).toMatchObject({ open: false, results: { counts: { A: 1, B: 2 }, minority: 'A', earners: ['p1'] } });
    expect(dilemma.results).toMatchObject({ name: 'SILVER_GAMBIT', donors: ['p1', 'p2'], needed: 2, pot: 2 * GAMBIT_STAKE });
    const winner = dilemma.results.winner as string;
    const after = view.cast.map((m: { silver: number }) => m.silver);
    const expected = before.map((s: number, i: number) => {
      const id = `p${i + 1}`;
      let delta = id === 'p1' ? PROMPT_REWARD : 0;
      if (id === 'p1' || id === 'p2') delta -= GAMBIT_STAKE;
      if (id === winner) delta += 2 * GAMBIT_STAKE;
      return s + delta;
    });
    expect(after).toEqual(expected);
    expect(room.sendAs('p3', 'prompt.answer', { option: 'A' })).toEqual([expect.objectContaining({ code: 'CARTRIDGE_CLOSED' })]);
  });

  it('has no cartridges on a day the plan names none', () => {
    advanceTo(room, 2, 'social');
    expect(room.view('p1').cartridges).toEqual([]);
    expect(room.sendAs('p1', 'prompt.answer', { option: 'A' })).toEqual([
      expect.objectContaining({ code: 'CARTRIDGE_CLOSED', message: 'There is no prompt today.' }),
    ]);
  });
});

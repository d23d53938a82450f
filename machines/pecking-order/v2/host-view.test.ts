import { describe, expect, it } from 'vitest';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { makeRoster } from '../testing/fixtures';
import { advanceTo } from '../testing/stepping';
import { peckingOrderV2 } from './index';

function room() {
  const r = new SimulatedRoom({
    version: peckingOrderV2,
    init: {
      roster: makeRoster(4),
      manifest: {
        preset: 'TEST',
        scheduling: 'ADMIN',
        days: [{ voteType: 'MAJORITY', cartridges: ['HOT_TAKE', 'SILVER_GAMBIT'] }, { voteType: 'MAJORITY' }, { voteType: 'FINALS' }],
      },
    },
  });
  advanceTo(r, 1, 'social');
  return r;
}

const hostOf = (r: SimulatedRoom) => peckingOrderV2.hostView!({ snapshot: r.persisted(), init: r.init, timers: r.timers() });

describe('the host’s summary of pecking-order@2', () => {
  it('says a cartridge is open, and nothing of what anyone chose', () => {
    const a = room();
    const b = room();
    a.sendAs('p1', 'prompt.answer', { option: 'A' });
    a.sendAs('p1', 'dilemma.donate');
    expect(hostOf(a)).toEqual(hostOf(b));
    expect(hostOf(a).cartridges).toEqual([
      { label: 'Hot take', open: true, text: 'Open: what each player chose stays secret until it closes.' },
      { label: 'Silver gambit', open: true, text: 'Open: what each player chose stays secret until it closes.' },
    ]);
  });

  it('gives the results once closed, with player ids', () => {
    const r = room();
    r.sendAs('p1', 'prompt.answer', { option: 'A' });
    r.sendAs('p2', 'prompt.answer', { option: 'B' });
    r.sendAs('p3', 'prompt.answer', { option: 'B' });
    r.sendAs('p1', 'dilemma.donate');
    advanceTo(r, 1, 'voting');
    expect(hostOf(r).cartridges).toEqual([
      { label: 'Hot take', open: false, text: 'Agree 1, Disagree 2: p1 earned (the minority).' },
      { label: 'Silver gambit', open: false, text: '1 pledged of 2 needed: the gambit failed, nothing moved.' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { SimulatedRoom } from '../engine/testing/simulated-room';
import { catalog } from './catalog';
import { refOf } from './machine-version';
import { CARTRIDGES } from './pecking-order/v2/cartridges';
import { cartridgeEntries, workbenchEntries, workbenchEntry } from './workbench-entries';

describe('the workbench entries', () => {
  it('list every catalog version, then every cartridge of the registry, each once', () => {
    const refs = workbenchEntries.map(refOf);
    expect(refs.slice(0, catalog.list().length)).toEqual(catalog.list().map(refOf));
    expect(cartridgeEntries.map((e) => e.name)).toEqual(CARTRIDGES.map((c) => `cartridge-${c.slot}`));
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('are not in the room catalog: no room runs a cartridge alone', () => {
    for (const entry of cartridgeEntries) expect(catalog.get(refOf(entry))).toBeUndefined();
  });

  it('accept exactly the cartridge’s player events', () => {
    for (const cartridge of CARTRIDGES) {
      const entry = workbenchEntry(`cartridge-${cartridge.slot}@2`)!;
      expect(Object.keys(entry.playerEvents)).toEqual(Object.keys(cartridge.events));
    }
  });

  it('simulate a prompt alone: answers, the host closes it, the minority earns', () => {
    const room = new SimulatedRoom({
      version: workbenchEntry('cartridge-prompt@2')!,
      init: { name: 'HOT_TAKE', players: ['p1', 'p2', 'p3'], silver: 10 },
    });
    room.sendAs('p1', 'prompt.answer', { option: 'A' });
    room.sendAs('p2', 'prompt.answer', { option: 'B' });
    room.sendAs('p3', 'prompt.answer', { option: 'B' });
    expect(room.view('p2').cartridge).toMatchObject({ open: true, myAnswer: 'B', results: null });
    room.admin('admin.close');
    expect(room.done).toBe(true);
    expect(room.view('p2')).toMatchObject({
      silver: { p1: 15, p2: 10, p3: 10 },
      cartridge: { results: { minority: 'A', earners: ['p1'] } },
    });
  });

  it('simulate a dilemma alone: a SILVER_GAMBIT with enough donors pays its pot', () => {
    const room = new SimulatedRoom({
      version: workbenchEntry('cartridge-dilemma@2')!,
      init: { name: 'SILVER_GAMBIT', players: ['p1', 'p2', 'p3', 'p4'], silver: 10 },
    });
    room.sendAs('p1', 'dilemma.donate');
    room.sendAs('p3', 'dilemma.donate');
    room.admin('admin.close');
    const { silver, cartridge } = room.view('p2');
    expect(cartridge.results).toMatchObject({ donors: ['p1', 'p3'], pot: 20 });
    expect(silver[cartridge.results.winner]).toBe(20);
    expect(Object.values(silver).reduce((a: number, b) => a + (b as number), 0)).toBe(40);
  });
});

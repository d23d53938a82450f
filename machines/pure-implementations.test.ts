/**
 * Every version's implementations replace what they change and never change a context in place.
 * The host relies on it three ways (engine/host.ts SnapshotCell): projections read the object XState
 * persisted, which shares its parts with the live context; a step whose persisted parts are the
 * same objects is taken as unchanged without serialising; a failed transition rolls back to the
 * last snapshot, serialised only then. Whole bot games with every persisted snapshot frozen.
 */
import { describe, expect, it } from 'vitest';
import { SimulatedRoom } from '../engine/testing/simulated-room';
import { blitzV1 } from './blitz/v1';
import { makeBlitzInit } from './blitz/testing/fixtures';
import type { MachineVersion } from './machine-version';
import { makeInit, makeRoster } from './pecking-order/testing/fixtures';
import { playGame } from './pecking-order/testing/play';
import { peckingOrderV1 } from './pecking-order/v1';
import { peckingOrderV2 } from './pecking-order/v2';
import { defaultManifest } from './pecking-order/v2/lobby';

const games: [string, MachineVersion, () => unknown][] = [
  ['pecking-order@1', peckingOrderV1, () => makeInit(6, { preset: 'FAST' })],
  ['pecking-order@2', peckingOrderV2, () => ({ roster: makeRoster(6), manifest: { ...defaultManifest(6), preset: 'FAST' } })],
  ['blitz@1', blitzV1, () => makeBlitzInit(6)],
];

describe.each(games)('%s with every persisted snapshot frozen', (_name, version, init) => {
  it('plays a whole game to its end without changing a snapshot in place', () => {
    const room = new SimulatedRoom({ version, init: init(), freezeSnapshots: true });
    const ids = (room.init as { roster: { playerId: string }[] }).roster.map((p) => p.playerId);
    playGame(room, ids);
    expect(room.results.filter((r) => r.input.status === 'rejected').map((r) => r.input)).toEqual([]);
    expect(room.done).toBe(true);
  });
});

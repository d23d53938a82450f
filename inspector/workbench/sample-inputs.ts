/**
 * A valid init payload to start each machine version from, for designers to edit. Pecking Order:
 * five players, the default day plan for five, the FAST preset (two-minute days), timers on.
 */
import type { MachineVersion } from '../../machines/machine-version';
import { defaultDayPlan } from '../../machines/pecking-order/v1';

const NAMES = ['Ada', 'Bram', 'Cleo', 'Dev', 'Edie', 'Finn', 'Gus', 'Hana'];

function peckingOrderInit(players = 5) {
  return {
    roster: NAMES.slice(0, players).map((name, i) => ({ playerId: `p${i + 1}`, name })),
    manifest: { preset: 'FAST', scheduling: 'PRE_SCHEDULED', days: defaultDayPlan(players) },
  };
}

/** pecking-order@2 and later: the lobby's default plan, cartridges included. */
function peckingOrderInitOf(version: MachineVersion, players = 5) {
  const init = peckingOrderInit(players);
  const manifest = version.version >= 2 ? (version.lobby?.defaultManifest(players) as { days?: unknown } | undefined) : undefined;
  return manifest?.days ? { ...init, manifest: { ...init.manifest, days: manifest.days } } : init;
}

/** A cartridge alone (machines/workbench-entries.ts): its first name, four players, 50 silver each. */
function cartridgeInit(version: MachineVersion) {
  const name = (version.initSchema as { shape?: { name?: { options?: string[] } } }).shape?.name?.options?.[0];
  return { name, players: ['p1', 'p2', 'p3', 'p4'], silver: 50 };
}

export function sampleInit(version: MachineVersion): unknown {
  if (version.name === 'pecking-order') return peckingOrderInitOf(version);
  if (version.name.startsWith('cartridge-')) return cartridgeInit(version);
  return {};
}

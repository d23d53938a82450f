/**
 * A valid init payload to start each machine version from, for designers to edit. Pecking Order:
 * five players, the default day plan for five, the FAST preset (two-minute days), timers on. Blitz:
 * five players, its lobby's default manifest for five (SPRINT, timers on).
 */
import type { MachineVersion } from '../../machines/machine-version';
import { blitzLobby } from '../../machines/blitz/v1/lobby';
import { defaultDayPlan } from '../../machines/pecking-order/v1';

const NAMES = ['Ada', 'Bram', 'Cleo', 'Dev', 'Edie', 'Finn', 'Gus', 'Hana'];

function peckingOrderInit(players = 5) {
  return {
    roster: NAMES.slice(0, players).map((name, i) => ({ playerId: `p${i + 1}`, name })),
    manifest: { preset: 'FAST', scheduling: 'PRE_SCHEDULED', days: defaultDayPlan(players) },
  };
}

function blitzInit(players = 5) {
  return {
    roster: NAMES.slice(0, players).map((name, i) => ({ playerId: `p${i + 1}`, name })),
    manifest: blitzLobby.defaultManifest(players),
  };
}

const SAMPLES: Record<string, () => unknown> = {
  'pecking-order': peckingOrderInit,
  blitz: blitzInit,
};

export function sampleInit(version: MachineVersion): unknown {
  return SAMPLES[version.name]?.() ?? {};
}

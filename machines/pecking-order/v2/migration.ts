/**
 * The upgrade of a live `pecking-order@1` room to `pecking-order@2`, explicit:
 *
 * - context: each plan day gets `cartridges: []` (an @1 plan names none), and the game gets
 *   `cartridges: []` (no cartridge has closed);
 * - state value: a game inside a day (or the finale) gets the new regions in the state they would
 *   be in on a day without cartridges, `none` (no child to start);
 * - children: none added (no cartridge is open); @1's vote and activity children carry over as
 *   they are, under the same ids and sources;
 * - timers: unchanged (same machine id `game`, same states, same delays, same timer ids);
 * - init: an @1 init is a valid @2 init as it is (days without `cartridges`).
 */
import type { MachineVersion, PortableEnvelope } from '../../machine-version';
import { CARTRIDGES } from './cartridges';

type Json = Record<string, any>;

export function migrateFromV1(envelope: PortableEnvelope): PortableEnvelope {
  if (envelope.machine !== 'pecking-order@1') throw new Error(`Only pecking-order@1 migrates to @2, not ${envelope.machine}.`);
  const snapshot = envelope.snapshot as Json;
  const context = snapshot.context as Json;
  if (!context || !Array.isArray(context.plan)) throw new Error('Not a pecking-order@1 snapshot: its context has no plan.');
  let value = snapshot.value;
  for (const stage of ['day', 'finale']) {
    if (value && typeof value === 'object' && value[stage] && typeof value[stage] === 'object') {
      value = { ...value, [stage]: { ...value[stage], ...Object.fromEntries(CARTRIDGES.map((c) => [c.slot, 'none'])) } };
    }
  }
  return {
    machine: 'pecking-order@2',
    snapshot: {
      ...snapshot,
      value,
      context: { ...context, plan: context.plan.map((day: Json) => ({ ...day, cartridges: [] })), cartridges: [] },
    },
    timers: envelope.timers.map((timer) => ({ ...timer })),
  };
}

export const upgradeFromV1: NonNullable<MachineVersion['upgrade']> = { from: 'pecking-order@1', migrate: migrateFromV1 };

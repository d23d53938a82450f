/**
 * Moving a room to a newer version: the version's explicit, pure migration of the stored state,
 * checked so that an upgrade can never strand a room. Refused, with nothing changed, when
 * - the target's init schema refuses the stored init (after the target's `migrateInit`, if any);
 * - the migration throws, or its snapshot names states or children the target does not have;
 * - a carried timer is dead in the target chart (see timer-check.ts);
 * - an active delayed state of the target has no timer, unless it had none before either (a
 *   guarded `after` that already fired holds its state without a timer; that is not the upgrade's doing).
 *
 * Works from the stored state, not a live host: an upgrade also rescues rooms whose restore failed.
 */
import { refOf, type MachineVersion, type PortableEnvelope, type RoomFacts } from '../machines/machine-version';
import { GameHost, type HostOptions, type StoredState } from './host';
import { HostError, RestoreError, issuesOf } from './host-error';
import { snapshotProblem } from './snapshot-check';
import { describeWaiting } from './timer-check';

export interface Migration {
  from: MachineVersion | undefined;
  to: MachineVersion;
  stored: StoredState;
  /** The stored init payload (without `machine`). */
  init: unknown;
  facts: RoomFacts;
  options: HostOptions;
}

export interface Migrated {
  host: GameHost;
  /** The state to persist in place of the old one (one transition later). */
  state: StoredState;
  /** The init payload the target runs with (changed only by `migrateInit`). */
  init: unknown;
}

export function migrate({ from, to, stored, init, facts, options }: Migration): Migrated {
  const target = refOf(to);
  if (to.upgrade?.from !== stored.machine) throw new HostError('NO_UPGRADE_PATH', `${target} does not upgrade from ${stored.machine}`);
  const refuse = (reasons: string[]) =>
    new HostError('UPGRADE_REFUSED', `the upgrade to ${target} would strand the room, so nothing changed: ${reasons.join('; ')}`, {
      reasons,
    });

  let nextInit: unknown;
  try {
    nextInit = to.upgrade.migrateInit ? to.upgrade.migrateInit(structuredClone(init)) : init;
  } catch (error) {
    throw new HostError('UPGRADE_FAILED', `the init migration to ${target} failed: ${(error as Error).message}`);
  }
  const initCheck = to.initSchema.safeParse(nextInit);
  if (!initCheck.success) {
    throw refuse(issuesOf(initCheck.error).map((i) => `the stored init does not fit ${target} at ${i.path || 'the top'}: ${i.message}`));
  }

  let next: PortableEnvelope;
  try {
    next = to.upgrade.migrate(
      structuredClone({ machine: stored.machine, snapshot: JSON.parse(stored.snapshot), timers: [...stored.timers] }),
    );
  } catch (error) {
    throw new HostError('UPGRADE_FAILED', `the migration to ${target} failed: ${(error as Error).message}`);
  }
  const problem = snapshotProblem(to.machine, next.snapshot);
  if (problem) throw new HostError('UPGRADE_FAILED', `the migrated snapshot does not fit ${target}: ${problem}`);

  const state: StoredState = {
    machine: target,
    snapshot: JSON.stringify(next.snapshot),
    timers: next.timers,
    seq: stored.seq + 1,
    at: Math.max(stored.at, options.clock.now()),
  };
  let host: GameHost;
  try {
    host = GameHost.restore(to, state, nextInit, facts, options);
  } catch (error) {
    if (error instanceof RestoreError) throw refuse([error.problem.message]);
    throw error;
  }
  const excused = waitingBefore(from, stored, init, facts, options);
  const waiting = [...host.waitingStates()].filter(([key]) => !excused.has(key)).map(([, state]) => describeWaiting(state));
  if (waiting.length > 0) throw refuse(waiting);
  return { host, state, init: nextInit };
}

/** The delayed states that already waited without a timer before the upgrade (none when the old version cannot restore). */
function waitingBefore(
  from: MachineVersion | undefined,
  stored: StoredState,
  init: unknown,
  facts: RoomFacts,
  options: HostOptions,
): Set<string> {
  if (!from) return new Set();
  try {
    return new Set(GameHost.restore(from, stored, init, facts, options).waitingStates().keys());
  } catch {
    return new Set();
  }
}

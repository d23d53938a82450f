/**
 * Upgrades that cannot strand a room: each check of engine/migration.ts refuses what it must, and
 * lets through what it must not refuse. Small inline versions of a door that closes by itself.
 */
import { setup } from 'xstate';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { MachineVersion, PortableEnvelope } from '../machines/machine-version';
import { HostError } from './host-error';
import { migrate } from './migration';
import { SimulatedRoom } from './testing/simulated-room';

const Init = z.object({ doors: z.array(z.string()).min(1) }).strict();
const InitV3 = z.object({ doors: z.array(z.string()).min(1), colour: z.string() }).strict();

/** `open` closes after 1 s in every version unless a version says otherwise. */
function door(v: number, states: Record<string, unknown>, extra: Partial<MachineVersion> = {}): MachineVersion {
  return {
    name: 'door',
    version: v,
    description: 'a door',
    machine: setup({ guards: { never: () => false } }).createMachine({
      id: 'door',
      initial: 'shut',
      states,
    } as never) as unknown as MachineVersion['machine'],
    initSchema: Init,
    createInput: () => ({}),
    players: (init: { doors: string[] }) => init.doors.map((playerId) => ({ playerId, name: playerId })),
    playerEvents: { open: z.object({}), knock: z.object({}) },
    adminEvents: {},
    project: ({ snapshot }) => (snapshot as { value: unknown }).value,
    ...extra,
  };
}

const same = (from: string) => ({
  from: from as `${string}@${number}`,
  migrate: (e: PortableEnvelope) => ({ ...e, machine: 'door@2' as const }),
});
const v1 = door(1, {
  shut: { on: { open: 'open' }, after: { 5000: { guard: 'never', target: 'open' } } },
  open: { after: { 1000: 'shut' } },
});

function roomAt(state: 'open' | 'shut-after-guard') {
  const room = new SimulatedRoom({ version: v1, init: { doors: ['ana'] } });
  if (state === 'open') room.sendAs('ana', 'open');
  else room.advance(); // shut's guarded after fired and held: shut, with no timer
  return room;
}

const run = (room: SimulatedRoom, to: MachineVersion) =>
  migrate({ from: v1, to, stored: room.stored(), init: { doors: ['ana'] }, facts: room.facts, options: { clock: room.clock } });

function refusal(fn: () => unknown): HostError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HostError) return error;
    throw error;
  }
  throw new Error('the upgrade went through');
}

describe('an upgrade', () => {
  it('carries value, context and timers over when the target fits', () => {
    const room = roomAt('open');
    const to = door(2, { shut: { on: { open: 'open' } }, open: { after: { 1000: 'shut' } } }, { upgrade: same('door@1') });
    const { state } = run(room, to);
    expect(state.machine).toBe('door@2');
    expect(state.timers).toEqual(room.stored().timers);
    expect(state.seq).toBe(room.stored().seq + 1);
  });

  it('is refused when the target’s init schema refuses the stored init, and goes through when the target migrates it', () => {
    const room = roomAt('open');
    const strict = door(
      3,
      { shut: {}, open: { after: { 1000: 'shut' } } },
      { initSchema: InitV3, upgrade: { ...same('door@1'), migrate: (e) => ({ ...e, machine: 'door@3' }) } },
    );
    const refused = refusal(() => run(room, strict));
    expect(refused.code).toBe('UPGRADE_REFUSED');
    expect(refused.details.reasons).toEqual([expect.stringMatching(/stored init does not fit door@3 at colour/)]);
    const migrating = door(
      3,
      { shut: {}, open: { after: { 1000: 'shut' } } },
      {
        initSchema: InitV3,
        upgrade: {
          ...same('door@1'),
          migrate: (e) => ({ ...e, machine: 'door@3' }),
          migrateInit: (init) => ({ ...(init as object), colour: 'red' }),
        },
      },
    );
    expect(run(room, migrating).init).toEqual({ doors: ['ana'], colour: 'red' });
  });

  it('is refused when the migrated snapshot names a state the target does not have', () => {
    const room = roomAt('open');
    const renamed = door(2, { shut: {}, ajar: { after: { 1000: 'shut' } } }, { upgrade: same('door@1') });
    const refused = refusal(() => run(room, renamed));
    expect(refused.code).toBe('UPGRADE_FAILED');
    expect(refused.message).toMatch(/door\.open/);
  });

  it('is refused when a carried timer would be dead in the target chart', () => {
    const room = roomAt('open');
    const stays = door(2, { shut: {}, open: { on: { knock: 'shut' } } }, { upgrade: same('door@1') });
    const refused = refusal(() => run(room, stays));
    expect(refused.code).toBe('UPGRADE_REFUSED');
    expect(refused.message).toMatch(/xstate\.after\.1000\.door\.open.*no delayed transition of an active state/);
  });

  it('is refused when an active delayed state of the target would have no timer', () => {
    const room = roomAt('open');
    const slower = door(
      2,
      { shut: {}, open: { after: { 2000: 'shut' } } },
      {
        upgrade: { ...same('door@1'), migrate: (e) => ({ ...e, machine: 'door@2', timers: [] }) },
      },
    );
    const refused = refusal(() => run(room, slower));
    expect(refused.code).toBe('UPGRADE_REFUSED');
    expect(refused.details.reasons).toEqual([expect.stringMatching(/state "door.open" of root waits for its delay .* would wait forever/)]);
  });

  it('is not refused for a state that already waited without a timer before (its guarded delay fired and held)', () => {
    const room = roomAt('shut-after-guard');
    expect(room.timers()).toEqual([]);
    const to = door(
      2,
      { shut: { on: { open: 'open' }, after: { 5000: { guard: 'never', target: 'open' } } }, open: { after: { 1000: 'shut' } } },
      { upgrade: same('door@1') },
    );
    expect(run(room, to).state.machine).toBe('door@2');
  });

  it('is refused without a declared path', () => {
    const room = roomAt('open');
    expect(refusal(() => run(room, door(2, { shut: {}, open: {} }))).code).toBe('NO_UPGRADE_PATH');
  });
});

/**
 * Shipping a draft as a new version: the bundle, the scaffolded folder (written into a git-ignored
 * folder under machines/, removed afterwards), its migration test failing until the migration is
 * written, and the completed version registered beside the old one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChartNode } from '../machines/chart/chart';
import { chartOf } from '../machines/chart/chart-export';
import { makeBundle } from '../machines/chart/version-bundle';
import { catalog } from '../machines/catalog';
import type { MachineVersion } from '../machines/machine-version';
import { makeInit } from '../machines/pecking-order/testing/fixtures';
import { playGame } from '../machines/pecking-order/testing/play';
import { gameMachine, peckingOrderV1 } from '../machines/pecking-order/v1';
import { createRegistry } from '../machines/registry';
import { main } from './cli/version-new';
import { migrate } from './migration';
import { SimulatedRoom } from './testing/simulated-room';
import { upgradeProblems } from './upgrade-check';

const scratch = mkdtempSync(join('machines', '.scaffold-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The draft: pregame's `heldForAdmin` is renamed `waitingForHost` (a state a room may rest in). */
function draft(): ChartNode {
  const chart: ChartNode = JSON.parse(JSON.stringify(chartOf(gameMachine)));
  const pregame = chart.states!.pregame!;
  const { heldForAdmin, ...rest } = pregame.states!;
  pregame.states = { ...rest, waitingForHost: heldForAdmin! };
  pregame.states.starting!.always = [{ guard: 'isAdminScheduled', target: 'waitingForHost' }, { target: 'scheduled' }];
  return chart;
}

const quiet = {
  log: () => {},
  error: (line: string) => {
    throw new Error(line);
  },
};

function scaffold(name: string): string {
  const bundleFile = join(scratch, `${name}.bundle.json`);
  writeFileSync(bundleFile, JSON.stringify(makeBundle(peckingOrderV1, draft())));
  const out = join(scratch, name);
  expect(main([bundleFile, '--out', out], quiet)).toBe(0);
  return out;
}

const completedMigration = `import type { PortableEnvelope } from '../../machine-version';
export const MUST_MIGRATE = { statesRemoved: ['game.pregame.heldForAdmin'], timers: [] } as const;
export const MIGRATION_COMPLETE = true;
/** An ADMIN game resting in pregame's heldForAdmin rests in waitingForHost; nothing else moves. */
export function migrate(envelope: PortableEnvelope): PortableEnvelope {
  const snapshot = structuredClone(envelope.snapshot);
  if (snapshot.value && typeof snapshot.value === 'object' && snapshot.value.pregame === 'heldForAdmin') snapshot.value.pregame = 'waitingForHost';
  return { machine: 'pecking-order@2', snapshot, timers: envelope.timers };
}
`;

describe('npm run version:new', () => {
  it('packs a draft with its diff and what the migration must handle', () => {
    const bundle = makeBundle(peckingOrderV1, draft());
    expect(bundle).toMatchObject({ format: 'pecking-order/version-bundle@1', base: 'pecking-order@1', next: 'pecking-order@2' });
    expect(bundle.diff.states).toEqual([
      { path: 'game.pregame.heldForAdmin', kind: 'removed' },
      { path: 'game.pregame.waitingForHost', kind: 'added' },
    ]);
    expect(bundle.migration.statesRemoved).toEqual(['game.pregame.heldForAdmin']);
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle);
  });

  it('scaffolds the folder: the chart as JSON, an index binding the base, a migration stub whose test fails', async () => {
    const out = scaffold('stub');
    expect(JSON.parse(readFileSync(join(out, 'chart.json'), 'utf8'))).toEqual(draft());
    expect(readFileSync(join(out, 'index.ts'), 'utf8')).toContain("import { peckingOrderV1 } from '../../pecking-order/v1';");
    expect(readFileSync(join(out, 'migration.test.ts'), 'utf8')).toContain('expect(upgradeProblems(nextVersion)).toEqual([])');
    // What the scaffolded migration.test.ts asserts, on the stub: both fail until the migration is written.
    const scaffolded = await import(/* @vite-ignore */ resolve(out, 'index.ts'));
    const migration = await import(/* @vite-ignore */ resolve(out, 'migration.ts'));
    expect(migration.MIGRATION_COMPLETE).toBe(false);
    expect(upgradeProblems(scaffolded.nextVersion)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^pregame\.json: the migration to pecking-order@2 failed: pecking-order@2: the migration from pecking-order@1 is not written yet/,
        ),
      ]),
    );
    expect(main([join(scratch, 'stub.bundle.json'), '--out', out], { log: () => {}, error: () => {} })).toBe(1);
  });

  it('once completed, registers beside the old version: new rooms run it, rooms pinned to the old keep theirs, and old rooms can move', async () => {
    const out = scaffold('done');
    writeFileSync(join(out, 'migration.ts'), completedMigration);
    const v2: MachineVersion = (await import(/* @vite-ignore */ resolve(out, 'index.ts'))).nextVersion;
    const done = await import(/* @vite-ignore */ resolve(out, 'migration.ts'));
    expect(done.MIGRATION_COMPLETE).toBe(true);
    expect(upgradeProblems(v2)).toEqual([]);

    // The scaffold is @1's next version in a scratch folder; the shipped pecking-order@2 has that ref too.
    const registry = createRegistry([...catalog.list().filter((version) => version.version < v2.version), v2]);
    const init = makeInit(4, { scheduling: 'ADMIN' });
    const ids = ['p1', 'p2', 'p3', 'p4'];
    const fresh = new SimulatedRoom({ version: registry.get('pecking-order@2')!, init });
    expect(fresh.stored().machine).toBe('pecking-order@2');
    expect(fresh.persisted().value).toEqual({ pregame: 'waitingForHost' });
    const pinned = new SimulatedRoom({ version: registry.get('pecking-order@1')!, init });
    expect(pinned.persisted().value).toEqual({ pregame: 'heldForAdmin' });
    // The pinned room, evicted and woken on the same build, runs v1 to the end.
    const woken = new SimulatedRoom({ version: registry.get(pinned.stored().machine)!, init, restoreFrom: pinned.stored() });
    playGame(woken, ids);
    expect(woken.persisted().value).toBe('gameOver');
    expect(woken.stored().machine).toBe('pecking-order@1');
    // An explicit upgrade moves a v1 room resting in the renamed state, and it plays on under v2.
    const moved = migrate({
      from: registry.get('pecking-order@1'),
      to: v2,
      stored: pinned.stored(),
      init,
      facts: pinned.facts,
      options: { clock: pinned.clock, views: false },
    });
    expect(JSON.parse(moved.state.snapshot).value).toEqual({ pregame: 'waitingForHost' });
    const upgraded = new SimulatedRoom({ version: v2, init, room: pinned.facts, restoreFrom: moved.state });
    playGame(upgraded, ids);
    expect(upgraded.persisted().value).toBe('gameOver');
    expect(upgraded.stored().machine).toBe('pecking-order@2');
  });
});

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog } from '../machines/catalog';
import { chartOf } from '../machines/chart/chart-export';
import { chartFilesOf } from '../machines/chart/chart-files';
import { versionFromChart } from '../machines/chart/draft-version';
import { describeMachine, renderMachineCatalog } from '../machines/definition';
import { refOf } from '../machines/machine-version';

const update = !!process.env.UPDATE_DOCS;
const definitions = catalog.list().map(describeMachine);

function check(path: string, expected: string): void {
  if (update) writeFileSync(path, expected);
  const actual = existsSync(path) ? readFileSync(path, 'utf8') : '(missing)';
  expect(actual, `${path} is stale: run \`npm run machines:export\``).toBe(expected);
}

describe('docs/machines (npm run machines:export)', () => {
  it('holds the chart of every registered machine version and its child machines, and nothing else', () => {
    const files = catalog.list().flatMap(chartFilesOf);
    for (const { file, chart } of files) check(`docs/machines/${file}`, `${JSON.stringify(chart, null, 2)}\n`);
    const exported = readdirSync('docs/machines')
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(exported).toEqual(files.map((f) => f.file).sort());
  });

  it('writes charts that build the registered machine again (createMachine format, nothing missing)', () => {
    for (const version of catalog.list()) {
      const [root, ...children] = chartFilesOf(version).map((f) => ({
        ...f,
        chart: JSON.parse(readFileSync(`docs/machines/${f.file}`, 'utf8')),
      }));
      const built = versionFromChart(version, root!.chart, Object.fromEntries(children.map((c) => [c.src!, c.chart])));
      expect('version' in built ? [] : built.issues, refOf(version)).toEqual([]);
      if ('version' in built) expect(chartOf(built.version.machine)).toEqual(chartOf(version.machine));
    }
  });

  it('has a catalog page listing states, events and delays', () => {
    check('docs/machines/README.md', renderMachineCatalog(definitions));
  });

  it('describes what toJSON leaves out: named delays and eventless transitions', () => {
    const po = definitions.find((d) => d.machine === 'pecking-order@1')!;
    expect(po.delays).toEqual(
      expect.arrayContaining(['pregameEnds', 'morningEnds', 'socialEnds', 'votingEnds', 'resultsEnds', 'nightEnds']),
    );
    const morning = po.root.states.day!.states.phase!.states.morning!;
    expect(morning.states.starting!.always.map((t) => t.targets[0])).toEqual(
      expect.arrayContaining(['game.day.phase.morning.heldForAdmin', 'game.day.phase.morning.scheduled']),
    );
    expect(morning.states.scheduled!.after[0]).toMatchObject({ delay: 'morningEnds', targets: ['game.day.phase.social'] });
  });
});

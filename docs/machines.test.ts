import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog } from '../machines/catalog';
import { describeMachine, renderMachineCatalog } from '../machines/definition';

const update = !!process.env.UPDATE_DOCS;
const definitions = catalog.list().map(describeMachine);

function check(path: string, expected: string): void {
  if (update) writeFileSync(path, expected);
  const actual = existsSync(path) ? readFileSync(path, 'utf8') : '(missing)';
  expect(actual, `${path} is stale: run \`npm run machines:export\``).toBe(expected);
}

describe('docs/machines (npm run machines:export)', () => {
  it('holds the current definition of every registered machine version', () => {
    for (const def of definitions) check(`docs/machines/${def.machine}.json`, `${JSON.stringify(def, null, 2)}\n`);
    const exported = readdirSync('docs/machines').filter((f) => f.endsWith('.json')).sort();
    expect(exported).toEqual(definitions.map((d) => `${d.machine}.json`).sort());
  });

  it('has a catalog page listing states, events and delays', () => {
    check('docs/machines/README.md', renderMachineCatalog(definitions));
  });

  it('describes what toJSON leaves out: named delays and eventless transitions', () => {
    const po = definitions.find((d) => d.machine === 'pecking-order@1')!;
    expect(po.delays).toEqual(expect.arrayContaining(['pregameEnds', 'morningEnds', 'socialEnds', 'votingEnds', 'resultsEnds', 'nightEnds']));
    const morning = po.root.states.day!.states.phase!.states.morning!;
    expect(morning.states.starting!.always.map((t) => t.targets[0])).toEqual(
      expect.arrayContaining(['game.day.phase.morning.heldForAdmin', 'game.day.phase.morning.scheduled']),
    );
    expect(morning.states.scheduled!.after[0]).toMatchObject({ delay: 'morningEnds', targets: ['game.day.phase.social'] });
  });
});

/**
 * Whether a new version's migration moves every golden envelope of the version it upgrades from
 * (engine/golden/<from>/): the test a scaffolded version (`npm run version:new`) must pass before
 * it ships. Each envelope goes through engine/migration.ts, which refuses a snapshot naming states
 * or children the target lacks and timers that would be dead, so a migration that forgets a
 * renamed state or a carried timer fails here and not in a room.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalog } from '../machines/catalog';
import type { MachineVersion } from '../machines/machine-version';
import { migrate } from './migration';

/** One sentence per golden envelope that does not upgrade; [] when all do. */
export function upgradeProblems(
  to: MachineVersion,
  from: MachineVersion | undefined = to.upgrade && catalog.get(to.upgrade.from),
): string[] {
  if (!to.upgrade) return [`${to.name}@${to.version} declares no upgrade (upgrade: { from, migrate }).`];
  const dir = fileURLToPath(new URL(`./golden/${to.upgrade.from}/`, import.meta.url));
  if (!existsSync(dir)) return [`${to.upgrade.from} has no golden envelopes in engine/golden/ to migrate.`];
  const problems: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const golden = JSON.parse(readFileSync(`${dir}${file}`, 'utf8'));
    try {
      const clock = { now: () => golden.state.at };
      migrate({ from, to, stored: golden.state, init: golden.init, facts: golden.facts, options: { clock, views: false } });
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
    }
  }
  return problems;
}

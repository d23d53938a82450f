/**
 * `npm run version:new -- <bundle.json> [--out <dir>]`: scaffolds the next version of a machine
 * from a version bundle (machines/chart/version-bundle.ts) into `machines/<name>/v<n>/`, or `--out`
 * (which must be a folder two levels under machines/, as the tests use). Refuses to write into a
 * folder that exists: a shipped version is never overwritten.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isVersionBundle } from '../../machines/chart/version-bundle';
import { scaffoldFiles } from '../../machines/chart/version-scaffold';
import { parseMachineRef } from '../../machines/registry';

/** npm runs scripts at the package root. */
const REPO = process.cwd();

export interface CliIo {
  log(line: string): void;
  error(line: string): void;
}

/** Runs the command; returns its exit code. */
export function main(argv: readonly string[], io: CliIo = console, repo = REPO): number {
  const args = [...argv];
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args.splice(outAt, 2)[1] : undefined;
  const [file] = args;
  if (!file) {
    io.error('Usage: npm run version:new -- <bundle.json> [--out <dir>]');
    return 2;
  }
  const bundle: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isVersionBundle(bundle)) {
    io.error(`${file} is not a version bundle (format pecking-order/version-bundle@1): make one with makeBundle or the workbench.`);
    return 2;
  }
  const base = parseMachineRef(bundle.base)!;
  const next = parseMachineRef(bundle.next)!;
  const dir = resolve(out ?? join(repo, 'machines', next.name, `v${next.version}`));
  if (existsSync(dir)) {
    io.error(`${relative(repo, dir)} exists already: a version folder is never overwritten.`);
    return 1;
  }
  const rel = (to: string) => {
    const path = relative(dir, join(repo, to)).split('\\').join('/');
    return path.startsWith('.') ? path : `./${path}`;
  };
  const files = scaffoldFiles(bundle, {
    machines: rel('machines'),
    engine: rel('engine'),
    base: rel(`machines/${base.name}/v${base.version}`),
  });
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  io.log(`Scaffolded ${bundle.next} in ${relative(repo, dir)}: ${Object.keys(files).join(', ')}.`);
  io.log(
    `Next: write migration.ts (MUST_MIGRATE lists ${bundle.migration.statesRemoved.length} removed states and ${bundle.migration.timers.length} timers), make migration.test.ts pass, then add it to machines/catalog.ts.`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));

/**
 * The baseline room ships only in the bench build. The production bundle (wrangler.toml, what
 * `npm run deploy` and `npm run check:bundle` build) must not contain it; the bench build
 * (bench/wrangler.bench.toml, what bench/local-server.ts serves) must, and must otherwise be the
 * production Worker, so the benchmarks measure what production runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unstable_readConfig } from 'wrangler';
import { BENCH_CONFIG } from './local-server';

const ENV = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' };
const out = mkdtempSync(join(tmpdir(), 'pecking-order-bundles-'));

/** `wrangler deploy --dry-run` of a config: what it printed, and every file it wrote, as text. */
function dryRun(config: string | null, name: string): { output: string; files: Record<string, string> } {
  const outdir = join(out, name);
  const run = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', ...(config ? ['--config', config] : []), '--outdir', outdir], {
    env: ENV,
    encoding: 'utf8',
  });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  const files = Object.fromEntries(readdirSync(outdir).map((file) => [file, readFileSync(join(outdir, file), 'utf8')]));
  return { output: run.stdout, files };
}

let production: ReturnType<typeof dryRun>;
let bench: ReturnType<typeof dryRun>;

beforeAll(() => {
  production = dryRun(null, 'production');
  bench = dryRun(BENCH_CONFIG, 'bench');
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the baseline room is in the bench build only', () => {
  it('the production bundle has no BaselineRoom: no class, no binding, no source', () => {
    expect(Object.keys(production.files)).toContain('index.js');
    for (const [file, text] of Object.entries(production.files)) {
      expect(text.includes('BaselineRoom'), file).toBe(false);
      expect(text.includes('baseline-room'), file).toBe(false);
    }
    expect(production.output).toContain('env.GameServer (GameServer)');
    expect(production.output).not.toContain('BaselineRoom');
  });

  it('the bench bundle exports and binds it', () => {
    expect(bench.files['bench-entry.js']).toMatch(/export\s*\{[^}]*BaselineRoom/);
    expect(bench.output).toContain('env.BaselineRoom (BaselineRoom)');
    expect(bench.output).toContain('env.GameServer (GameServer)');
  });

  it('production deletes the class in a migration of its own, after the tags that created it', () => {
    const { migrations } = unstable_readConfig({ config: 'wrangler.toml' }) as { migrations: { tag: string }[] };
    expect(migrations.map((m) => m.tag)).toEqual(['v1', 'v2', 'v3']);
    expect(migrations[1]).toEqual({ tag: 'v2', new_sqlite_classes: ['BaselineRoom'] });
    expect(migrations[2]).toEqual({ tag: 'v3', deleted_classes: ['BaselineRoom'] });
  });

  it('the bench config is the production config plus the baseline room', () => {
    const read = (config: string) => {
      const {
        configPath,
        userConfigPath,
        topLevelName,
        name,
        main,
        assets,
        d1_databases,
        durable_objects,
        migrations,
        vars,
        definedEnvironments,
        ...rest
      } = unstable_readConfig({ config }) as any;
      const { DEPLOY_ENV, ...otherVars } = vars;
      const base = dirname(resolve(config));
      return {
        rest: { ...rest, vars: otherVars },
        deployEnv: DEPLOY_ENV,
        assets: { ...assets, directory: resolve(base, assets.directory) },
        d1: d1_databases.map((db: any) => ({ ...db, migrations_dir: resolve(base, db.migrations_dir) })),
        bindings: durable_objects.bindings,
        migrations,
      };
    };
    const prod = read('wrangler.toml');
    const benchConfig = read(BENCH_CONFIG);
    expect(benchConfig.rest).toEqual(prod.rest);
    expect([prod.deployEnv, benchConfig.deployEnv]).toEqual(['production', 'bench']);
    expect(benchConfig.assets).toEqual(prod.assets);
    expect(benchConfig.d1).toEqual(prod.d1);
    expect(benchConfig.bindings).toEqual([...prod.bindings, { name: 'BaselineRoom', class_name: 'BaselineRoom' }]);
    expect(benchConfig.migrations).toEqual(prod.migrations.filter((m: any) => !m.deleted_classes?.includes('BaselineRoom')));
  });
});

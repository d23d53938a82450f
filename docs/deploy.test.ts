/**
 * The deploy pipeline, proved offline: the GitHub workflows are valid workflows and run the scripts
 * this package declares; `scripts/check-env.mjs` refuses an env wrangler.toml does not declare (wrangler
 * itself may only warn and fall back to production); the staging env bundles with its own bindings
 * (`wrangler deploy --dry-run`, no network); the README's "Deploying" steps name what wrangler.toml uses.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'smol-toml';
import { afterAll, describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(path, 'utf8');
const workflows = ['.github/workflows/ci.yml', '.github/workflows/deploy.yml'];
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
type D1 = { binding: string; database_name: string; database_id: string };
type Section = { name: string; d1_databases: D1[]; env?: Record<string, Section> };
const wrangler = parse(read('wrangler.toml')) as unknown as Section;
const offline = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_API_TOKEN: '' };
const temp = mkdtempSync(join(tmpdir(), 'pecking-order-deploy-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const checkEnv = (...args: string[]) => spawnSync(process.execPath, ['scripts/check-env.mjs', ...args], { encoding: 'utf8', env: offline });

describe('GitHub workflows', () => {
  it.each(workflows)('%s is a valid workflow', (file) => {
    expect(validateWorkflow(read(file)).errors).toEqual([]);
  });

  it('the validator rejects a broken workflow (so the check above can fail)', () => {
    const broken = read('.github/workflows/ci.yml').replace('runs-on:', 'runs_on:');
    expect(validateWorkflow(broken).errors).not.toEqual([]);
  });

  it('CI runs the README test command with CI=true and the distribution Chromium', () => {
    const ci = read('.github/workflows/ci.yml');
    expect(read('README.md')).toContain('npm test ');
    expect(ci).toMatch(/^\s+- run: npm test$/m);
    expect(ci).toMatch(/CI: "true"/);
    expect(ci).toContain('sudo apt-get install -y chromium');
    expect(ci).toContain('npm ci');
  });

  it('deploy runs the package scripts, with the Cloudflare credentials from secrets only', () => {
    const deploy = read('.github/workflows/deploy.yml');
    expect(deploy).toMatch(/^\s+- run: npm run deploy:staging$/m);
    expect(deploy).toMatch(/^\s+- run: npm run deploy$/m);
    expect(deploy).toContain("if: github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(deploy).toContain("startsWith(github.ref, 'refs/tags/v')");
    for (const name of ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID']) {
      const values = [...deploy.matchAll(new RegExp(`${name}: (.*)$`, 'gm'))].map((m) => m[1]);
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) expect(value).toBe(`\${{ secrets.${name} }}`);
    }
  });
});

describe('deploy scripts', () => {
  it.each([
    ['deploy', '', ''],
    ['deploy:staging', 'staging', ' --env staging'],
  ])('npm run %s checks the env, builds the UI, applies D1 migrations remotely, then deploys', (script, env, flag) => {
    const steps = scripts[script]!.split(' && ');
    expect(steps).toEqual([
      `node scripts/check-env.mjs${env ? ` ${env}` : ''}`,
      'node scripts/build-ui.mjs',
      `wrangler d1 migrations apply DB --remote${flag}`,
      `wrangler deploy${flag}`,
    ]);
  });
});

describe('scripts/check-env.mjs', () => {
  it('passes production and staging, each with its own worker and journal', () => {
    const production = checkEnv();
    const staging = checkEnv('staging');
    expect(production.stderr).toBe('');
    expect(staging.stderr).toBe('');
    expect(production.stdout.trim()).toBe('pecking-order pecking-order-journal');
    expect(staging.stdout.trim()).toBe('pecking-order-staging pecking-order-journal-staging');
  });

  it('refuses an env that wrangler.toml does not declare', () => {
    const result = checkEnv('preview');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('declares no [env.preview]');
  });

  it('refuses staging when wrangler.toml lacks it, or lacks a binding wrangler does not inherit', () => {
    const full = read('wrangler.toml');
    const withoutStaging = join(temp, 'without-staging.toml');
    writeFileSync(withoutStaging, full.slice(0, full.indexOf('[env.staging]')));
    expect(checkEnv('--config', withoutStaging, 'staging').stderr).toContain('declares no [env.staging]');

    const withoutRooms = join(temp, 'without-rooms.toml');
    writeFileSync(withoutRooms, full.replace(/\[\[env\.staging\.durable_objects\.bindings\]\][^[]*/, ''));
    const rooms = checkEnv('--config', withoutRooms, 'staging');
    expect(rooms.status).toBe(1);
    expect(rooms.stderr).toContain('GameServer=GameServer');

    const withoutSecrets = join(temp, 'without-secrets.toml');
    writeFileSync(withoutSecrets, full.replace(/\[env\.staging\.secrets\][^[]*/, ''));
    expect(checkEnv('--config', withoutSecrets, 'staging').stderr).toContain('same secrets');

    const sharedJournal = join(temp, 'shared-journal.toml');
    writeFileSync(
      sharedJournal,
      full.replace('database_name = "pecking-order-journal-staging"', 'database_name = "pecking-order-journal"'),
    );
    expect(checkEnv('--config', sharedJournal, 'staging').stderr).toContain('of its own');
  });
});

describe('the staging bundle', () => {
  it('wrangler deploy --dry-run --env staging bundles with the staging bindings', { timeout: 120_000 }, () => {
    const result = spawnSync(
      process.execPath,
      ['node_modules/wrangler/bin/wrangler.js', 'deploy', '--dry-run', '--env', 'staging', '--outdir', join(temp, 'staging')],
      { encoding: 'utf8', env: offline },
    );
    const output = result.stdout + result.stderr;
    expect(result.status, output).toBe(0);
    expect(output).toMatch(/env\.GameServer \(GameServer\)\s+Durable Object/);
    expect(output).toMatch(/env\.DB \(pecking-order-journal-staging\)\s+D1 Database/);
    expect(output).toContain('env.DEPLOY_ENV ("staging")');
    expect(output).not.toContain('(pecking-order-journal)');
    expect(read(join(temp, 'staging', 'index.js'))).toContain('GameServer');
  });
});

describe('README "Deploying"', () => {
  it('creates every journal and secret that wrangler.toml deploys with', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('## Deploying'), readme.indexOf('\n## ', readme.indexOf('## Deploying') + 1));
    const envs: [string, Section][] = [['', wrangler], ...Object.entries(wrangler.env ?? {})];
    for (const [env, config] of envs) {
      const journal = config.d1_databases.find((d) => d.binding === 'DB')!;
      expect(section).toContain(`npx wrangler d1 create ${journal.database_name}\n`);
      expect(section).toContain(`npx wrangler secret put LOBBY_SECRET${env ? ` --env ${env}` : ''}\n`);
    }
    for (const secret of ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID']) expect(section).toContain(secret);
  });
});

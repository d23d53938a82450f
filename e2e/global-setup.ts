/**
 * Browser tests run against the whole system started by `npm start`'s own script: the UI built
 * into dist/public, D1 migrations applied, and `wrangler dev` on workerd with local SQLite and D1
 * (in a temporary state directory), on a free port, with a lobby secret made for this run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { freePort } from './free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    lobbySecret: string;
  }
}

let wrangler: ChildProcess | undefined;
let stateDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' };
  stateDir = mkdtempSync(join(tmpdir(), 'pecking-order-e2e-'));
  const port = await freePort();
  const secret = randomBytes(24).toString('base64url');
  // Exactly what `npm start` runs (build, migrations, wrangler dev), on its own port, state and secret.
  wrangler = spawn(
    'node',
    [
      'scripts/start.mjs',
      '--ip',
      '127.0.0.1',
      '--persist-to',
      stateDir,
      '--var',
      `LOBBY_SECRET:${secret}`,
      '--show-interactive-dev-session=false',
    ],
    { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  wrangler.stdout!.on('data', (chunk) => (output += chunk));
  wrangler.stderr!.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (wrangler.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/games`, { method: 'GET' });
      if (response.status === 405) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`npm start did not serve within 120 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('lobbySecret', secret);
}

export async function teardown(): Promise<void> {
  if (wrangler?.pid) {
    try {
      process.kill(-wrangler.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
}

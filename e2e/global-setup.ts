/**
 * Browser tests run against the whole system as `npm start` runs it: the UI built into
 * dist/public, and `wrangler dev` on workerd with local SQLite and D1 (in a temporary state
 * directory, migrations applied), on a free port, with a lobby secret made for this run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    lobbySecret: string;
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
}

let wrangler: ChildProcess | undefined;
let stateDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' };
  run('node', ['scripts/build-ui.mjs'], env);
  stateDir = mkdtempSync(join(tmpdir(), 'pecking-order-e2e-'));
  run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateDir], env);
  const port = await freePort();
  const secret = randomBytes(24).toString('base64url');
  wrangler = spawn(
    'npx',
    ['wrangler', 'dev', '--port', String(port), '--ip', '127.0.0.1', '--persist-to', stateDir, '--var', `LOBBY_SECRET:${secret}`, '--var', 'DEV_TOOLS:1', '--show-interactive-dev-session=false'],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  wrangler.stdout!.on('data', (chunk) => (output += chunk));
  wrangler.stderr!.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (wrangler.exitCode !== null) throw new Error(`wrangler dev exited:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/games`, { method: 'GET' });
      if (response.status === 405) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`wrangler dev did not start within 60 s:\n${output}`);
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

/**
 * Starts one of the local servers (`scripts/start.mjs` for `npm start`, `scripts/dev.mjs` for
 * `npm run dev`) as its own test's server: a free port, its own state directory and lobby secret,
 * loopback only. Resolves once the Worker answers through it (`GET /api/games` is a 405).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { freePort } from './free-port';

export interface LocalServer {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  secret: string;
  output(): string;
  exited: Promise<number | null>;
}

export async function startLocalServer(script: 'scripts/start.mjs' | 'scripts/dev.mjs', stateDir: string): Promise<LocalServer> {
  const port = await freePort();
  const secret = randomBytes(24).toString('base64url');
  const child = spawn(
    'node',
    [script, '--ip', '127.0.0.1', '--persist-to', stateDir, '--var', `LOBBY_SECRET:${secret}`, '--show-interactive-dev-session=false'],
    {
      env: { ...process.env, PORT: String(port), CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited:\n${output}`);
    const response = await fetch(`${baseUrl}/api/games`).catch(() => undefined);
    if (response?.status === 405) break;
    if (Date.now() > deadline) throw new Error(`${script} did not serve within 120 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, port, baseUrl, secret, output: () => output, exited };
}

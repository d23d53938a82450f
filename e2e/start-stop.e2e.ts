/**
 * `npm start` stops everything it started: SIGTERM to its own process (what a service manager or a
 * closing IDE sends; Ctrl-C reaches it as SIGINT) leaves no wrangler or workerd serving the port.
 * Runs its own `node scripts/start.mjs` on a free port and state directory, beside the suite's server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './free-port';


/** Whether something accepts connections on the port. */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** Every live descendant of a process, from /proc (zombies count as gone). */
function descendants(root: number): { pid: number; command: string }[] {
  const parents = new Map<number, number[]>();
  const commands = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      const pid = Number(entry);
      parents.set(Number(ppid), [...(parents.get(Number(ppid)) ?? []), pid]);
      commands.set(pid, readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim());
    } catch {
      // exited while we looked
    }
  }
  const found: { pid: number; command: string }[] = [];
  const visit = (pid: number) => {
    for (const child of parents.get(pid) ?? []) {
      found.push({ pid: child, command: commands.get(child) ?? '' });
      visit(child);
    }
  };
  visit(root);
  return found;
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

const stateDir = mkdtempSync(join(tmpdir(), 'pecking-order-start-stop-'));
let start: ChildProcess | undefined;
let children: { pid: number; command: string }[] = [];

afterAll(() => {
  // Whatever the test found still running, it ends (by pid, never by name).
  for (const { pid } of children) if (alive(pid)) process.kill(pid, 'SIGKILL');
  if (start?.pid && alive(start.pid)) process.kill(start.pid, 'SIGKILL');
  rmSync(stateDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('stops wrangler and workerd on SIGTERM to its own process, and frees the port', async () => {
    const port = await freePort();
    const secret = randomBytes(24).toString('base64url');
    start = spawn(
      'node',
      ['scripts/start.mjs', '--ip', '127.0.0.1', '--persist-to', stateDir, '--var', `LOBBY_SECRET:${secret}`, '--show-interactive-dev-session=false'],
      {
        env: { ...process.env, PORT: String(port), CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    start.stdout!.on('data', (chunk) => (output += chunk));
    start.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => start!.once('exit', (code) => resolve(code)));

    const deadline = Date.now() + 120_000;
    for (;;) {
      if (start.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
      const response = await fetch(`http://127.0.0.1:${port}/api/games`).catch(() => undefined);
      if (response?.status === 405) break;
      if (Date.now() > deadline) throw new Error(`npm start did not serve within 120 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    children = descendants(start.pid!);
    expect(children.some((c) => c.command.includes('workerd')), JSON.stringify(children)).toBe(true);

    process.kill(start.pid!, 'SIGTERM');
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000));
    expect(await Promise.race([exited, timeout]), output).not.toBe('timeout');

    // Children may take a moment to be reaped after the parent exits.
    const settle = Date.now() + 5_000;
    while (children.some((c) => alive(c.pid)) && Date.now() < settle) await new Promise((r) => setTimeout(r, 100));
    expect(children.filter((c) => alive(c.pid))).toEqual([]);
    expect(await listening(port)).toBe(false);
  });
});

/**
 * `npm start` and `npm run dev` stop everything they started: SIGTERM to their own process (what a
 * service manager or a closing IDE sends; Ctrl-C reaches it as SIGINT) leaves no Vite, wrangler or
 * workerd serving a port. Each runs its own script on a free port and state directory, beside the
 * suite's server.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalServer } from './local-server';

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

const stateDirs: string[] = [];
const started: ChildProcess[] = [];
const children: { pid: number; command: string }[] = [];

afterAll(() => {
  // Whatever the tests found still running, they end (by pid, never by name).
  for (const { pid } of children) if (alive(pid)) process.kill(pid, 'SIGKILL');
  for (const child of started) if (child.pid && alive(child.pid)) process.kill(child.pid, 'SIGKILL');
  for (const dir of stateDirs) rmSync(dir, { recursive: true, force: true });
});

describe.each([
  { command: 'npm start', script: 'scripts/start.mjs' as const, ports: 1 },
  // Vite's own port, and the Worker's loopback port behind it.
  { command: 'npm run dev', script: 'scripts/dev.mjs' as const, ports: 2 },
])('$command', ({ script, ports }) => {
  it('stops wrangler and workerd on SIGTERM to its own process, and frees its ports', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'pecking-order-start-stop-'));
    stateDirs.push(stateDir);
    const server = await startLocalServer(script, stateDir);
    started.push(server.child);
    const tree = descendants(server.child.pid!);
    children.push(...tree);
    expect(
      tree.some((c) => c.command.includes('workerd')),
      JSON.stringify(tree),
    ).toBe(true);
    const workerPorts = [...server.output().matchAll(/Ready on http:\/\/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
    const listened = [...new Set([server.port, ...workerPorts])];
    expect(listened, server.output()).toHaveLength(ports);

    process.kill(server.child.pid!, 'SIGTERM');
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000));
    expect(await Promise.race([server.exited, timeout]), server.output()).not.toBe('timeout');

    // Children may take a moment to be reaped after the parent exits.
    const settle = Date.now() + 5_000;
    while (tree.some((c) => alive(c.pid)) && Date.now() < settle) await new Promise((r) => setTimeout(r, 100));
    expect(tree.filter((c) => alive(c.pid))).toEqual([]);
    for (const port of listened) expect(await listening(port), `port ${port}`).toBe(false);
  });
});

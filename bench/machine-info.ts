/** The machine a run measured on, and how busy the rest of it was meanwhile. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  workerd: string;
  wrangler: string;
  commit: string;
  /** Uncommitted changes in the work tree when the run started. */
  dirty: boolean;
  date: string;
  loadAverageAtStart: number[];
}

const quiet = (command: string, args: string[]): string => {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};

export function machineInfo(): MachineInfo {
  const packageVersion = (name: string) => {
    try {
      return JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version as string;
    } catch {
      return 'unknown';
    }
  };
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    workerd: quiet('node_modules/.bin/workerd', ['--version']).replace(/^workerd\s*/, ''),
    wrangler: packageVersion('wrangler'),
    commit: quiet('git', ['rev-parse', '--short', 'HEAD']),
    dirty: quiet('git', ['status', '--porcelain']).length > 0,
    date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/** CPU time (s) of every process in a process group, from /proc (Linux only; 0 elsewhere). */
export function groupCpuSeconds(pgid: number | undefined): number {
  if (!pgid) return 0;
  let ticks = 0;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // Fields after the command name (which may hold spaces): state ppid pgrp … utime(14) stime(15).
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return 0;
  }
  return ticks / 100;
}

function machineBusySeconds(): number {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    return (cpu.reduce((a, b) => a + b, 0) - idle) / 100;
  } catch {
    return 0;
  }
}

export interface CpuShare {
  /** Cores' worth of CPU used, on average over the step: by the bench client, the server, everything else. */
  client: number;
  server: number;
  others: number;
}

/** Starts measuring; call the result to get the averages since. `serverCpu`: the server's CPU time so far, s. */
export function cpuMeter(serverCpu: () => number): () => CpuShare {
  const t0 = performance.now();
  const client0 = process.cpuUsage();
  const server0 = serverCpu();
  const busy0 = machineBusySeconds();
  return () => {
    const seconds = (performance.now() - t0) / 1000 || 1;
    const clientUsage = process.cpuUsage(client0);
    const client = (clientUsage.user + clientUsage.system) / 1e6;
    const server = Math.max(0, serverCpu() - server0);
    const busy = machineBusySeconds() - busy0;
    const r = (x: number) => Math.round((x / seconds) * 100) / 100;
    return { client: r(client), server: r(server), others: r(Math.max(0, busy - client - server)) };
  };
}

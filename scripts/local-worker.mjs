/**
 * What `npm start` and `npm run dev` share to run the Worker locally (wrangler dev on workerd, local
 * SQLite and D1): the local lobby secret in .dev.vars, wrangler runs, the local D1 migrations, and
 * stopping the whole process tree on SIGINT (Ctrl-C) or SIGTERM. wrangler leaves its workerd and
 * esbuild processes running when it dies, still serving the port, so a stop ends them by pid.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Local runs need nothing from Cloudflare's network: no Request.cf download, no telemetry. */
export function offlineDefaults() {
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
  process.env.WRANGLER_SEND_METRICS ??= 'false';
}

/** The local LOBBY_SECRET from .dev.vars, generated there the first time (the file is git-ignored). */
export function ensureDevSecret() {
  const file = '.dev.vars';
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const match = /^LOBBY_SECRET=(.+)$/m.exec(current);
  if (match) return match[1].trim();
  const secret = randomBytes(24).toString('base64url');
  writeFileSync(file, `${current}${current && !current.endsWith('\n') ? '\n' : ''}LOBBY_SECRET=${secret}\n`);
  console.log('Generated a local LOBBY_SECRET in .dev.vars (never committed).');
  return secret;
}

/** A local VAPID key for Web Push (worker/push/vapid.ts) in .dev.vars, generated once like the lobby secret. */
export async function ensureDevVapidKey() {
  const file = '.dev.vars';
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const match = /^VAPID_PRIVATE_KEY=(.+)$/m.exec(current);
  if (match) return match[1].trim();
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const line = `VAPID_PRIVATE_KEY=${JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, d: jwk.d })}`;
  writeFileSync(file, `${current}${current && !current.endsWith('\n') ? '\n' : ''}${line}\n`);
  console.log('Generated a local VAPID_PRIVATE_KEY in .dev.vars (never committed), for Web Push.');
  return line.slice('VAPID_PRIVATE_KEY='.length);
}

/**
 * The `wrangler dev` arguments that pass the local VAPID key. wrangler dev loads from .dev.vars only
 * the secrets wrangler.toml declares, and VAPID_PRIVATE_KEY is optional (not declared), so it goes as
 * a var; base64url, since `--var` splits at a colon.
 */
export async function devVapidArgs() {
  return ['--var', `VAPID_PRIVATE_KEY:${Buffer.from(await ensureDevVapidKey()).toString('base64url')}`];
}

// wrangler's own entry, with no npx in between, so the signal reaches wrangler itself.
const wranglerBin = fileURLToPath(new URL('../node_modules/wrangler/bin/wrangler.js', import.meta.url));
// Node 22 from the devDependency even when this script was started by an older system `node`.
const localNode = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
const nodeBin = existsSync(localNode) ? localNode : process.execPath;
let current;
let stopping = false;
let beforeStop;

/** Whether a stop has begun (the caller then waits: the stop exits the process). */
export const isStopping = () => stopping;

/** Runs wrangler with these arguments; resolves with its exit code. */
export function wrangler(args, { stdin = 'inherit' } = {}) {
  current = spawn(nodeBin, [wranglerBin, ...args], { stdio: [stdin, 'inherit', 'inherit'] });
  return new Promise((resolve) => current.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

/** `--persist-to DIR` among wrangler dev's arguments, for the migrations (they must land in the same state). */
export function persistArgs(extra) {
  const at = extra.indexOf('--persist-to');
  return at >= 0 ? ['--persist-to', extra[at + 1]] : [];
}

/** Applies the D1 journal migrations to the local database; exits on failure, waits when a stop began. */
export async function migrateLocalD1(extra) {
  const migrated = await wrangler(['d1', 'migrations', 'apply', 'DB', '--local', ...persistArgs(extra)]);
  if (stopping) await new Promise(() => {}); // the stop exits
  if (migrated !== 0) process.exit(migrated);
}

/** The process table (pid → parent pid and command line), from `ps` (Linux and macOS). */
function processTable() {
  let text;
  try {
    text = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
  } catch {
    return new Map();
  }
  const table = new Map();
  for (const line of text.trim().split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s?(.*)$/.exec(line);
    if (match) table.set(Number(match[1]), { ppid: Number(match[2]), args: match[3] });
  }
  return table;
}

/** Every live process below this one, with its command line. */
function descendants() {
  const table = processTable();
  const found = new Map();
  const visit = (parent) => {
    for (const [pid, { ppid, args }] of table) if (ppid === parent && !found.has(pid)) found.set(pid, args), visit(pid);
  };
  visit(process.pid);
  return found;
}

/**
 * Stops wrangler and everything below it. The tree is listed before wrangler is told to stop: once
 * it exits, its children belong to init and cannot be found from here. `before` (closing an
 * in-process server) runs first; wrangler then gets the signal and 10 s to shut workerd down;
 * whatever of the tree is left (same pid, same command line, so never a process that reused a pid)
 * is then killed by pid.
 */
async function stop(signal, before, exitCode = signal === 'SIGINT' ? 130 : 143) {
  if (stopping) return;
  stopping = true;
  const tree = descendants();
  await Promise.race([Promise.resolve(before?.()).catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  const exited =
    current && current.exitCode === null && current.signalCode === null
      ? new Promise((resolve) => current.once('exit', resolve))
      : Promise.resolve();
  current?.kill(signal);
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  for (const finalSignal of ['SIGTERM', 'SIGKILL']) {
    const table = processTable();
    const left = [...tree].filter(([pid, args]) => table.get(pid)?.args === args).map(([pid]) => pid);
    if (left.length === 0) break;
    for (const pid of left) {
      try {
        process.kill(pid, finalSignal);
      } catch {
        // gone meanwhile
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  process.exit(exitCode);
}

/** On SIGINT or SIGTERM, stops everything this process started (`before` first), then exits. */
export function stopTreeOnSignals(before) {
  beforeStop = before;
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(signal, before));
}

/** Stops everything as a signal would, then exits with `exitCode` (for a failure after wrangler started). */
export function stopAndExit(exitCode) {
  return stop('SIGTERM', beforeStop, exitCode);
}

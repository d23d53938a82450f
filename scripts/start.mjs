#!/usr/bin/env node
/**
 * `npm start`: the whole system locally on workerd (wrangler dev) with local SQLite and local D1.
 * 1. makes sure a local LOBBY_SECRET exists in .dev.vars (generated once; the room refuses all
 *    privileged access without one),
 *    and a local VAPID key (VAPID_PRIVATE_KEY, a P-256 JWK) so the room sends Web Push,
 * 2. builds the client and inspector into dist/public (served as static assets),
 * 3. applies the D1 journal migrations to the local database,
 * 4. runs `wrangler dev`.
 * On SIGINT (Ctrl-C) or SIGTERM it stops everything it started: wrangler, and the workerd and
 * esbuild processes wrangler runs (which would otherwise outlive it and keep serving the port).
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildUi } from './build-ui.mjs';

const port = process.env.PORT ?? '8787';
// Local runs need nothing from Cloudflare's network: no Request.cf download, no telemetry.
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
process.env.WRANGLER_SEND_METRICS ??= 'false';

function ensureDevSecret() {
  const file = '.dev.vars';
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const match = /^LOBBY_SECRET=(.+)$/m.exec(current);
  if (match) return match[1].trim();
  const secret = randomBytes(24).toString('base64url');
  writeFileSync(file, `${current}${current && !current.endsWith('\n') ? '\n' : ''}LOBBY_SECRET=${secret}\n`);
  console.log('Generated a local LOBBY_SECRET in .dev.vars (never committed).');
  return secret;
}

/** A local VAPID key for Web Push (worker/push/vapid.ts), generated once like the lobby secret. */
async function ensureDevVapidKey() {
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

// wrangler's own entry, with no npx in between, so the signal reaches wrangler itself.
const wranglerBin = fileURLToPath(new URL('../node_modules/wrangler/bin/wrangler.js', import.meta.url));
// Node 22 from the devDependency even when this script was started by an older system `node`.
const localNode = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
const nodeBin = existsSync(localNode) ? localNode : process.execPath;
let current;
let stopping = false;

/** Runs wrangler with these arguments; resolves with its exit code. */
function wrangler(args) {
  current = spawn(nodeBin, [wranglerBin, ...args], { stdio: 'inherit' });
  return new Promise((resolve) => current.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
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
    for (const [pid, { ppid, args }] of table) if (ppid === parent && !found.has(pid)) (found.set(pid, args), visit(pid));
  };
  visit(process.pid);
  return found;
}

/**
 * Stops wrangler and everything below it. The tree is listed before wrangler is told to stop: once
 * it exits, its children belong to init and cannot be found from here. wrangler gets the signal and
 * 10 s to shut workerd down; whatever of the tree is left (same pid, same command line, so never a
 * process that reused a pid) is then killed by pid.
 */
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  const tree = descendants();
  const exited = current && current.exitCode === null && current.signalCode === null
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
  process.exit(signal === 'SIGINT' ? 130 : 143);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(signal));

const secret = ensureDevSecret();
const vapidKey = await ensureDevVapidKey();
await buildUi();
// Extra arguments go to `wrangler dev`; a `--persist-to DIR` there must also hold the migrated D1.
const extra = process.argv.slice(2);
const persistAt = extra.indexOf('--persist-to');
const persist = persistAt >= 0 ? ['--persist-to', extra[persistAt + 1]] : [];
const migrated = await wrangler(['d1', 'migrations', 'apply', 'DB', '--local', ...persist]);
if (stopping) await new Promise(() => {}); // stop() exits
if (migrated !== 0) process.exit(migrated);
console.log(`\nPecking Order on http://localhost:${port}`);
console.log(`  lobby secret (Authorization: Bearer …): ${secret}`);
console.log(`  lobby: http://localhost:${port}/   inspector: http://localhost:${port}/inspector/`);
console.log(`  rooms: http://localhost:${port}/parties/game-server/<roomId>/…  (docs/protocol.md)\n`);
// DEV_TOOLS=1 turns on local-only developer tools (the inspector's "fire now" for timers).
// wrangler dev loads from .dev.vars only the secrets wrangler.toml declares, and VAPID_PRIVATE_KEY is
// optional (not declared), so it goes as a var; base64url, since `--var` splits at a colon.
const vapidVar = `VAPID_PRIVATE_KEY:${Buffer.from(vapidKey).toString('base64url')}`;
const code = await wrangler(['dev', '--port', port, '--var', 'DEV_TOOLS:1', '--var', vapidVar, ...extra]);
if (!stopping) process.exit(code);

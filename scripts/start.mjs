#!/usr/bin/env node
/**
 * `npm start`: the whole system locally on workerd (wrangler dev) with local SQLite and local D1.
 * 1. makes sure a local LOBBY_SECRET exists in .dev.vars (generated once; the room refuses all
 *    privileged access without one),
 * 2. builds the client and inspector into dist/public (served as static assets),
 * 3. applies the D1 journal migrations to the local database,
 * 4. runs `wrangler dev`.
 */
import { spawnSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const secret = ensureDevSecret();
await buildUi();
// Extra arguments go to `wrangler dev`; a `--persist-to DIR` there must also hold the migrated D1.
const extra = process.argv.slice(2);
const persistAt = extra.indexOf('--persist-to');
const persist = persistAt >= 0 ? ['--persist-to', extra[persistAt + 1]] : [];
run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', ...persist]);
console.log(`\nPecking Order on http://localhost:${port}`);
console.log(`  lobby secret (Authorization: Bearer …): ${secret}`);
console.log(`  lobby: http://localhost:${port}/   inspector: http://localhost:${port}/inspector/`);
console.log(`  rooms: http://localhost:${port}/parties/game-server/<roomId>/…  (docs/protocol.md)\n`);
// DEV_TOOLS=1 turns on local-only developer tools (the inspector's "fire now" for timers).
const dev = spawn('npx', ['wrangler', 'dev', '--port', port, '--var', 'DEV_TOOLS:1', ...extra], { stdio: 'inherit' });
dev.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.kill(signal));

#!/usr/bin/env node
/**
 * `npm start`: the whole system locally on workerd (wrangler dev) with local SQLite and local D1.
 * 1. makes sure a local LOBBY_SECRET exists in .dev.vars (generated once; the room refuses all
 *    privileged access without one), and a local VAPID key for Web Push,
 * 2. builds the client and inspector into dist/public (served as static assets),
 * 3. applies the D1 journal migrations to the local database,
 * 4. runs `wrangler dev`.
 * On SIGINT (Ctrl-C) or SIGTERM it stops everything it started: wrangler, and the workerd and
 * esbuild processes wrangler runs (which would otherwise outlive it and keep serving the port).
 * `npm run dev` (scripts/dev.mjs) runs the same Worker behind Vite's dev server instead of a build.
 */
import { buildUi } from './build-ui.mjs';
import {
  devVapidArgs,
  ensureDevSecret,
  isStopping,
  migrateLocalD1,
  offlineDefaults,
  stopTreeOnSignals,
  wrangler,
} from './local-worker.mjs';

const port = process.env.PORT ?? '8787';
offlineDefaults();
stopTreeOnSignals();

const secret = ensureDevSecret();
const vapid = await devVapidArgs();
await buildUi();
// Extra arguments go to `wrangler dev`; a `--persist-to DIR` there must also hold the migrated D1.
const extra = process.argv.slice(2);
await migrateLocalD1(extra);
console.log(`\nPecking Order on http://localhost:${port}`);
console.log(`  lobby secret (Authorization: Bearer …): ${secret}`);
console.log(`  lobby: http://localhost:${port}/   inspector: http://localhost:${port}/inspector/`);
console.log(`  rooms: http://localhost:${port}/parties/game-server/<roomId>/…  (docs/protocol.md)\n`);
// DEV_TOOLS=1 turns on local-only developer tools (the inspector's "fire now" for timers).
const code = await wrangler(['dev', '--port', port, '--var', 'DEV_TOOLS:1', ...vapid, ...extra]);
if (!isStopping()) process.exit(code);

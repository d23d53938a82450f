#!/usr/bin/env node
/**
 * `npm run dev`: the UI from Vite's dev server (hot module replacement) against the real Worker.
 * `wrangler dev` runs the Worker on a free loopback port (the same local secret, D1 migrations and
 * state as `npm start`), and Vite proxies `/parties/*` (WebSockets included) and `/api/*` to it.
 * `npm run dev -- --app inspector` serves the inspector at /inspector/ the same way.
 *
 * Why a proxy and not @cloudflare/vite-plugin: its releases (up to 1.64.0) each bundle their own,
 * older wrangler, workerd and miniflare (4.151.0 for 1.64.0), while this project pins wrangler
 * 4.156.2; the plugin would run the Worker on a second, older workerd than `npm start` and the tests.
 *
 * Arguments: `--app client|inspector`, `--ip ADDRESS` (where Vite listens; default localhost), and
 * the rest go to `wrangler dev` as with `npm start` (e.g. `--persist-to DIR`). PORT sets Vite's
 * port (default 5173). On SIGINT (Ctrl-C) or SIGTERM it closes Vite and stops wrangler and workerd.
 */
import { mkdirSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { createServer } from 'vite';
import {
  devVapidArgs,
  ensureDevSecret,
  isStopping,
  migrateLocalD1,
  offlineDefaults,
  stopAndExit,
  stopTreeOnSignals,
  wrangler,
} from './local-worker.mjs';

const APPS = {
  client: { config: 'client/vite.config.ts', path: '/' },
  inspector: { config: 'inspector/vite.config.ts', path: '/inspector/' },
};

/** Takes `--name value` out of the arguments. */
function takeOption(args, name) {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const [, value] = args.splice(at, 2);
  return value;
}

/** A TCP port on 127.0.0.1 that nothing listens on now. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createNetServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

const extra = process.argv.slice(2);
const appName = takeOption(extra, '--app') ?? 'client';
const app = APPS[appName];
if (!app) {
  console.error(`--app must be one of ${Object.keys(APPS).join(', ')}`);
  process.exit(2);
}
const host = takeOption(extra, '--ip') ?? 'localhost';
const port = Number(process.env.PORT ?? 5173);

offlineDefaults();
let vite;
stopTreeOnSignals(() => vite?.close());

const secret = ensureDevSecret();
const vapid = await devVapidArgs();
// wrangler.toml names dist/public as the assets folder; wrangler dev needs it to exist, not a build.
mkdirSync('dist/public', { recursive: true });
await migrateLocalD1(extra);

// The Worker only on loopback: everything reaches it through Vite.
const workerPort = await freePort();
const worker = `http://127.0.0.1:${workerPort}`;
// stdin stays Vite's: wrangler's interactive keys would fight it for the terminal.
const quiet = extra.some((a) => a.startsWith('--show-interactive-dev-session')) ? [] : ['--show-interactive-dev-session=false'];
const workerExit = wrangler(
  ['dev', '--ip', '127.0.0.1', '--port', String(workerPort), '--var', 'DEV_TOOLS:1', ...vapid, ...quiet, ...extra],
  {
    stdin: 'ignore',
  },
);

try {
  vite = await createServer({
    configFile: app.config,
    // A dev server, not a build: never production React, whatever NODE_ENV the shell has.
    mode: 'development',
    server: {
      host,
      port,
      strictPort: true,
      proxy: {
        '/parties': { target: worker, ws: true },
        '/api': { target: worker },
      },
    },
  });
  await vite.listen();
} catch (error) {
  // e.g. the port is taken: wrangler is running already, and must not be left behind.
  console.error(`Vite could not start: ${error.message}`);
  await stopAndExit(1);
}
if (isStopping()) await new Promise(() => {}); // the stop exits

const shown = host === '0.0.0.0' ? 'localhost' : host;
console.log(`\nPecking Order (dev, ${appName}) on http://${shown}:${port}${app.path}  (Vite HMR; the Worker behind it on ${worker})`);
console.log(`  lobby secret (Authorization: Bearer …): ${secret}\n`);

const code = await workerExit;
if (!isStopping()) {
  console.error(`wrangler dev exited (${code}); stopping Vite.`);
  await vite.close();
  process.exit(code || 1);
}

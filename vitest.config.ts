import { mkdirSync } from 'node:fs';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { configDefaults, defineConfig } from 'vitest/config';

// wrangler.toml serves static assets from dist/public; the tests need the folder, not a build.
mkdirSync('dist/public', { recursive: true });

const migrations = await readD1Migrations('worker/journal/migrations');

// A fresh VAPID key per run, as `npm start` makes one: the push tests check signatures against the
// public key the room announces, so no key needs to be committed.
const vapid = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
const vapidPrivateKey = JSON.stringify(await crypto.subtle.exportKey('jwk', vapid.privateKey));

export default defineConfig({
  test: {
    // In CI a machine-readable report too, so .ci/run can refuse skipped tests.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
    projects: [
      // Whole games run in many machines, engine and worker tests: about a second alone, several
      // times that on a loaded two-core machine. Their timeout is there to catch a hang, not to time them.
      {
        // Pure machines: plain Node, simulated clock.
        // Not the versions engine/version-new.test.ts scaffolds while it runs: their migration test fails by design.
        test: {
          name: 'machines',
          include: ['machines/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'machines/.scaffold-*/**'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        // The one host and its XState contract: plain Node, simulated clock.
        test: { name: 'engine', include: ['engine/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        // The wire protocol's schemas, and that no consumer declares them again: plain Node.
        test: { name: 'protocol', include: ['protocol/**/*.test.ts'], environment: 'node' },
      },
      {
        // The whole system in a real browser: wrangler dev + Debian Chromium (see e2e/global-setup.ts).
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts', 'client/**/*.e2e.ts', 'inspector/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['./e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // The inspector's pure parts (chart layout, transitions, context diffs, simulation).
        test: { name: 'inspector', include: ['inspector/**/*.test.ts'], environment: 'node' },
      },
      {
        // The player app's pure parts (what a view says, what may be sent): plain Node, no browser.
        test: { name: 'client', include: ['client/**/*.test.ts'], environment: 'node' },
      },
      {
        // Docs generated from code, compared with what is committed (`npm run docs` rewrites them).
        test: { name: 'docs', include: ['docs/**/*.test.ts'], environment: 'node' },
      },
      {
        // The benchmark and load tool: `npm run bench -- --smoke` end to end (no timing asserted).
        test: { name: 'bench', include: ['bench/**/*.test.ts'], environment: 'node', testTimeout: 300_000, hookTimeout: 300_000 },
      },
      {
        // The room: real Durable Objects, SQLite, D1 and alarms inside workerd.
        plugins: [
          cloudflareTest({
            main: './worker/test/entry.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: { LOBBY_SECRET: 'test-lobby-secret', TEST_MIGRATIONS: migrations, VAPID_PRIVATE_KEY: vapidPrivateKey },
            },
          }),
        ],
        test: { name: 'worker', include: ['worker/**/*.test.ts'], setupFiles: ['./worker/test/apply-migrations.ts'], testTimeout: 30_000 },
      },
    ],
  },
});

/**
 * Where browser tests put their screenshots: `test-results/screenshots/` in a test run, so
 * `npm test` never rewrites tracked files; `docs/screenshots/` when someone means to refresh the
 * pictures the docs show (`npm run screenshots`).
 */
export const SHOTS = process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots';

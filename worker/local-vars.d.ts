/**
 * The Worker's bindings come from `wrangler types` (worker/worker-configuration.d.ts, generated from
 * wrangler.toml: `npm run types`). This adds only what wrangler.toml does not declare because only
 * local runs set it (`npm start` passes `--var DEV_TOOLS:1`); production never has it.
 */
interface LocalOnlyVars {
  /** "1" turns on developer tools (firing timers by hand); never set in production. */
  DEV_TOOLS?: string;
}

interface Env extends LocalOnlyVars {}

declare namespace Cloudflare {
  interface Env extends LocalOnlyVars {}
}

#!/usr/bin/env node
/**
 * `node scripts/check-env.mjs [--config wrangler.toml] [env]`: refuses to deploy to an environment
 * that wrangler.toml does not declare completely. wrangler only warns about (or falls back to the top
 * level for) some missing pieces, and a missing `durable_objects` or `d1_databases` section in an env
 * would deploy a Worker without its rooms or journal, or bound to production's journal.
 *
 * No env (or "production") checks the top level. A named env must declare its own `name`, every
 * Durable Object binding of the top level and its required secrets (wrangler inherits neither), and a
 * D1 `DB` binding to a database other than production's. Prints `<worker name> <D1 database name>` when it passes.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';

const args = process.argv.slice(2);
const configAt = args.indexOf('--config');
const configPath = configAt >= 0 ? args[configAt + 1] : 'wrangler.toml';
const positional = configAt >= 0 ? args.filter((_, i) => i !== configAt && i !== configAt + 1) : args;
const envName = positional[0] ?? 'production';

function fail(message) {
  console.error(`check-env: ${message}`);
  process.exit(1);
}

const config = parse(readFileSync(configPath, 'utf8'));
const journal = (section) => (section.d1_databases ?? []).find((d) => d.binding === 'DB');
const objects = (section) => (section.durable_objects?.bindings ?? []).map((b) => `${b.name}=${b.class_name}`).sort();

if (!config.name) fail(`${configPath} has no top-level name.`);
if (!journal(config)) fail(`${configPath} has no D1 binding DB at the top level.`);

if (envName === 'production') {
  console.log(`${config.name} ${journal(config).database_name}`);
  process.exit(0);
}

const env = config.env?.[envName];
if (!env) {
  const known = Object.keys(config.env ?? {});
  fail(
    `${configPath} declares no [env.${envName}] (declared: ${known.length ? known.join(', ') : 'none'}); add it before deploying with --env ${envName}.`,
  );
}
if (!env.name || env.name === config.name) fail(`[env.${envName}] needs a worker name of its own (production is "${config.name}").`);
const missing = objects(config).filter((b) => !objects(env).includes(b));
if (missing.length) fail(`[env.${envName}] lacks the Durable Object bindings ${missing.join(', ')} (wrangler does not inherit them).`);
const db = journal(env);
if (!db) fail(`[env.${envName}] lacks the D1 binding DB (wrangler does not inherit d1_databases).`);
if (db.database_name === journal(config).database_name || db.database_id === journal(config).database_id) {
  fail(`[env.${envName}]'s journal must be a D1 database of its own, not production's "${journal(config).database_name}".`);
}
const secrets = (section) => [...(section.secrets?.required ?? [])].sort().join(', ');
if (secrets(env) !== secrets(config)) {
  fail(
    `[env.${envName}] must require the same secrets as the top level (${secrets(config) || 'none'}); wrangler does not inherit \`secrets\`.`,
  );
}
console.log(`${env.name} ${db.database_name}`);

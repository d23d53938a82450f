#!/usr/bin/env node
/**
 * The client's production bundle, gzipped: every .js and .css file under dist/public except the
 * inspector's (dist/public/inspector), which has its own budget. Prints one line per file and the
 * total; exits 1 when the total is over the budget (200 KB). Run after `npm run build`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CLIENT_BUDGET_BYTES = 200 * 1024;
const ROOT = 'dist/public';
const EXCLUDED = [join(ROOT, 'inspector')];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (EXCLUDED.includes(path)) continue;
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(js|css)$/.test(name)) yield path;
  }
}

/** The gzipped size of each client JS and CSS file, and their total, in bytes. */
export function measureClientBundle(root = ROOT) {
  const sizes = [...files(root)].map((path) => ({
    file: relative(root, path),
    gzipBytes: gzipSync(readFileSync(path), { level: 9 }).length,
  }));
  return { files: sizes, totalGzipBytes: sizes.reduce((sum, { gzipBytes }) => sum + gzipBytes, 0) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files: sizes, totalGzipBytes } = measureClientBundle();
  if (sizes.length === 0) {
    console.error(`No JS or CSS in ${ROOT}: run \`npm run build\` first.`);
    process.exit(1);
  }
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  for (const { file, gzipBytes } of sizes.sort((a, b) => b.gzipBytes - a.gzipBytes)) console.log(`${kb(gzipBytes).padStart(10)}  ${file}`);
  console.log(`${kb(totalGzipBytes).padStart(10)}  total gzipped (budget ${kb(CLIENT_BUDGET_BYTES)})`);
  if (totalGzipBytes > CLIENT_BUDGET_BYTES) process.exit(1);
}

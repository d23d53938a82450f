/**
 * `npm run bench -- --smoke` end to end: it starts the system, runs every step at tiny sizes and
 * writes results of the documented shape. No timing is asserted: benchmarks are never timed
 * assertions in `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkShape, STEP_NAMES, type BenchResults } from './results';

const out = mkdtempSync(join(tmpdir(), 'pecking-order-bench-smoke-'));
let run: ReturnType<typeof spawnSync>;
let results: BenchResults;

beforeAll(async () => {
  const bundle = join(out, 'main.mjs');
  await build({ entryPoints: ['bench/main.ts'], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning' });
  run = spawnSync(process.execPath, [bundle, '--smoke', '--out', out], { encoding: 'utf8', timeout: 240_000 });
  results = JSON.parse(readFileSync(join(out, 'benchmarks.json'), 'utf8'));
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench -- --smoke', () => {
  it('runs every step and exits 0', () => {
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    for (const name of STEP_NAMES) expect(results.steps[name]?.error, name).toBeUndefined();
  });

  it('writes results of the documented shape, with every target judged', () => {
    expect(checkShape(results)).toEqual([]);
    expect(results.mode).toBe('smoke');
    expect(results.targets.map((t) => t.met)).not.toContain(null);
  });

  it('writes the report and the chart', () => {
    const markdown = readFileSync(join(out, 'benchmarks.md'), 'utf8');
    expect(markdown).toContain('## Targets');
    expect(markdown).toContain('![benchmark chart](benchmarks.svg)');
    expect(readFileSync(join(out, 'benchmarks.svg'), 'utf8')).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('reports progress on stderr and the targets on stdout', () => {
    expect(run.stderr).toContain('[1/6] latency');
    expect(run.stdout).toContain('timer lateness p99 under 100 ms');
  });
});

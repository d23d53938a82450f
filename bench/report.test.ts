/** The pure parts of the bench: statistics, the report's regeneration, deltas, the snapshot config. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceMapLocate } from './cpu-profile';
import { BENCH_CONFIG, snapshotConfig } from './local-server';
import { renderMarkdown } from './report';
import { withDeltas, type BenchResults } from './results';
import { distribution, median, quantile, quartileDrift, slope } from './stats';

describe('stats', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.99)).toBe(99);
    expect(distribution([3, 1, 2])).toMatchObject({ n: 3, p50: 2, max: 3, mean: 2 });
  });

  it('takes the median of rounds, odd or even, whatever their order', () => {
    expect(median([1.9, 1.2, 1.5])).toBe(1.5);
    expect(median([1.6, 1.2, 2.0, 1.4])).toBe(1.5);
    expect(median([])).toBeNaN();
  });

  it('sees a flat series as flat and a growing one as growing', () => {
    const flat = Array.from({ length: 40 }, () => 1000);
    expect(quartileDrift(flat).ratio).toBe(1);
    expect(
      slope(
        flat.map((_, i) => i),
        flat,
      ),
    ).toBe(0);
    const growing = flat.map((v, i) => v + i * 10);
    expect(quartileDrift(growing).ratio).toBeGreaterThan(1.2);
    expect(
      slope(
        growing.map((_, i) => i),
        growing,
      ),
    ).toBeCloseTo(10);
  });
});

describe('the report', () => {
  const results = {
    schema: 1,
    mode: 'full',
    target: 'local',
    machine: {
      cpu: 'cpu',
      cores: 2,
      memoryGiB: 1,
      os: 'os',
      node: 'v22',
      workerd: 'w',
      wrangler: '4',
      commit: 'abc',
      dirty: false,
      date: '2026-01-01T00:00:00Z',
      loadAverageAtStart: [0, 0, 0],
    },
    totalSeconds: 1,
    steps: {},
    metrics: withDeltas([{ id: 'a', label: 'a', unit: 'ms', value: 12 }], [{ id: 'a', label: 'a', unit: 'ms', value: 10 }]),
    targets: [],
  } as unknown as BenchResults;

  it('shows the change since the previous run', () => {
    expect(results.metrics[0]!.delta).toBe(2);
    expect(renderMarkdown(results, 'chart.svg')).toContain('| +2 (+20%) |');
  });

  it('keeps the written analysis when it is generated again', () => {
    const first = renderMarkdown(results, 'chart.svg').replace(
      '_No analysis written yet._',
      'The room parses its snapshot once per player.',
    );
    expect(renderMarkdown(results, 'chart.svg', first)).toContain('The room parses its snapshot once per player.');
  });
});

describe('the snapshot config', () => {
  it('moves the three paths of the real bench config and keeps everything else', () => {
    const toml = readFileSync(BENCH_CONFIG, 'utf8');
    const { config, bundle } = snapshotConfig(toml, '/tmp/work', resolve('bench'));
    expect(bundle).toBe('/tmp/work/bundle/bench-entry.js');
    expect(config).toContain('main = "/tmp/work/bundle/bench-entry.js"');
    expect(config).toContain('directory = "/tmp/work/public"');
    expect(config).toContain(`migrations_dir = "${resolve('worker/journal/migrations')}"`);
    expect(config.replace(/^(main|directory|migrations_dir) = .*$/gm, '')).toBe(
      toml.replace(/^(main|directory|migrations_dir) = .*$/gm, ''),
    );
  });
});

describe('CPU profile locations', () => {
  it('names the sources of the bundle the map belongs to (the bench build is bench-entry.js), and no other module', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pecking-order-map-'));
    try {
      // Generated line 1 → engine/host.ts line 1, generated line 2 → worker/game-server.ts line 3.
      const map = { version: 3, sources: ['../../engine/host.ts', '../../worker/game-server.ts'], names: [], mappings: 'AAAA;ACEA' };
      writeFileSync(join(dir, 'bench-entry.js.map'), JSON.stringify(map));
      const locate = sourceMapLocate(join(dir, 'bench-entry.js.map'));
      expect(locate({ url: 'file:///tmp/w/bundle/bench-entry.js', lineNumber: 0, columnNumber: 0 })).toBe('engine/host.ts:1');
      expect(locate({ url: 'file:///tmp/w/bundle/bench-entry.js', lineNumber: 1, columnNumber: 0 })).toBe('worker/game-server.ts:3');
      // As workerd's profiles name it: the bare file name.
      expect(locate({ url: 'bench-entry.js', lineNumber: 1, columnNumber: 0 })).toBe('worker/game-server.ts:3');
      expect(locate({ url: 'other-bench-entry.js', lineNumber: 1, columnNumber: 0 })).toBe('other-bench-entry.js:2');
      expect(locate({ url: 'file:///tmp/w/__mf_do_wrapper.js', lineNumber: 9, columnNumber: 0 })).toBe('__mf_do_wrapper.js:10');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The client's production bundle stays small: at most 200 KB of JS and CSS, gzipped, outside
 * dist/public/inspector. The e2e project's global setup has just built it.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations.
import { CLIENT_BUDGET_BYTES, measureClientBundle } from '../scripts/bundle-size.mjs';

describe('the client bundle', () => {
  it('is at most 200 KB gzipped', () => {
    const { files, totalGzipBytes } = measureClientBundle() as { files: { file: string }[]; totalGzipBytes: number };
    expect(files.some(({ file }) => /^assets\/play-.*\.js$/.test(file))).toBe(true);
    expect(files.some(({ file }) => file.startsWith('inspector/'))).toBe(false);
    expect(CLIENT_BUDGET_BYTES).toBe(200 * 1024);
    expect(totalGzipBytes).toBeLessThanOrEqual(CLIENT_BUDGET_BYTES);
  });
});

/**
 * The host runs on XState's public API alone: no code outside tests reads or writes underscore
 * members of XState objects or the actor system's scheduler. (The Stately event format's own
 * `_version` field is data, not an XState member.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['engine', 'worker', 'machines', 'inspector', 'client', 'protocol'];
const INTERNAL = [/\.\s*_(?!version\b)[A-Za-z]\w*/, /\bsystem\s*\.\s*scheduler\b/, /\bscheduledEvents\b/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.(test|e2e)\.ts$/.test(name) ? [path] : [];
  });
}

describe('public XState API only', () => {
  it('no source outside tests reaches into XState internals', () => {
    const offences: string[] = [];
    for (const file of ROOTS.flatMap(sources)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.trim().startsWith('*') || line.trim().startsWith('//')) return;
          if (INTERNAL.some((pattern) => pattern.test(line))) offences.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offences).toEqual([]);
  });
});

/**
 * Adding a machine version is a catalog-only change: the worker hosts whatever `machines/catalog.ts`
 * registers, through the contract (machines/'s top-level modules: machine-version.ts, registry.ts,
 * definition.ts), and knows no version by name. So registering blitz@1 (or any later version) changes no file of the worker.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from './catalog';

/**
 * The worker may import machines/'s own top-level modules (the catalog and the version-neutral
 * contract: machine-version, registry, definition, …), never a module inside a version's folder.
 */
const isContract = (module: string) => !module.includes('/');

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      // The test harness registers fixtures on purpose; it is not the worker that ships.
      if (name !== 'test') yield* sources(path);
    } else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) yield path;
  }
}

const workerFiles = [...sources('worker')].map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** Every `machines/…` module a source imports, as a path under machines/ without extension. */
function machineImports(text: string): string[] {
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](?:\.\.\/)+machines\/([^'"]+)['"]/g)].map((m) => m[1]!.replace(/\.ts$/, ''));
}

describe('the worker hosts versions through the catalog alone', () => {
  it('reads the worker’s shipped sources (the scan sees something)', () => {
    expect(workerFiles.length).toBeGreaterThan(20);
    expect(workerFiles.some((file) => machineImports(file.text).includes('catalog'))).toBe(true);
  });

  it('imports from machines/ nothing but the catalog and the contract, never a version’s folder', () => {
    const reaching = workerFiles.flatMap((file) =>
      machineImports(file.text)
        .filter((module) => !isContract(module))
        .map((module) => `${file.path} imports machines/${module}`),
    );
    expect(reaching).toEqual([]);
  });

  it('names no game mode but the product’s own name, and never one registered after it', () => {
    const names = new Set(catalog.list().map((version) => version.name));
    // The product's own name, not a version: the legacy token issuer (auth.ts), the push contact
    // address, comments. The lobby API's default comes from machines/lobby-modes.ts.
    names.delete('pecking-order');
    const naming = workerFiles.flatMap((file) =>
      [...names].filter((name) => new RegExp(`\\b${name}\\b`, 'i').test(file.text)).map((name) => `${file.path} names ${name}`),
    );
    expect(names.has('blitz')).toBe(true);
    expect(naming).toEqual([]);
  });
});

/**
 * README's "Game modes" table names every version the catalog registers, and nothing else: a new
 * version (or a mode) that ships without its line fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog } from '../machines/catalog';
import { refOf } from '../machines/machine-version';

function modesInReadme(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = /^## Game modes\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
}

describe('README’s game modes', () => {
  it('lists every catalog version once', () => {
    const listed = modesInReadme();
    expect(listed.length).toBeGreaterThan(0);
    expect([...listed].sort()).toEqual(catalog.list().map(refOf).sort());
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDuration, renderGameRulesDoc } from './rules-doc';
import { REFUSAL_CODES } from './refusals';
import { VOTE_TYPES } from '../rules';
import { V2_HEADING } from '../v2/rules-doc';

const DOC = fileURLToPath(new URL('../../../docs/game-rules.md', import.meta.url));

describe('docs/game-rules.md', () => {
  // The document covers every version: @1's part comes first, the later versions' follow it
  // (v2/rules-doc.test.ts checks the whole file).
  it('opens with exactly what renderGameRulesDoc() renders (UPDATE_DOCS=1 rewrites that part)', () => {
    const rendered = renderGameRulesDoc();
    if (process.env.UPDATE_DOCS) {
      const doc = readFileSync(DOC, 'utf8');
      const later = doc.indexOf(V2_HEADING);
      writeFileSync(DOC, later >= 0 ? `${rendered}\n${doc.slice(later)}` : rendered);
    }
    expect(readFileSync(DOC, 'utf8').slice(0, rendered.length)).toBe(rendered);
  });

  it('lists every refusal code, vote type and preset time', () => {
    const rendered = renderGameRulesDoc();
    for (const { code } of REFUSAL_CODES) expect(rendered).toContain(`| \`${code}\` |`);
    for (const type of VOTE_TYPES) expect(rendered).toContain(`| \`${type}\` |`);
    for (const time of ['09:00 UTC', '10:00 UTC', '20:00 UTC', '23:00 UTC', '23:30 UTC']) expect(rendered).toContain(time);
  });

  it('formats durations for people', () => {
    expect(formatDuration(9.5 * 3_600_000)).toBe('9 h 30 min');
    expect(formatDuration(10_000)).toBe('10 s');
    expect(formatDuration(1_500)).toBe('1.5 s');
    expect(formatDuration(0)).toBe('0 s');
  });
});

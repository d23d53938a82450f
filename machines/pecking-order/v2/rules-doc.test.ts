import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CARTRIDGE_NAMES, cartridgePlayerEvents } from './cartridges';
import { REFUSAL_CODES } from './refusals';
import { renderGameRulesDocument } from './rules-doc';

const DOC = fileURLToPath(new URL('../../../docs/game-rules.md', import.meta.url));

describe('docs/game-rules.md, both versions', () => {
  it('is exactly @1’s rules followed by what @2 adds (UPDATE_DOCS=1 rewrites it)', () => {
    const rendered = renderGameRulesDocument();
    if (process.env.UPDATE_DOCS) writeFileSync(DOC, rendered);
    expect(readFileSync(DOC, 'utf8')).toBe(rendered);
  });

  it('lists every refusal code, cartridge and cartridge event of @2', () => {
    const rendered = renderGameRulesDocument();
    for (const { code } of REFUSAL_CODES) expect(rendered).toContain(`| \`${code}\` |`);
    for (const name of CARTRIDGE_NAMES) expect(rendered).toContain(`| \`${name}\` |`);
    for (const type of Object.keys(cartridgePlayerEvents)) expect(rendered).toContain(`| \`${type}\` |`);
  });
});

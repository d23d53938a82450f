/**
 * Docs that cannot drift: a Markdown file holds blocks between `<!-- generated:NAME -->` and
 * `<!-- /generated:NAME -->` markers; tests render each block from the code and compare. Run
 * `npm run docs` to rewrite the blocks after changing the code they describe.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export function replaceBlocks(markdown: string, blocks: Record<string, string>): string {
  let out = markdown;
  for (const [name, body] of Object.entries(blocks)) {
    const pattern = new RegExp(`(<!-- generated:${name} -->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!pattern.test(out)) throw new Error(`no generated:${name} block`);
    out = out.replace(pattern, (_m, open: string, close: string) => `${open}${body.trimEnd()}\n${close}`);
  }
  return out;
}

/** Returns the file as it should be; rewrites it when UPDATE_DOCS is set. */
export function syncDoc(path: string, blocks: Record<string, string>): { actual: string; expected: string } {
  const actual = readFileSync(path, 'utf8');
  const expected = replaceBlocks(actual, blocks);
  if (process.env.UPDATE_DOCS && expected !== actual) writeFileSync(path, expected);
  return { actual: process.env.UPDATE_DOCS ? expected : actual, expected };
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const escapeCell = (cell: string | number) => String(cell).replaceAll('|', '\\|');
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
  ].join('\n');
}

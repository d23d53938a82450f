/**
 * The protocol is defined once. The apps that read it in the browser (client/, inspector/) import
 * it from protocol/ and declare none of it again: no frame types of their own, no close-code
 * numbers, nothing named like what protocol/ exports. And protocol/ imports only zod, so every side
 * may import it. This reads the sources (tests aside); the worker's side is checked by
 * worker/protocol.test.ts, which parses what a real room sends.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InspectorFrame, ServerFrame } from './index';

const CONSUMERS = ['client', 'inspector'];

function sourcesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourcesIn(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|e2e)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const protocolFiles = sourcesIn('protocol');

/** Every name protocol/ exports, types included (a schema and its type share one name). */
const exportedNames = new Set(
  protocolFiles.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^export (?:type|interface|const|function) (\w+)/gm)].map((m) => m[1]!),
  ),
);
/** The same names as a consumer might shorten them (`RoomStatus` for `RoomStatusBody`). */
const protectedNames = new Set([...exportedNames].flatMap((name) => [name, name.replace(/Body$/, '')]));

/** The `type` of every frame a consumer receives: it reads these, it never declares them. */
const receivedFrameTypes = new Set([...ServerFrame.options, ...InspectorFrame.options].map((frame) => frame.shape.type.value));

const IMPORT = /^import\s+(?:type\s+)?(?:[\w$]+\s*,?\s*)?(?:\{([^}]*)\})?(?:\*\s+as\s+\w+)?\s*from\s+'([^']+)'/gm;

const importsOf = (text: string) =>
  [...text.matchAll(IMPORT)].map((m) => ({
    names: (m[1] ?? '')
      .split(',')
      .map(
        (part) =>
          part
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0]!,
      )
      .filter(Boolean),
    from: m[2]!,
    line: text.slice(0, m.index).split('\n').length,
  }));

const insideProtocol = (file: string, from: string) =>
  from.startsWith('.') && !relative('protocol', resolve(dirname(file), from)).startsWith('..');

function violationsIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  // Import statements are checked below; blanked here so that `import { type X }` is no declaration.
  const code = text.replace(IMPORT, (statement) => statement.replace(/[^\n]/g, ''));
  code.split('\n').forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    for (const type of receivedFrameTypes) if (line.includes(`type: '${type}'`)) found.push(`${at}: declares the frame type '${type}'`);
    for (const number of line.match(/\b40(?:0[1-9]|[1-9]\d)\b/g) ?? []) found.push(`${at}: names the close code ${number}`);
    for (const m of line.matchAll(/\b(?:interface|type|const|let|var|function|class|enum)\s+(\w+)/g)) {
      if (protectedNames.has(m[1]!)) found.push(`${at}: declares ${m[1]}, which protocol/ defines`);
    }
  });
  for (const { names, from, line } of importsOf(text)) {
    const at = `${file}:${line}`;
    if (resolve(dirname(file), from).startsWith(resolve('worker'))) found.push(`${at}: imports worker/ (${from})`);
    // Only local files can restate the protocol; a package's type of the same name (xstate's `StateValue`) is its own.
    if (!from.startsWith('.')) continue;
    for (const name of names) {
      if (exportedNames.has(name) && !insideProtocol(file, from)) found.push(`${at}: imports ${name} from ${from}, not from protocol/`);
    }
  }
  return found;
}

describe('the protocol module', () => {
  it('is the only definition of the protocol in client/ and inspector/', () => {
    expect(CONSUMERS.flatMap((dir) => sourcesIn(dir)).flatMap(violationsIn)).toEqual([]);
  });

  it('is what the apps read frames with: the player client with ServerFrame, the inspector with InspectorFrame', () => {
    const importers = (dir: string, name: string) =>
      sourcesIn(dir).filter((file) =>
        importsOf(readFileSync(file, 'utf8')).some((i) => i.names.includes(name) && insideProtocol(file, i.from)),
      );
    expect(importers('client', 'ServerFrame')).not.toEqual([]);
    expect(importers('inspector', 'InspectorFrame')).not.toEqual([]);
  });

  it('imports only zod and its own files', () => {
    const imports = protocolFiles.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => `${file}: ${m[1]}`),
    );
    expect(imports).toContain('protocol/frames.ts: zod');
    expect(imports.filter((line) => !/: (zod|\.\/[\w-]+)$/.test(line))).toEqual([]);
  });
});

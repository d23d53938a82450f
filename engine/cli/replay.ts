/**
 * `npm run replay -- [--strict] <draft.json> <history.json>…`: replays each room's input history
 * (protocol/input-history.ts) on the version the room ran (its `machine`) and on the draft, and
 * prints where each diverged. The draft is a root chart (createMachine JSON), `{ chart, children }`,
 * or a version bundle (machines/chart/version-bundle.ts), run with the base version's
 * implementations (machines/chart/draft-version.ts).
 *
 * Exit code: 0 when every history ran (diverged or not: a divergence is a finding, not a failure);
 * with `--strict`, 1 when any diverged or did not replay to its recorded states; 2 when an argument
 * cannot be read or the draft does not fit its base.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ChartNode } from '../../machines/chart/chart';
import { versionFromChart } from '../../machines/chart/draft-version';
import { isVersionBundle } from '../../machines/chart/version-bundle';
import { catalog } from '../../machines/catalog';
import type { MachineVersion } from '../../machines/machine-version';
import type { MachineRegistry } from '../../machines/registry';
import { InputHistory } from '../../protocol';
import { compareReplay, type ReplayPoint } from '../replay';

export interface CliIo {
  log(line: string): void;
  error(line: string): void;
}

interface Draft {
  /** The base the draft was made from, when it says (a bundle does). */
  base?: string;
  chart: ChartNode;
  children: Record<string, ChartNode>;
}

function readDraft(value: unknown): Draft | null {
  if (isVersionBundle(value)) return { base: value.base, chart: value.chart, children: value.children ?? {} };
  if (!value || typeof value !== 'object') return null;
  const v = value as { chart?: ChartNode; children?: Record<string, ChartNode>; states?: unknown };
  if (v.chart && typeof v.chart === 'object') return { chart: v.chart, children: v.children ?? {} };
  if (v.states && typeof v.states === 'object') return { chart: value as ChartNode, children: {} };
  return null;
}

/** A state value as its active leaves: `{ pregame: 'scheduled' }` → `pregame.scheduled`. */
export function leavesOf(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [`${prefix}${value}`];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leavesOf(v, `${prefix}${k}.`));
  return [String(value)];
}

const sides = (point: { original: ReplayPoint; draft: ReplayPoint }) => {
  const a = leavesOf(point.original.value).join(', ');
  const b = leavesOf(point.draft.value).join(', ');
  return a === b ? a : `${a} → draft: ${b}`;
};

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)];
}

/** Runs the command; returns its exit code. */
export function main(argv: readonly string[], io: CliIo = console, registry: MachineRegistry = catalog): number {
  const strict = argv.includes('--strict');
  const [draftFile, ...historyFiles] = argv.filter((a) => a !== '--strict');
  if (!draftFile || historyFiles.length === 0) {
    io.error('Usage: npm run replay -- [--strict] <draft.json> <history.json>…');
    return 2;
  }
  let draft: Draft | null;
  try {
    draft = readDraft(JSON.parse(readFileSync(draftFile, 'utf8')));
  } catch (error) {
    io.error(`${draftFile} cannot be read: ${(error as Error).message}`);
    return 2;
  }
  if (!draft) {
    io.error(`${draftFile} is neither a chart, { chart, children } nor a version bundle.`);
    return 2;
  }
  const drafts = new Map<string, MachineVersion>();
  const rows = [['room', 'entries', 'result', 'input', 'state before', 'state after']];
  let findings = 0;
  for (const file of historyFiles) {
    let history: InputHistory;
    try {
      history = InputHistory.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      io.error(`${file} is not an input history: ${(error as Error).message}`);
      return 2;
    }
    const base = registry.get(history.machine);
    if (!base) {
      io.error(`${file}: the room ran ${history.machine}, which this build does not register.`);
      return 2;
    }
    if (draft.base && draft.base !== history.machine) {
      rows.push([history.room, String(history.entries.length), `skipped: the draft is for ${draft.base}`, '', '', '']);
      continue;
    }
    let version = drafts.get(history.machine);
    if (!version) {
      const built = versionFromChart(base, draft.chart, draft.children);
      if (!('version' in built)) {
        io.error(`${draftFile} does not fit ${history.machine}:`);
        for (const issue of built.issues) io.error(`- ${issue.message}`);
        return 2;
      }
      version = built.version;
      drafts.set(history.machine, version);
    }
    const comparison = compareReplay(base, version, history);
    if (comparison.recorded.length > 0) {
      findings++;
      io.error(
        `${file}: the original did not replay to the recorded state at entries ${comparison.recorded.map((m) => m.index).join(', ')}.`,
      );
    }
    const d = comparison.divergence;
    if (!d) {
      rows.push([history.room, String(comparison.entries), 'same', '', '', '']);
      continue;
    }
    findings++;
    const input = d.entry
      ? d.entry.input.type === 'player'
        ? `${d.entry.input.playerId}: ${d.entry.input.event.type}`
        : d.entry.input.type === 'admin'
          ? `admin: ${d.entry.input.event.type}`
          : d.entry.input.type
      : 'start';
    rows.push([
      history.room,
      String(history.entries.length),
      `diverged at ${d.index}: ${d.reason}`,
      input,
      sides(d.before),
      sides(d.after),
    ]);
  }
  for (const line of table(rows)) io.log(line);
  return strict && findings > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));

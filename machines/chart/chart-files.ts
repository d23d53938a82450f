/**
 * The chart files of a version, as `npm run machines:export` writes them to docs/machines/: one
 * Stately Studio importable file per machine, since Studio imports one machine config at a time.
 *
 * - `<name>@<version>.chart.json`: the root chart;
 * - `<name>@<version>.<src>.chart.json`: each child machine, by the `src` key the root invokes it with.
 *
 * The chart is the config `createMachine` takes, with the version's bound functions (context,
 * output, child inputs: see chart-binding.ts) left to its TypeScript.
 */
import type { AnyStateMachine } from 'xstate';
import { refOf, type MachineVersion } from '../machine-version';
import type { ChartNode } from './chart';
import { implementationsOf } from './chart-binding';
import { chartOf } from './chart-export';

export interface ChartFile {
  /** The file's name in docs/machines/. */
  file: string;
  /** The child's `src` key; absent for the root. */
  src?: string;
  chart: ChartNode;
}

const isMachine = (logic: unknown): logic is AnyStateMachine =>
  !!logic && typeof logic === 'object' && 'root' in logic && 'config' in logic;

export const rootChartFile = (version: Pick<MachineVersion, 'name' | 'version'>) => `${refOf(version)}.chart.json`;
export const childChartFile = (version: Pick<MachineVersion, 'name' | 'version'>, src: string) => `${refOf(version)}.${src}.chart.json`;

/** The root's chart file and every child machine's. Throws ChartExportError when a chart holds a function. */
export function chartFilesOf(version: MachineVersion): ChartFile[] {
  const files: ChartFile[] = [{ file: rootChartFile(version), chart: chartOf(version.machine) }];
  for (const [src, logic] of Object.entries(implementationsOf(version.machine).actors)) {
    if (isMachine(logic)) files.push({ file: childChartFile(version, src), src, chart: chartOf(logic) });
  }
  return files;
}

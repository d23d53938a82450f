/**
 * The designer's one door to the pure chart modules (machines/chart/, engine replay): what a
 * version's chart is, what names it may use, whether a chart fits them, how it differs, how it runs.
 * The editor's views import from here only, so a change in those modules' shape is one file's change.
 */
import type { MachineVersion } from '../../machines/machine-version';
import type { ChartImplementationNames, ChartNode } from '../../machines/chart/chart';
import { implementationNamesOf, implementationsOf, machineFromChart } from '../../machines/chart/chart-binding';
import { checkChart, type ChartIssue } from '../../machines/chart/chart-check';
import { diffCharts, type ChartDiff } from '../../machines/chart/chart-diff';
import { chartOf } from '../../machines/chart/chart-export';
import { versionFromChart } from '../../machines/chart/draft-version';
import { describeMachine, type MachineDefinition } from '../../machines/definition';

export type { ChartDiff, ChartImplementationNames, ChartIssue, ChartNode };
export { checkChart, diffCharts, versionFromChart };

/** A registered version's root chart, as data (what a draft starts from). */
export const baseChartOf = (version: MachineVersion): ChartNode => chartOf(version.machine);

/** The guards, actions, delays and child logic a chart may name, from the version's implementations. */
export const namesOf = (version: MachineVersion): ChartImplementationNames => implementationNamesOf(implementationsOf(version.machine));

/**
 * The drawing of a draft: its chart described like a registered version's, even when it does not
 * fit the implementations yet (an unknown guard or delay draws fine; the issues list says what is
 * wrong). Only a chart XState cannot build at all (a target that leads nowhere) gives an error.
 */
export function describeDraft(base: MachineVersion, chart: ChartNode): { definition: MachineDefinition } | { error: string } {
  try {
    const machine = machineFromChart(chart, implementationsOf(base.machine));
    const definition = describeMachine({ ...base, machine });
    return { definition };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

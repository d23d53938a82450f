/**
 * A machine version from a chart: the base version's implementations, binding, schemas,
 * projection and lobby, with the machine built from the chart (and, optionally, new charts for
 * some of its child machines). This is how the workbench and `npm run replay` run a designer's
 * draft: through the production host (engine/host.ts), unchanged, since only the chart differs.
 */
import type { AnyStateMachine } from 'xstate';
import { hostableProblems } from '../hostable';
import { refOf, type MachineVersion } from '../machine-version';
import type { ChartNode } from './chart';
import { implementationNamesOf, implementationsOf, machineFromChart, type ChartBinding } from './chart-binding';
import { checkChart, type ChartIssue } from './chart-check';
import { ChartExportError, bindingOf } from './chart-export';

const isMachine = (logic: unknown): logic is AnyStateMachine =>
  !!logic && typeof logic === 'object' && 'root' in logic && 'config' in logic;

/** `machine` built from `chart` with the implementations and binding of `like`; issues when the chart does not fit them. */
function rebuilt(
  like: AnyStateMachine,
  chart: ChartNode,
  actors?: Record<string, unknown>,
): { machine: AnyStateMachine } | { issues: ChartIssue[] } {
  const implementations = implementationsOf(like);
  if (actors) implementations.actors = actors;
  const issues = checkChart(chart, implementationNamesOf(implementations));
  if (issues.length > 0) return { issues };
  let binding: ChartBinding;
  try {
    binding = bindingOf(like);
  } catch (error) {
    if (!(error instanceof ChartExportError)) throw error;
    return { issues: [{ statePath: error.where, kind: 'bad-form', name: 'binding', message: error.message }] };
  }
  try {
    return { machine: machineFromChart(chart, implementations, binding) };
  } catch (error) {
    const statePath = chart.id ?? '(machine)';
    return {
      issues: [
        { statePath, kind: 'bad-form', name: statePath, message: `State "${statePath}" cannot be built: ${(error as Error).message}` },
      ],
    };
  }
}

/**
 * The version `base` would be with `chart` as its root chart, and `childCharts` (by `src`) in place
 * of the child machines they name. Pure; the issues name the state at fault.
 */
export function versionFromChart<TInit>(
  base: MachineVersion<TInit>,
  chart: ChartNode,
  childCharts: Record<string, ChartNode> = {},
): { version: MachineVersion<TInit> } | { issues: ChartIssue[] } {
  const actors = implementationsOf(base.machine).actors;
  const issues: ChartIssue[] = [];
  for (const [src, childChart] of Object.entries(childCharts)) {
    const child = actors[src];
    if (!isMachine(child)) {
      const statePath = childChart.id ?? src;
      issues.push({
        statePath,
        kind: 'unknown-actor',
        name: src,
        message: `State "${statePath}" is the chart of child "${src}", which ${refOf(base)} does not have as a child machine.`,
      });
      continue;
    }
    const built = rebuilt(child, childChart);
    if ('issues' in built) issues.push(...built.issues);
    else actors[src] = built.machine;
  }
  if (issues.length > 0) return { issues };
  const built = rebuilt(base.machine, chart, actors);
  if ('issues' in built) return built;
  // What registration would refuse, the workbench must not simulate either: the room could not host it.
  const problems = hostableProblems(built.machine);
  if (problems.length > 0) {
    return {
      issues: problems.map((message) => {
        const statePath = /state "([^"]+)"/i.exec(message)?.[1] ?? chart.id ?? '(machine)';
        return { statePath, kind: 'not-hostable' as const, name: statePath, message };
      }),
    };
  }
  return { version: { ...base, machine: built.machine } };
}

/**
 * What a chart may use so that the one host (engine/host.ts) can persist it and make its time
 * durable. Registration refuses a version that breaks one of these, naming the state and the form:
 *
 * - delays: `after`, delayed `raise` and delayed `sendTo` (also `sendParent`), in the root and in
 *   child machines, are all made durable; a named delay must exist in `setup({ delays })` (XState
 *   would treat a missing one as "no delay" and fire at once);
 * - children: invoked and spawned children need an explicit `id` (their path keys their timers and
 *   survives restores) and a `src` naming a state machine in `setup({ actors })`. Inline logic
 *   cannot be persisted, and promise, callback, observable or transition logic keeps its own time
 *   or work in memory, which no host can carry across an eviction;
 * - names and targets: every guard and action the chart names exists in the implementations, every
 *   target and `initial` is a state of the chart (machines/chart/chart-check.ts). XState would run
 *   a missing action as nothing, and a missing guard fails only when first evaluated, in a game.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { ChartNode } from './chart/chart';
import { implementationNamesOf, implementationsOf } from './chart/chart-binding';
import { checkChart, type ChartIssueKind } from './chart/chart-check';

/** What checkChart adds to the checks below (delays, actors and invoke ids are judged below, by form). */
const CHART_ISSUES: ReadonlySet<ChartIssueKind> = new Set(['unknown-guard', 'unknown-action', 'unknown-target', 'bad-initial', 'bad-form']);

interface ActionLike {
  type?: string;
  id?: unknown;
  src?: unknown;
  delay?: unknown;
}

const isMachine = (logic: unknown): logic is AnyStateMachine =>
  !!logic && typeof logic === 'object' && 'root' in logic && 'config' in logic;

/** Why `machine` cannot be hosted durably; empty when it can. */
export function hostableProblems(machine: AnyStateMachine, seen = new Set<AnyStateMachine>()): string[] {
  if (seen.has(machine)) return [];
  seen.add(machine);
  const problems: string[] = [];
  const actors = (machine.implementations?.actors ?? {}) as Record<string, unknown>;
  const delays = (machine.implementations?.delays ?? {}) as Record<string, unknown>;

  const child = (where: string, form: string, id: unknown, src: unknown) => {
    if (typeof id !== 'string' || id.length === 0) problems.push(`${where}: ${form} needs an explicit id`);
    const logic = typeof src === 'string' ? actors[src] : undefined;
    if (typeof src !== 'string' || logic === undefined) {
      problems.push(`${where}: ${form} "${String(id)}" must name its logic in setup({ actors }) (inline logic cannot be persisted)`);
    } else if (!isMachine(logic)) {
      problems.push(
        `${where}: ${form} "${String(id)}" runs "${src}", which is not a state machine: only machine children can be made durable`,
      );
    } else {
      problems.push(...hostableProblems(logic, seen).map((p) => `child "${src}": ${p}`));
    }
  };
  const delay = (where: string, form: string, value: unknown) => {
    if (typeof value === 'string' && !(value in delays)) {
      problems.push(`${where}: ${form} uses the delay "${value}", which setup({ delays }) does not define`);
    }
  };
  const actions = (where: string, list: readonly unknown[]) => {
    for (const action of list as ActionLike[]) {
      if (action?.type === 'xstate.spawnChild') {
        const src = action.src;
        if (typeof src === 'string' || typeof src === 'function' || typeof src === 'object') child(where, 'spawnChild', action.id, src);
      }
      if (
        (action?.type === 'xstate.raise' || action?.type === 'xstate.sendTo') &&
        typeof action.id === 'string' &&
        action.id.startsWith('xstate.after.')
      )
        continue;
      if (action?.type === 'xstate.raise') delay(where, 'a delayed raise', action.delay);
      if (action?.type === 'xstate.sendTo') delay(where, 'a delayed sendTo', action.delay);
    }
  };

  const chartIssues = checkChart(machine.config as ChartNode, implementationNamesOf(implementationsOf(machine)));
  // Targets first: XState resolves them lazily, and reading a transition with a missing one throws.
  const badTargets = chartIssues.some((i) => i.kind === 'unknown-target' || i.kind === 'bad-initial');
  for (const issue of chartIssues) if (CHART_ISSUES.has(issue.kind)) problems.push(issue.message);
  if (badTargets) return problems;

  const visit = (node: AnyStateNode) => {
    const where = `state "${node.id}"`;
    // The definitions keep the config's order; XState makes up an id where the config has none.
    const configs = [node.config.invoke ?? []].flat() as { id?: unknown }[];
    node.invoke.forEach((invoke, i) => {
      child(where, 'invoke', configs[i]?.id, invoke.src);
    });
    for (const key of Object.keys(node.config.after ?? {})) {
      if (Number.isNaN(Number(key))) delay(where, '`after`', key);
    }
    actions(where, node.entry);
    actions(where, node.exit);
    for (const transitions of node.transitions.values()) for (const t of transitions) actions(`${where} on "${t.eventType}"`, t.actions);
    for (const t of node.always ?? []) actions(`${where} always`, t.actions);
    for (const sub of Object.values(node.states)) visit(sub);
  };
  visit(machine.root);
  return problems;
}

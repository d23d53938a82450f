/**
 * How a chart (data) becomes a machine (behaviour), in one place.
 *
 * `createMachine(chart).provide(implementations)` supplies what the chart names: guards, actions,
 * delays and actors. Three things a running game needs cannot be named that way, because XState
 * takes them only as functions in the config itself, and `provide` cannot supply them:
 *
 * - the root's initial `context` (a function of the machine's input),
 * - the machine's `output` (a function of its final context),
 * - an invoked child's `input` (a function of the parent's context).
 *
 * So a version binds them beside its implementations, as a {@link ChartBinding}: `context` and
 * `output` for the machine, and `inputs` keyed by the child's `src` (every invocation of a child
 * logic computes its input the same way; the export refuses a chart where two differ). The chart
 * keeps static values where they are static. Nothing else may be a function: chart-export.ts fails
 * on any other.
 */
import { and, createMachine, not, or, type AnyStateMachine } from 'xstate';
import type { ChartImplementationNames, ChartNode } from './chart';

type Mapper = (args: any) => unknown;

export interface ChartBinding {
  /** The initial context, from `{ input }`; XState's `context` config. */
  context?: Mapper;
  /** The machine's output, from `{ context }`; XState's `output` config. */
  output?: Mapper;
  /** An invoked child's input from `{ context, event }`, by the child's `src`. */
  inputs?: Record<string, Mapper>;
}

/** What `provide` supplies: a machine's implementations, as `setup({...})` declared them. */
export interface ChartImplementations {
  guards: Record<string, unknown>;
  actions: Record<string, unknown>;
  delays: Record<string, unknown>;
  actors: Record<string, unknown>;
}

/** The implementations a built machine carries (from `setup` or `provide`). */
export function implementationsOf(machine: AnyStateMachine): ChartImplementations {
  const i = (machine.implementations ?? {}) as Partial<ChartImplementations>;
  return { guards: { ...i.guards }, actions: { ...i.actions }, delays: { ...i.delays }, actors: { ...i.actors } };
}

/** The names a chart may use with these implementations. */
export function implementationNamesOf(implementations: ChartImplementations): ChartImplementationNames {
  return {
    guards: Object.keys(implementations.guards),
    actions: Object.keys(implementations.actions),
    delays: Object.keys(implementations.delays),
    actors: Object.keys(implementations.actors),
  };
}

const COMBINATORS: Record<string, (guards: any[]) => unknown> = {
  'xstate.and': (guards) => and(guards),
  'xstate.or': (guards) => or(guards),
  'xstate.not': (guards) => not(guards[0]),
};

/** XState's guard for a chart's guard: combinators become `and`/`or`/`not`, the rest stays as is. */
function guardOf(guard: unknown): unknown {
  if (guard && typeof guard === 'object' && (guard as { type?: string }).type! in COMBINATORS) {
    const { type, guards } = guard as { type: string; guards: unknown[] };
    return COMBINATORS[type]!(guards.map(guardOf));
  }
  return guard;
}

function bindTransitions(transition: unknown): unknown {
  if (Array.isArray(transition)) return transition.map(bindTransitions);
  if (transition && typeof transition === 'object' && 'guard' in transition) {
    return { ...transition, guard: guardOf((transition as { guard: unknown }).guard) };
  }
  return transition;
}

function bindNode(node: ChartNode, binding: ChartBinding): Record<string, unknown> {
  const out: Record<string, unknown> = { ...node };
  for (const key of ['on', 'after'] as const) {
    if (node[key]) out[key] = Object.fromEntries(Object.entries(node[key]!).map(([k, t]) => [k, bindTransitions(t)]));
  }
  for (const key of ['always', 'onDone'] as const) if (node[key] !== undefined) out[key] = bindTransitions(node[key]);
  if (node.invoke !== undefined) {
    const bound = [node.invoke].flat().map((invoke) => {
      const input = binding.inputs?.[invoke.src];
      const b: Record<string, unknown> = { ...invoke };
      for (const key of ['onDone', 'onError', 'onSnapshot'] as const) if (invoke[key] !== undefined) b[key] = bindTransitions(invoke[key]);
      if (input && invoke.input === undefined) b.input = input;
      return b;
    });
    out.invoke = Array.isArray(node.invoke) ? bound : bound[0];
  }
  if (node.states) {
    out.states = Object.fromEntries(Object.entries(node.states).map(([key, child]) => [key, bindNode(child, binding)]));
  }
  return out;
}

/**
 * The machine a chart describes: `createMachine(chart)` with the binding's context, output and
 * inputs, `.provide(implementations)`. The chart is not modified.
 */
export function machineFromChart(chart: ChartNode, implementations: ChartImplementations, binding: ChartBinding = {}): AnyStateMachine {
  const config = bindNode(chart, binding);
  if (binding.context) config.context = binding.context;
  if (binding.output) config.output = binding.output;
  return createMachine(config as any).provide(implementations as any);
}

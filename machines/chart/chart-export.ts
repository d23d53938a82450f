/**
 * A TypeScript-written machine's chart as data: its config with the bound functions (see
 * chart-binding.ts) taken out, and those functions as its binding. Any other function, or any
 * value JSON cannot hold (inline actor logic, a built-in action object), makes the export fail,
 * naming where it is: the chart must be what designers read and Stately Studio imports, losslessly.
 */
import type { AnyStateMachine } from 'xstate';
import type { ChartNode } from './chart';
import type { ChartBinding } from './chart-binding';

export class ChartExportError extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(message);
    this.name = 'ChartExportError';
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/** XState's `and`/`or`/`not` guards are functions carrying `guards`; the chart writes them as data. */
// biome-ignore lint/complexity/noBannedTypes: XState's and/or/not guards are bare functions carrying `guards`; nothing narrower describes them
function combinatorOf(fn: Function): { type: string; guards: unknown[] } | null {
  const guards = (fn as { guards?: unknown }).guards;
  if (!Array.isArray(guards) || !['and', 'or', 'not'].includes(fn.name)) return null;
  return { type: `xstate.${fn.name}`, guards };
}

/** A JSON copy of `value`, or a ChartExportError naming the first thing JSON cannot hold. */
function pure(value: unknown, where: string, key?: string): unknown {
  if (typeof value === 'function') {
    const combined = key === 'guard' ? combinatorOf(value) : null;
    if (combined) return { type: combined.type, guards: combined.guards.map((g, i) => pure(g, `${where}.guards[${i}]`, 'guard')) };
    throw new ChartExportError(
      where,
      `${where} is a function (${value.name || 'inline'}): name it in setup() and refer to it by name, or bind it (chart-binding.ts).`,
    );
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ChartExportError(where, `${where} is ${value}, which JSON cannot hold.`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item, i) => pure(item, `${where}[${i}]`, key));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = pure(v, `${where}.${k}`, k);
    return out;
  }
  throw new ChartExportError(
    where,
    `${where} is ${typeof value === 'object' ? 'an object of a class' : typeof value}, which JSON cannot hold.`,
  );
}

interface Extracted {
  chart: ChartNode;
  binding: ChartBinding;
}

/** Splits a machine's config into its chart (JSON) and its binding (functions). Throws ChartExportError. */
export function exportChart(machine: AnyStateMachine): Extracted {
  const config = machine.config as Record<string, unknown>;
  const binding: ChartBinding = {};
  const inputs: Record<string, (args: any) => unknown> = {};
  const { context, output, ...rest } = config;
  const root: Record<string, unknown> = { ...rest };
  if (typeof context === 'function') binding.context = context as ChartBinding['context'];
  else if (context !== undefined) root.context = context;
  if (typeof output === 'function') binding.output = output as ChartBinding['output'];
  else if (output !== undefined) root.output = output;

  const takeInputs = (node: Record<string, unknown>, where: string): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...node };
    if (node.invoke !== undefined) {
      const invokes = [node.invoke].flat() as Record<string, unknown>[];
      const stripped = invokes.map((invoke, i) => {
        const { input, ...others } = invoke;
        if (typeof input !== 'function') return invoke;
        const src = invoke.src;
        if (typeof src !== 'string') return invoke; // pure() reports the inline logic
        const known = inputs[src];
        if (known && known.toString() !== input.toString()) {
          throw new ChartExportError(
            `${where}.invoke[${i}].input`,
            `${where} invokes "${src}" with an input computed unlike elsewhere: a chart binds one input per src.`,
          );
        }
        inputs[src] = known ?? (input as (args: any) => unknown);
        return others;
      });
      out.invoke = Array.isArray(node.invoke) ? stripped : stripped[0];
    }
    if (node.states && typeof node.states === 'object') {
      out.states = Object.fromEntries(
        Object.entries(node.states as Record<string, Record<string, unknown>>).map(([key, child]) => [
          key,
          takeInputs(child, `${where}.${key}`),
        ]),
      );
    }
    return out;
  };
  const id = typeof config.id === 'string' ? config.id : '(machine)';
  const chart = pure(takeInputs(root, id), id) as ChartNode;
  if (Object.keys(inputs).length > 0) binding.inputs = inputs;
  return { chart, binding };
}

/** A machine's chart as JSON data (Stately Studio's import format). Throws ChartExportError. */
export function chartOf(machine: AnyStateMachine): ChartNode {
  return exportChart(machine).chart;
}

/** The functions a machine's chart is bound with (chart-binding.ts). */
export function bindingOf(machine: AnyStateMachine): ChartBinding {
  return exportChart(machine).binding;
}

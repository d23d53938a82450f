/**
 * What a draft chart changes against its base, for a designer to review and a new version's
 * migration to start from: states added, removed or changed (by dotted path), and transitions added,
 * removed or changed (by source state, trigger and position among the trigger's candidates). The
 * shape is plain JSON and sorted, so the same two charts always give the same diff. Pure.
 */
import type { ChartNode, ChartTransition, ChartTransitionObject, StatePath } from './chart';

export type DiffKind = 'added' | 'removed' | 'changed';

/** The fields of a state a diff compares, besides its children and transitions. */
export const STATE_FIELDS = [
  'type',
  'initial',
  'history',
  'entry',
  'exit',
  'invoke',
  'context',
  'output',
  'description',
  'tags',
  'meta',
] as const;
export type StateField = (typeof STATE_FIELDS)[number];

export interface StateDiff {
  path: StatePath;
  kind: DiffKind;
  /** For `changed`: which of the state's own fields differ. */
  fields?: StateField[];
}

/**
 * What makes a transition be taken: `on:<event>`, `after:<delay>`, `always`, `done` (a compound
 * state's `onDone`), or `invoke:<id>:done|error|snapshot`.
 */
export type TransitionTrigger = string;

export interface TransitionDiff {
  /** The state the transition leaves. */
  source: StatePath;
  trigger: TransitionTrigger;
  /** Its position among the trigger's candidates (tried in order; the first whose guard passes wins). */
  index: number;
  kind: DiffKind;
  /** The transition in the base (`removed`, `changed`), normalised: target always a list, actions a list. */
  before?: ChartTransitionObject;
  /** The transition in the draft (`added`, `changed`). */
  after?: ChartTransitionObject;
}

export interface ChartDiff {
  /** True when the draft changes nothing. */
  same: boolean;
  states: StateDiff[];
  transitions: TransitionDiff[];
}

type Flat = {
  states: Map<string, ChartNode>;
  transitions: Map<string, { source: string; trigger: string; index: number; t: ChartTransitionObject }>;
};

function normalised(candidate: string | ChartTransitionObject): ChartTransitionObject {
  const t: ChartTransitionObject = typeof candidate === 'string' ? { target: candidate } : candidate;
  const out: ChartTransitionObject = {};
  if (t.target !== undefined) out.target = [t.target].flat();
  if (t.guard !== undefined) out.guard = t.guard;
  const actions = [t.actions ?? []].flat();
  if (actions.length > 0) out.actions = actions;
  if (t.reenter) out.reenter = true;
  if (t.description !== undefined) out.description = t.description;
  return out;
}

function flatten(chart: ChartNode): Flat {
  const flat: Flat = { states: new Map(), transitions: new Map() };
  const add = (source: string, trigger: string, transition: ChartTransition | undefined) => {
    [transition ?? []].flat().forEach((candidate, index) => {
      flat.transitions.set(`${source}\u0000${trigger}\u0000${index}`, { source, trigger, index, t: normalised(candidate) });
    });
  };
  const visit = (node: ChartNode, path: string) => {
    flat.states.set(path, node);
    for (const [event, t] of Object.entries(node.on ?? {})) add(path, `on:${event}`, t);
    for (const [delay, t] of Object.entries(node.after ?? {})) add(path, `after:${delay}`, t);
    add(path, 'always', node.always);
    add(path, 'done', node.onDone);
    for (const invoke of [node.invoke ?? []].flat()) {
      const id = invoke.id ?? invoke.src;
      add(path, `invoke:${id}:done`, invoke.onDone);
      add(path, `invoke:${id}:error`, invoke.onError);
      add(path, `invoke:${id}:snapshot`, invoke.onSnapshot);
    }
    for (const [key, child] of Object.entries(node.states ?? {})) visit(child, `${path}.${key}`);
  };
  visit(chart, chart.id ?? '(machine)');
  return flat;
}

/** Compares JSON values, ignoring key order (charts written by hand and by Studio order keys differently). */
function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** A state's own field, in a form where a single item and a list of one compare equal. */
function fieldOf(node: ChartNode, field: StateField): unknown {
  const value = node[field];
  if (field === 'entry' || field === 'exit' || field === 'invoke' || field === 'tags') return [value ?? []].flat();
  if (field === 'type' && value === undefined) return node.states && Object.keys(node.states).length > 0 ? 'compound' : 'atomic';
  return value;
}

const byKey = <T extends { source?: string; path?: string; trigger?: string; index?: number }>(a: T, b: T) => {
  const ka = [a.path ?? a.source, a.trigger ?? '', String(a.index ?? 0).padStart(4, '0')].join('\u0000');
  const kb = [b.path ?? b.source, b.trigger ?? '', String(b.index ?? 0).padStart(4, '0')].join('\u0000');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** What `draft` changes against `base`. Pure. */
export function diffCharts(base: ChartNode, draft: ChartNode): ChartDiff {
  const a = flatten(base);
  const b = flatten(draft);
  const states: StateDiff[] = [];
  for (const [path, node] of a.states) {
    const other = b.states.get(path);
    if (!other) {
      states.push({ path, kind: 'removed' });
      continue;
    }
    const fields = STATE_FIELDS.filter((f) => !sameJson(fieldOf(node, f), fieldOf(other, f)));
    if (fields.length > 0) states.push({ path, kind: 'changed', fields });
  }
  for (const path of b.states.keys()) if (!a.states.has(path)) states.push({ path, kind: 'added' });

  const transitions: TransitionDiff[] = [];
  for (const [key, { source, trigger, index, t }] of a.transitions) {
    const other = b.transitions.get(key);
    if (!other) transitions.push({ source, trigger, index, kind: 'removed', before: t });
    else if (!sameJson(t, other.t)) transitions.push({ source, trigger, index, kind: 'changed', before: t, after: other.t });
  }
  for (const [key, { source, trigger, index, t }] of b.transitions) {
    if (!a.transitions.has(key)) transitions.push({ source, trigger, index, kind: 'added', after: t });
  }
  states.sort(byKey);
  transitions.sort(byKey);
  return { same: states.length === 0 && transitions.length === 0, states, transitions };
}

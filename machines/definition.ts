/**
 * A stable, JSON-friendly description of a machine version's chart: states (with their types and
 * initial states), every transition (event, eventless `always`, and `after` with its named delay),
 * invoked children, entry/exit actions, guards, and the child machines it can spawn. Designers read
 * it in the generated catalog page (docs/machines/README.md); the inspector draws charts from it.
 * The charts themselves, as data, are machines/chart/ (exported beside the catalog).
 *
 * Why not `machine.toJSON()`: it leaves out `always` transitions and names delays only inside
 * generated event types; both matter to whoever reads the chart.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { refOf, type MachineRef, type MachineVersion } from './machine-version';

export interface TransitionDescription {
  /** The event type; `always` for eventless transitions; the delay's event for `after`. */
  event: string;
  /** Target state ids; empty for a transition that only runs actions. */
  targets: string[];
  guard?: string;
  actions: string[];
  /** For `after` transitions: the named delay, or the delay in ms. */
  delay?: string | number;
  reenter?: boolean;
}

export interface StateDescription {
  id: string;
  key: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  initial?: string;
  description?: string;
  entry: string[];
  exit: string[];
  invoke: { id: string; src: string }[];
  on: TransitionDescription[];
  always: TransitionDescription[];
  after: TransitionDescription[];
  states: Record<string, StateDescription>;
}

export interface MachineDefinition {
  machine: MachineRef;
  description: string;
  root: StateDescription;
  /** Child machines by their `src` key, described the same way. */
  children: Record<string, StateDescription>;
  playerEvents: string[];
  adminEvents: string[];
  /** Named delays, in the order the chart uses them first. */
  delays: string[];
}

const nameOf = (thing: unknown): string => {
  if (typeof thing === 'string') return thing;
  if (thing && typeof thing === 'object' && 'type' in thing && typeof (thing as { type: unknown }).type === 'string') {
    return (thing as { type: string }).type;
  }
  if (typeof thing === 'function') return (thing as { type?: string }).type ?? (thing.name || '(inline)');
  return '(inline)';
};

function describeTransition(t: any, event: string): TransitionDescription {
  const description: TransitionDescription = {
    event,
    targets: (t.target ?? []).map((node: AnyStateNode) => node.id),
    actions: (t.actions ?? []).map(nameOf),
  };
  if (t.guard) description.guard = nameOf(t.guard);
  if (t.reenter) description.reenter = true;
  return description;
}

function describeState(node: AnyStateNode): StateDescription {
  const after = node.after.map((t: any) => ({
    ...describeTransition(t, String(t.eventType)),
    delay: typeof t.delay === 'function' ? '(expression)' : t.delay,
  }));
  const afterEvents = new Set(node.after.map((t: any) => String(t.eventType)));
  const on: TransitionDescription[] = [];
  for (const [event, transitions] of Object.entries(node.on ?? {})) {
    if (afterEvents.has(event)) continue;
    for (const t of transitions as any[]) on.push(describeTransition(t, event));
  }
  const description: StateDescription = {
    id: node.id,
    key: node.key,
    type: node.type as StateDescription['type'],
    entry: node.entry.map(nameOf),
    exit: node.exit.map(nameOf),
    invoke: node.invoke.map((i: any) => ({ id: String(i.id), src: typeof i.src === 'string' ? i.src : '(inline)' })),
    on,
    always: (node.always ?? []).map((t: any) => describeTransition(t, 'always')),
    after,
    states: Object.fromEntries(Object.entries(node.states).map(([key, child]) => [key, describeState(child as AnyStateNode)])),
  };
  const initial = (node.initial as any)?.target?.[0] as AnyStateNode | undefined;
  if (node.type === 'compound' && initial) description.initial = initial.key;
  if (node.description) description.description = node.description;
  return description;
}

function delaysOf(state: StateDescription, into: string[]): string[] {
  for (const t of state.after) if (typeof t.delay === 'string' && !into.includes(t.delay)) into.push(t.delay);
  for (const child of Object.values(state.states)) delaysOf(child, into);
  return into;
}

export function describeMachine(version: MachineVersion): MachineDefinition {
  const actors = (version.machine.implementations?.actors ?? {}) as Record<string, unknown>;
  const children: Record<string, StateDescription> = {};
  for (const [src, logic] of Object.entries(actors)) {
    if (logic && typeof logic === 'object' && 'root' in logic) children[src] = describeState((logic as AnyStateMachine).root);
  }
  const root = describeState(version.machine.root);
  return {
    machine: refOf(version),
    description: version.description,
    root,
    children,
    playerEvents: Object.keys(version.playerEvents),
    adminEvents: Object.keys(version.adminEvents),
    delays: [root, ...Object.values(children)].reduce<string[]>((all, s) => delaysOf(s, all), []),
  };
}

function stateLines(state: StateDescription, depth: number, out: string[]): void {
  const marks = [state.type !== 'atomic' ? state.type : '', state.initial ? `initial: ${state.initial}` : ''].filter(Boolean).join(', ');
  const timers = state.after.map((t) => `after ${t.delay} → ${t.targets.map((id) => id.split('.').pop()).join(', ')}`);
  const invoked = state.invoke.map((i) => `invokes ${i.src} as ${i.id}`);
  const extra = [marks, ...timers, ...invoked].filter(Boolean).join('; ');
  out.push(`${'  '.repeat(depth)}- \`${state.key}\`${extra ? ` (${extra})` : ''}`);
  for (const child of Object.values(state.states)) stateLines(child, depth + 1, out);
}

/** The catalog page: for each version its states, events and delays. */
export function renderMachineCatalog(definitions: readonly MachineDefinition[]): string {
  const out = [
    '# Machine catalog',
    '',
    'Generated by `npm run machines:export` from the registered machine versions; a test fails when',
    'this page or the charts beside it are stale. Each `<name>@<version>.chart.json` is the root',
    "machine's chart and each `<name>@<version>.<src>.chart.json` a child machine's, in the config",
    "format of XState's `createMachine` (Stately Studio imports it): states, transitions, guards,",
    'actions and delays by name. The context, output and child inputs are bound in TypeScript',
    '(machines/chart/chart-binding.ts says why).',
    '',
  ];
  for (const def of definitions) {
    out.push(`## \`${def.machine}\``, '', def.description, '');
    out.push(`- Player events: ${def.playerEvents.map((e) => `\`${e}\``).join(', ') || 'none'}`);
    out.push(`- Admin events: ${def.adminEvents.map((e) => `\`${e}\``).join(', ') || 'none'}`);
    out.push(`- Named delays: ${def.delays.map((d) => `\`${d}\``).join(', ') || 'none'}`);
    const charts = [`[${def.machine}.chart.json](${def.machine}.chart.json)`];
    for (const src of Object.keys(def.children)) charts.push(`[${def.machine}.${src}.chart.json](${def.machine}.${src}.chart.json)`);
    out.push(`- Charts: ${charts.join(', ')}`, '', '### States', '');
    stateLines(def.root, 0, out);
    for (const [src, child] of Object.entries(def.children)) {
      out.push('', `### Child machine \`${src}\``, '');
      stateLines(child, 0, out);
    }
    out.push('');
  }
  return out.join('\n');
}

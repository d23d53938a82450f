/**
 * Between the drawing and the chart: which state keys a drawn state id is, which transition of the
 * chart a drawn arrow is, and how a diff and check issues colour the drawing. Pure.
 */
import type { StateDescription } from '../../machines/definition';
import type { EdgeInfo } from '../chart/chart-graph';
import { edgeLabelOf } from '../chart/chart-text';
import type { ChartDiff, ChartIssue } from './chart-source';
import type { StateKeys, TransitionRef, Trigger } from './draft-edits';

export interface DrawnChart {
  keysOf: Map<string, string[]>;
  /** Drawn state id by dotted path from the root (the form diffs and issues use: `game.day`). */
  idOfPath: Map<string, string>;
  stateOf: Map<string, StateDescription>;
}

export function drawnChart(root: StateDescription): DrawnChart {
  const keysOf = new Map<string, string[]>();
  const idOfPath = new Map<string, string>();
  const stateOf = new Map<string, StateDescription>();
  const visit = (state: StateDescription, keys: string[]) => {
    keysOf.set(state.id, keys);
    idOfPath.set([root.key, ...keys].join('.'), state.id);
    stateOf.set(state.id, state);
    for (const [key, child] of Object.entries(state.states)) visit(child, [...keys, key]);
  };
  visit(root, []);
  return { keysOf, idOfPath, stateOf };
}

/** The chart's transition an arrow draws; null for an arrow the editor does not address (an initial marker). */
export function transitionOfEdge(drawn: DrawnChart, edge: EdgeInfo): TransitionRef | null {
  const state = drawn.stateOf.get(edge.source);
  const keys = drawn.keysOf.get(edge.source);
  if (!state || !keys) return null;
  const label = edge.label.join('\n');
  const list = edge.kind === 'event' ? state.on : edge.kind === 'after' ? state.after : state.always;
  const found = list.findIndex((t) => t.targets.includes(edge.target) && edgeLabelOf(t, edge.kind).join('\n') === label);
  if (found < 0) return null;
  const t = list[found]!;
  const trigger: Trigger =
    edge.kind === 'event'
      ? { kind: 'on', event: t.event }
      : edge.kind === 'after'
        ? { kind: 'after', delay: t.delay ?? '' }
        : { kind: 'always' };
  const sameTrigger = (u: typeof t) => (edge.kind === 'event' ? u.event === t.event : edge.kind === 'after' ? u.delay === t.delay : true);
  const index = list.slice(0, found).filter(sameTrigger).length;
  return { state: keys, trigger, index };
}

/** `on:<event>`, `after:<delay>` or `always`: the diff's name for a trigger. */
export const diffTriggerOf = (trigger: Trigger) =>
  trigger.kind === 'on' ? `on:${trigger.event}` : trigger.kind === 'after' ? `after:${trigger.delay}` : 'always';

const keysOfPath = (path: string) => path.split('.').slice(1);
const sameKeys = (a: StateKeys, b: StateKeys) => a.length === b.length && a.every((k, i) => b[i] === k);

/** The classes the drawing gets: ` diff-added|removed|changed` per state and arrow, ` has-issue` per state. */
export function chartMarks(drawn: DrawnChart, diff: ChartDiff | null, issues: readonly ChartIssue[]) {
  const states = new Map<string, string>();
  for (const change of diff?.states ?? []) {
    const id = drawn.idOfPath.get(change.path);
    if (id) states.set(id, ` diff-${change.kind}`);
  }
  for (const issue of issues) {
    const id = drawn.idOfPath.get(issue.statePath);
    if (id) states.set(id, `${states.get(id) ?? ''} has-issue`);
  }
  const transitions = diff?.transitions ?? [];
  return {
    stateClass: (id: string) => states.get(id),
    edgeClass: (edge: EdgeInfo) => {
      const ref = transitionOfEdge(drawn, edge);
      if (!ref) return undefined;
      const trigger = diffTriggerOf(ref.trigger);
      const change = transitions.find((t) => t.trigger === trigger && t.index === ref.index && sameKeys(keysOfPath(t.source), ref.state));
      return change ? ` diff-${change.kind}` : undefined;
    },
  };
}

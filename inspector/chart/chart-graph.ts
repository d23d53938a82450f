/**
 * A chart description as an ELK graph: one node per state (compound and parallel states hold their
 * children, so ELK lays the hierarchy out as nested boxes), a small node for each initial marker,
 * and one edge per transition target, placed in the lowest common ancestor of its ends as ELK
 * expects for hierarchy-crossing edges. Transitions between a state and its own ancestor or
 * descendant become lines in the state's box instead: an arrow that must leave and re-enter the
 * same box makes ELK's layered layout sprawl. Collapsed states hide their children; arrows to and
 * from what they hide attach to them. Pure: the layout runs it through ELK.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { StateDescription, TransitionDescription } from '../../machines/definition';
import { bodyLinesOf, edgeLabelOf, FONT, METRICS, type BodyLine, type Measure } from './chart-text';

export type EdgeKind = 'event' | 'always' | 'after';

export const INITIAL_SUFFIX = '#initial';
export const INITIAL_SIZE = 10;
/** The layout's own top level, around the machine's root state. */
export const CHART_ROOT = '#chart';

export interface EdgeInfo {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  label: string[];
  /** For `after`: the named delay (or its ms when the chart gives a number). */
  delay?: string | number;
}

export interface StateInfo {
  state: StateDescription;
  parent: string | null;
  lines: BodyLine[];
  collapsed: boolean;
}

export interface ChartGraph {
  elk: ElkNode;
  states: Map<string, StateInfo>;
  edges: Map<string, EdgeInfo>;
}

const LAYOUT: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.spacing.nodeNode': '18',
  'elk.spacing.edgeNode': '12',
  'elk.spacing.edgeEdge': '8',
  'elk.spacing.edgeLabel': '4',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.json.edgeCoords': 'ROOT',
  'elk.json.shapeCoords': 'ROOT',
};

function indexStates(root: StateDescription) {
  const parents = new Map<string, string | null>();
  const all = new Map<string, StateDescription>();
  const visit = (state: StateDescription, parent: string | null) => {
    all.set(state.id, state);
    parents.set(state.id, parent);
    for (const child of Object.values(state.states)) visit(child, state.id);
  };
  visit(root, null);
  const ancestors = (id: string) => {
    const chain: string[] = [];
    for (let at = parents.get(id); at; at = parents.get(at)) chain.push(at);
    return chain;
  };
  return { parents, all, ancestors };
}

export function chartGraph(root: StateDescription, measure: Measure, collapsed: ReadonlySet<string> = new Set()): ChartGraph {
  const { all, ancestors } = indexStates(root);
  const isRelated = (a: string, b: string) => a === b || ancestors(a).includes(b) || ancestors(b).includes(a);
  /** The state drawn for `id`: itself, or its outermost collapsed ancestor. */
  const shown = (id: string) => {
    const hidden = ancestors(id).filter((a) => collapsed.has(a));
    return hidden.at(-1) ?? id;
  };

  // Transitions, each either an arrow or a line in its source's box.
  const inner = new Map<string, { t: TransitionDescription; kind: EdgeKind; target: string }[]>();
  const edges = new Map<string, EdgeInfo>();
  for (const state of all.values()) {
    const groups: [EdgeKind, TransitionDescription[]][] = [
      ['event', state.on],
      ['always', state.always],
      ['after', state.after],
    ];
    for (const [kind, transitions] of groups) {
      transitions.forEach((t, _i) => {
        t.targets.forEach((target, _j) => {
          const to = all.get(target);
          if (!to) return;
          if (isRelated(state.id, target) && state.id !== target) {
            inner.set(state.id, [...(inner.get(state.id) ?? []), { t, kind, target: to.key }]);
            return;
          }
          const source = shown(state.id);
          const end = shown(target);
          if (source !== state.id && source === end) return; // inside one collapsed state
          const label = edgeLabelOf(t, kind);
          const id = `${source}|${end}|${kind}|${label.join(' ')}`;
          if (!edges.has(id)) edges.set(id, { id, source, target: end, kind, label, ...(t.delay !== undefined ? { delay: t.delay } : {}) });
        });
      });
    }
  }

  const states = new Map<string, StateInfo>();
  const nodes = new Map<string, ElkNode>();
  const textWidth = (lines: string[], font: string) => Math.max(0, ...lines.map((l) => measure(l, font)));

  const build = (state: StateDescription, parent: string | null): ElkNode => {
    const lines = bodyLinesOf(state, inner.get(state.id) ?? []);
    const children = Object.values(state.states);
    const isCollapsed = collapsed.has(state.id) && children.length > 0;
    states.set(state.id, { state, parent, lines, collapsed: isCollapsed });
    const top = METRICS.headerHeight + lines.length * METRICS.lineHeight + (lines.length ? 6 : 0);
    const toggle = children.length ? METRICS.toggleWidth : 0;
    const headerWidth = measure(state.key, FONT.header) + 2 * METRICS.padX + toggle + (state.type === 'parallel' ? 20 : 0);
    const width = Math.ceil(
      Math.max(
        headerWidth,
        textWidth(
          lines.map((l) => l.text),
          FONT.body,
        ) +
          2 * METRICS.padX,
        64,
      ),
    );
    const node: ElkNode = { id: state.id, children: [], edges: [] };
    nodes.set(state.id, node);
    if (children.length === 0 || isCollapsed) {
      node.width = width;
      node.height = top + METRICS.padBottom + (isCollapsed ? METRICS.lineHeight : 0);
      return node;
    }
    node.layoutOptions = {
      'elk.padding': `[top=${top + 8},left=12,bottom=12,right=12]`,
      'elk.nodeSize.constraints': 'MINIMUM_SIZE',
      'elk.nodeSize.minimum': `(${width}, ${top + 20})`,
    };
    if (state.type === 'compound' && state.initial && state.states[state.initial]) {
      const marker = `${state.id}${INITIAL_SUFFIX}`;
      node.children!.push({ id: marker, width: INITIAL_SIZE, height: INITIAL_SIZE });
      const info: EdgeInfo = { id: `${marker}->`, source: marker, target: state.states[state.initial]!.id, kind: 'always', label: [] };
      edges.set(info.id, info);
    }
    for (const child of children) node.children!.push(build(child, state.id));
    return node;
  };
  const elk: ElkNode = { id: CHART_ROOT, layoutOptions: LAYOUT, children: [build(root, null)], edges: [] };
  nodes.set(CHART_ROOT, elk);

  const parentOf = (id: string) => (id.endsWith(INITIAL_SUFFIX) ? id.slice(0, -INITIAL_SUFFIX.length) : (states.get(id)?.parent ?? null));
  const chain = (id: string) => {
    const out: string[] = [];
    for (let at = parentOf(id); at; at = parentOf(at)) out.push(at);
    return out;
  };
  for (const info of edges.values()) {
    const targetChain = new Set([info.target, ...chain(info.target)]);
    const container = [...chain(info.source)].find((a) => targetChain.has(a)) ?? CHART_ROOT;
    const lines = info.label;
    const sized = [...lines, ...(info.kind === 'after' && typeof info.delay === 'string' ? [METRICS.delayReserve] : [])];
    const edge: ElkExtendedEdge = {
      id: info.id,
      sources: [info.source],
      targets: [info.target],
      labels: lines.length
        ? [
            {
              id: `${info.id}#label`,
              text: lines.join('\n'),
              width: Math.ceil(textWidth(sized, FONT.label) + 8),
              height: sized.length * METRICS.labelLineHeight + 4,
            },
          ]
        : [],
    };
    nodes.get(container)!.edges!.push(edge);
  }
  return { elk, states, edges };
}

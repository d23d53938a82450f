/**
 * Lays a chart out with ELK (layered, hierarchy included, orthogonal edges) and flattens the result
 * into absolute boxes and polylines for the view. ELK is loaded on first use: it is most of the
 * inspector's weight.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { StateDescription } from '../../machines/definition';
import { CHART_ROOT, chartGraph, INITIAL_SUFFIX, type EdgeInfo } from './chart-graph';
import type { BodyLine, Measure } from './chart-text';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidOutState extends Box {
  id: string;
  state: StateDescription;
  depth: number;
  lines: BodyLine[];
  /** A region of a parallel state (drawn with a dashed border). */
  region: boolean;
  /** Its children are hidden (it has some). */
  collapsed: boolean;
}

export interface LaidOutMarker extends Box {
  id: string;
  /** The compound state whose initial state this marks. */
  of: string;
}

export interface LaidOutEdge extends EdgeInfo {
  points: { x: number; y: number }[];
  labelBox: Box | null;
}

export interface ChartLayout {
  width: number;
  height: number;
  states: LaidOutState[];
  markers: LaidOutMarker[];
  edges: LaidOutEdge[];
}

let elk: Promise<{ layout(graph: ElkNode): Promise<ElkNode> }> | null = null;
const loadElk = () => (elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK()));

export async function layoutChart(
  root: StateDescription,
  measure: Measure,
  collapsed: ReadonlySet<string> = new Set(),
): Promise<ChartLayout> {
  const graph = chartGraph(root, measure, collapsed);
  const result = await (await loadElk()).layout(graph.elk);
  const states: LaidOutState[] = [];
  const markers: LaidOutMarker[] = [];
  const edges: LaidOutEdge[] = [];

  const visit = (node: ElkNode, depth: number) => {
    const box = { x: node.x ?? 0, y: node.y ?? 0, width: node.width ?? 0, height: node.height ?? 0 };
    if (node.id.endsWith(INITIAL_SUFFIX)) {
      markers.push({ id: node.id, of: node.id.slice(0, -INITIAL_SUFFIX.length), ...box });
    } else if (node.id !== CHART_ROOT) {
      const info = graph.states.get(node.id)!;
      const region = info.parent ? graph.states.get(info.parent)?.state.type === 'parallel' : false;
      states.push({ id: node.id, state: info.state, depth, lines: info.lines, region, collapsed: info.collapsed, ...box });
    }
    for (const edge of (node.edges ?? []) as ElkExtendedEdge[]) {
      const info = graph.edges.get(edge.id)!;
      const points = (edge.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
      const label = edge.labels?.[0];
      edges.push({
        ...info,
        points,
        labelBox: label ? { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 } : null,
      });
    }
    for (const child of node.children ?? []) visit(child, depth + 1);
  };
  visit(result, -1);
  return { width: result.width ?? 0, height: result.height ?? 0, states, markers, edges };
}

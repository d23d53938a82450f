/**
 * A statechart drawn from its description: nested boxes as ELK laid them out, parallel regions
 * dashed, transitions as arrows labelled by event (`always`, `after <delay> = <ms>`), the active
 * states lit. Compound states collapse and expand from their header. Every state box carries
 * `data-state-id` and `data-active` (tests and styles key on them).
 */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { StateDescription } from '../../machines/definition';
import type { EdgeInfo } from './chart-graph';
import { layoutChart, type Box, type ChartLayout, type LaidOutEdge, type LaidOutState } from './chart-layout';
import { canvasMeasure, METRICS } from './chart-text';
import { formatDuration, type DelayResolver } from './delay-ms';
import { Minimap } from './minimap';
import { usePanZoom } from './pan-zoom';

const layouts = new WeakMap<StateDescription, Map<string, Promise<ChartLayout>>>();

/** One layout per description and collapsed set, shared by every view of it. */
function layoutOf(root: StateDescription, collapsed: ReadonlySet<string>): Promise<ChartLayout> {
  const key = [...collapsed].sort().join('\n');
  let byKey = layouts.get(root);
  if (!byKey) layouts.set(root, (byKey = new Map()));
  let layout = byKey.get(key);
  if (!layout) {
    layout = layoutChart(root, canvasMeasure(), collapsed);
    byKey.set(key, layout);
  }
  return layout;
}

/** The latest layout of `root`; while a new collapsed set is laid out, the previous one stays. */
function useLayout(root: StateDescription, collapsed: ReadonlySet<string>) {
  const [state, setState] = useState<{ root: StateDescription; layout: ChartLayout | null; error: string | null }>({
    root,
    layout: null,
    error: null,
  });
  useEffect(() => {
    let current = true;
    layoutOf(root, collapsed).then(
      (layout) => current && setState({ root, layout, error: null }),
      (error) => current && setState({ root, layout: null, error: String(error?.message ?? error) }),
    );
    return () => {
      current = false;
    };
  }, [root, collapsed]);
  return state.root === root ? state : { layout: null, error: null };
}

const union = (boxes: Box[]): Box | null => {
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
};

const isLeaf = (s: LaidOutState) => s.collapsed || Object.keys(s.state.states).length === 0;
/** Below this scale labels are hard to read: "Active" then centres on the first active state instead. */
const READABLE = 0.55;

export interface ChartViewProps {
  root: StateDescription;
  active: ReadonlySet<string>;
  resolveDelay?: DelayResolver;
  /** Accessible name and test hook: `data-chart`. */
  name: string;
  /** Shown in the toolbar instead of the name. */
  caption?: ReactNode;
  /** A small panel: no overview map, no collapse-all. */
  compact?: boolean;
  /** What the first view shows: the active states (default) or the whole chart. */
  initialView?: 'active' | 'whole';
  height?: number | string;
  /** Makes states and arrows clickable (the designer selects what to edit). */
  onSelect?(selection: ChartSelection): void;
  /** The selected state's id or arrow's id, drawn outlined. */
  selected?: string | null;
  /** Extra classes per state and per arrow (the designer marks diffs and issues). */
  stateClass?(id: string): string | undefined;
  edgeClass?(edge: EdgeInfo): string | undefined;
}

export type ChartSelection = { kind: 'state'; id: string } | { kind: 'edge'; edge: EdgeInfo };

export function ChartView({
  root,
  active,
  resolveDelay,
  name,
  caption,
  compact = false,
  initialView = 'active',
  height = '100%',
  onSelect,
  selected,
  stateClass,
  edgeClass,
}: ChartViewProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const { layout, error } = useLayout(root, collapsed);
  const { ref, view, fit, zoom, centerOn, viewport, handlers } = usePanZoom();
  const [follow, setFollow] = useState(initialView === 'active');
  const arrow = useId().replace(/:/g, '');

  const activeKey = [...active].sort().join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: activeKey is the stable key of the active set (a new Set each render would recompute every time)
  const activeLeaves = useMemo(
    () => (layout ? layout.states.filter((s) => active.has(s.id) && isLeaf(s)) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [layout, activeKey],
  );
  const wholeBox = layout ? { x: 0, y: 0, width: layout.width, height: layout.height } : null;

  const showActive = () => {
    const box = union(activeLeaves);
    if (!box) return;
    const { width, height: h } = viewport();
    const k = Math.min((width - 48) / box.width, (h - 48) / box.height, 1);
    if (k >= READABLE) fit(box, 1);
    else centerOn(activeLeaves[0]!.x + activeLeaves[0]!.width / 2, activeLeaves[0]!.y + activeLeaves[0]!.height / 2, 0.9);
  };

  const shown = useRef<ChartLayout | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reframes when the layout, the active states (by key) or following change; the helpers are read as they are then
  useEffect(() => {
    if (!layout || !wholeBox) return;
    const first = shown.current === null;
    shown.current = layout;
    if (first && (initialView === 'whole' || activeLeaves.length === 0)) fit(wholeBox, 1);
    else if (follow || first) showActive();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout, activeKey, follow]);

  const toggle = (id: string) => {
    setFollow(false);
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  };
  const collapseInactive = () => {
    if (!layout) return;
    setFollow(true);
    setCollapsed(
      new Set(layout.states.filter((s) => !active.has(s.id) && Object.keys(s.state.states).length > 0 && s.depth > 0).map((s) => s.id)),
    );
  };

  const big =
    !compact && layout ? Math.min((viewport().width - 48) / layout.width, (viewport().height - 48) / layout.height) < READABLE : false;

  return (
    <div className="chart" data-chart={name} style={{ height }}>
      <div className="chart-tools">
        <span className="chart-name">{caption ?? name}</span>
        <button
          type="button"
          data-chart-action="fit"
          onClick={() => wholeBox && (setFollow(false), fit(wholeBox, 1))}
          title="Show the whole chart"
        >
          Fit
        </button>
        <button
          type="button"
          data-chart-action="active"
          onClick={() => (setFollow(true), showActive())}
          className={follow ? 'on' : ''}
          title="Follow the active states"
        >
          Active
        </button>
        <button type="button" onClick={() => (setFollow(false), zoom(1 / 1.25))} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={() => (setFollow(false), zoom(1.25))} aria-label="Zoom in">
          +
        </button>
        <span className="chart-scale">{Math.round(view.k * 100)}%</span>
        {big && (
          <button
            type="button"
            data-chart-action="collapse-inactive"
            onClick={collapseInactive}
            title="Collapse every state with nothing active inside"
          >
            Collapse inactive
          </button>
        )}
        {collapsed.size > 0 && (
          <button type="button" data-chart-action="expand-all" onClick={() => setCollapsed(new Set())}>
            Expand all
          </button>
        )}
      </div>
      <div
        className="chart-viewport"
        ref={ref}
        {...handlers}
        onPointerDown={(e) => {
          if (e.button === 0) setFollow(false);
          handlers.onPointerDown(e);
        }}
        onWheel={() => setFollow(false)}
      >
        {error && <p className="error pad">Layout failed: {error}</p>}
        {!layout && !error && <p className="muted pad">Laying out {root.key}…</p>}
        {layout && (
          <svg className="chart-svg" width="100%" height="100%">
            <title>Statechart</title>
            <defs>
              <marker id={arrow} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" className="arrowhead" />
              </marker>
            </defs>
            <g transform={`translate(${view.x},${view.y}) scale(${view.k})`}>
              {layout.states.map((s) => (
                <StateBox
                  key={s.id}
                  laid={s}
                  active={active.has(s.id)}
                  onToggle={() => toggle(s.id)}
                  onFocus={() => (setFollow(false), fit(s, 1.5))}
                  extra={`${selected === s.id ? ' selected' : ''}${stateClass?.(s.id) ?? ''}`}
                  {...(onSelect ? { onSelect: () => onSelect({ kind: 'state', id: s.id }) } : {})}
                />
              ))}
              {layout.markers.map((m) => (
                <circle key={m.id} className="initial-marker" cx={m.x + m.width / 2} cy={m.y + m.height / 2} r={m.width / 2} />
              ))}
              {layout.edges.map((e) => (
                <Edge
                  key={e.id}
                  edge={e}
                  arrow={arrow}
                  live={active.has(e.source) && !e.source.endsWith('#initial')}
                  resolveDelay={resolveDelay}
                  extra={`${selected === e.id ? ' selected' : ''}${edgeClass?.(e) ?? ''}`}
                  {...(onSelect && !e.source.endsWith('#initial') ? { onSelect: () => onSelect({ kind: 'edge', edge: e }) } : {})}
                />
              ))}
            </g>
          </svg>
        )}
        {layout && big && (
          <Minimap
            layout={layout}
            active={active}
            view={view}
            viewport={viewport()}
            centerOn={(x, y) => (setFollow(false), centerOn(x, y))}
          />
        )}
      </div>
    </div>
  );
}

function StateBox({
  laid,
  active,
  onToggle,
  onFocus,
  onSelect,
  extra = '',
}: {
  laid: LaidOutState;
  active: boolean;
  onToggle(): void;
  onFocus(): void;
  onSelect?(): void;
  extra?: string;
}) {
  const { state, x, y, width, height, lines } = laid;
  const kind = laid.region ? 'region' : state.type;
  const hasChildren = Object.keys(state.states).length > 0;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a state drawn in SVG; clicking selects it, and the same states are reachable by keyboard from the side panels
    <g
      className={`state state-${kind}${active ? ' active' : ''}${laid.collapsed ? ' collapsed' : ''}${extra}`}
      data-state-id={state.id}
      data-active={active ? 'true' : 'false'}
      {...(onSelect ? { onClick: (e: { stopPropagation(): void }) => (e.stopPropagation(), onSelect()) } : {})}
      onDoubleClick={(e) => (e.stopPropagation(), onFocus())}
    >
      <title>{`${state.id} (${state.type})${state.description ? `\n${state.description}` : ''}\nDouble-click to zoom in.`}</title>
      <rect x={x} y={y} width={width} height={height} rx={laid.region ? 4 : 8} className="state-box" />
      {state.type === 'final' && <rect x={x + 3} y={y + 3} width={width - 6} height={height - 6} rx={6} className="state-final-inner" />}
      <text x={x + METRICS.padX} y={y + 17} className="state-key">
        {state.key}
        {state.type === 'parallel' && <tspan className="state-badge"> ∥</tspan>}
      </text>
      {hasChildren && (
        // biome-ignore lint/a11y/useSemanticElements: inside an SVG there is no <button>; the role names what the shape does
        <g
          className="state-toggle"
          onClick={(e) => (e.stopPropagation(), onToggle())}
          onDoubleClick={(e) => e.stopPropagation()}
          role="button"
          aria-label={laid.collapsed ? `Expand ${state.key}` : `Collapse ${state.key}`}
        >
          <rect x={x + width - METRICS.toggleWidth - 2} y={y + 3} width={METRICS.toggleWidth} height={18} rx={3} />
          <text x={x + width - METRICS.toggleWidth / 2 - 2} y={y + 16} textAnchor="middle">
            {laid.collapsed ? '▸' : '▾'}
          </text>
        </g>
      )}
      {lines.map((line, i) => (
        <text
          key={i}
          x={x + METRICS.padX}
          y={y + METRICS.headerHeight + i * METRICS.lineHeight + 8}
          className={`state-line line-${line.kind}`}
        >
          {line.text}
        </text>
      ))}
      {laid.collapsed && (
        <text x={x + METRICS.padX} y={y + METRICS.headerHeight + lines.length * METRICS.lineHeight + 8} className="state-line line-hidden">
          {`▸ ${Object.keys(state.states).length} states inside`}
        </text>
      )}
    </g>
  );
}

function Edge({
  edge,
  arrow,
  live,
  resolveDelay,
  onSelect,
  extra = '',
}: {
  edge: LaidOutEdge;
  arrow: string;
  live: boolean;
  resolveDelay?: DelayResolver;
  onSelect?(): void;
  extra?: string;
}) {
  if (edge.points.length < 2) return null;
  const d = edge.points.map((p, i) => `${i ? 'L' : 'M'} ${p.x} ${p.y}`).join(' ');
  const ms = edge.kind === 'after' && edge.delay !== undefined ? (resolveDelay?.(edge.delay) ?? null) : null;
  const box = edge.labelBox;
  return (
    <g
      className={`edge edge-${edge.kind}${live ? ' live' : ''}${extra}`}
      data-edge-source={edge.source}
      data-edge-target={edge.target}
      {...(onSelect ? { onClick: (e: { stopPropagation(): void }) => (e.stopPropagation(), onSelect()) } : {})}
    >
      {onSelect && <path d={d} className="edge-hit" />}
      <path d={d} markerEnd={`url(#${arrow})`} className="edge-path" />
      {box && (
        <g className="edge-label">
          <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={3} />
          {edge.label.map((line, i) => (
            <text key={i} x={box.x + 4} y={box.y + 12 + i * METRICS.labelLineHeight} className={i === 0 ? 'edge-event' : 'edge-actions'}>
              {line}
            </text>
          ))}
          {edge.kind === 'after' && typeof edge.delay === 'string' && (
            <text x={box.x + 4} y={box.y + 12 + edge.label.length * METRICS.labelLineHeight} className="edge-delay">
              {ms === null ? '= ? ms' : `= ${formatDuration(ms)}`}
            </text>
          )}
        </g>
      )}
    </g>
  );
}

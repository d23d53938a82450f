/** An overview of a big chart in a corner: its top-level boxes, the active states, and where the view is. */
import type { PointerEvent } from 'react';
import type { ChartLayout } from './chart-layout';
import type { View } from './pan-zoom';

const MAX_W = 200;
const MAX_H = 110;

export function Minimap({
  layout,
  active,
  view,
  viewport,
  centerOn,
}: {
  layout: ChartLayout;
  active: ReadonlySet<string>;
  view: View;
  viewport: { width: number; height: number };
  centerOn(x: number, y: number): void;
}) {
  const s = Math.min(MAX_W / layout.width, MAX_H / layout.height);
  const width = layout.width * s;
  const height = layout.height * s;
  const seen = { x: -view.x / view.k, y: -view.y / view.k, width: viewport.width / view.k, height: viewport.height / view.k };
  const go = (e: PointerEvent<SVGSVGElement>) => {
    if (e.buttons !== 1 && e.type !== 'pointerdown') return;
    e.stopPropagation();
    const rect = e.currentTarget.getBoundingClientRect();
    centerOn((e.clientX - rect.left) / s, (e.clientY - rect.top) / s);
  };
  return (
    <svg className="minimap" width={width} height={height} onPointerDown={go} onPointerMove={go} aria-label="Overview: click to move there">
      <rect width={width} height={height} className="minimap-bg" />
      {layout.states.map((st) => {
        const leaf = Object.keys(st.state.states).length === 0 || st.collapsed;
        if (!(st.depth <= 2 || (leaf && active.has(st.id)))) return null;
        return (
          <rect
            key={st.id}
            x={st.x * s}
            y={st.y * s}
            width={Math.max(1, st.width * s)}
            height={Math.max(1, st.height * s)}
            className={leaf && active.has(st.id) ? 'minimap-active' : 'minimap-state'}
          />
        );
      })}
      <rect x={seen.x * s} y={seen.y * s} width={seen.width * s} height={seen.height * s} className="minimap-view" />
    </svg>
  );
}

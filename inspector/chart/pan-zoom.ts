/** Pan and zoom for a chart: wheel zooms around the pointer, dragging pans, and boxes can be fitted. */
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Box } from './chart-layout';

export interface View {
  k: number;
  x: number;
  y: number;
}

const MIN_K = 0.05;
const MAX_K = 3;
const clampK = (k: number) => Math.min(MAX_K, Math.max(MIN_K, k));

/** The view that shows `box` in a viewport, at most at `maxK`. */
export function fitView(box: Box, viewport: { width: number; height: number }, maxK = 1, margin = 24): View {
  const k = clampK(Math.min((viewport.width - 2 * margin) / box.width, (viewport.height - 2 * margin) / box.height, maxK));
  return { k, x: viewport.width / 2 - (box.x + box.width / 2) * k, y: viewport.height / 2 - (box.y + box.height / 2) * k };
}

export function usePanZoom() {
  const ref = useRef<HTMLDivElement | null>(null);
  const [view, setView] = useState<View>({ k: 1, x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number; view: View; pointerId: number; captured: boolean } | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    // React's wheel listener is passive; zooming must stop the page from scrolling.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = element.getBoundingClientRect();
      const px = e.clientX - rect.left;
      const py = e.clientY - rect.top;
      setView((v) => {
        const k = clampK(v.k * Math.exp(-e.deltaY * 0.0015));
        return { k, x: px - ((px - v.x) * k) / v.k, y: py - ((py - v.y) * k) / v.k };
      });
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  const onPointerDown = useCallback(
    (e: ReactPointerEvent) => {
      if (e.button !== 0) return;
      drag.current = { x: e.clientX, y: e.clientY, view, pointerId: e.pointerId, captured: false };
    },
    [view],
  );
  const onPointerMove = useCallback((e: ReactPointerEvent) => {
    const start = drag.current;
    if (!start) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    // Capture only once it is a drag, so a click or double click still reaches the state under it.
    if (!start.captured) {
      if (Math.hypot(dx, dy) < 4) return;
      (e.currentTarget as Element).setPointerCapture(start.pointerId);
      start.captured = true;
    }
    setView({ ...start.view, x: start.view.x + dx, y: start.view.y + dy });
  }, []);
  const onPointerUp = useCallback(() => {
    drag.current = null;
  }, []);

  const viewport = () => ({ width: ref.current?.clientWidth ?? 800, height: ref.current?.clientHeight ?? 600 });
  // biome-ignore lint/correctness/useExhaustiveDependencies: viewport() reads a ref only: stable for the component's life
  const fit = useCallback((box: Box, maxK = 1) => setView(fitView(box, viewport(), maxK)), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: viewport() reads a ref only: stable for the component's life
  const zoom = useCallback((factor: number) => {
    const { width, height } = viewport();
    setView((v) => {
      const k = clampK(v.k * factor);
      return { k, x: width / 2 - ((width / 2 - v.x) * k) / v.k, y: height / 2 - ((height / 2 - v.y) * k) / v.k };
    });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: viewport() reads a ref only: stable for the component's life
  const centerOn = useCallback((x: number, y: number, k?: number) => {
    const { width, height } = viewport();
    setView((v) => {
      const scale = k ?? v.k;
      return { k: scale, x: width / 2 - x * scale, y: height / 2 - y * scale };
    });
  }, []);

  return {
    ref,
    view,
    setView,
    fit,
    zoom,
    centerOn,
    viewport,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp },
  };
}

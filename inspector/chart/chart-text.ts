/**
 * The words a chart shows: a state's header and body lines, a transition's label. Pure, so the
 * layout can size boxes for exactly what the view draws.
 */
import type { StateDescription, TransitionDescription } from '../../machines/definition';
import type { EdgeKind } from './chart-graph';

export type LineKind = 'entry' | 'exit' | 'invoke' | 'self' | 'inner';

export interface BodyLine {
  kind: LineKind;
  text: string;
}

/** XState's own bookkeeping actions (the raise and cancel behind `after`) say nothing to a reader. */
const visibleActions = (actions: readonly string[]) => actions.filter((a) => !a.startsWith('xstate.'));

const guardText = (t: TransitionDescription) => (t.guard ? ` [${t.guard}]` : '');
const actionText = (t: TransitionDescription) => {
  const actions = visibleActions(t.actions);
  return actions.length ? ` / ${actions.join(', ')}` : '';
};

export function triggerText(t: TransitionDescription, kind: EdgeKind): string {
  return kind === 'after' ? `after ${t.delay}` : kind === 'always' ? 'always' : t.event;
}

/**
 * The lines inside a state's box: entry and exit actions, invoked children, transitions that stay
 * (no target), and transitions into the state's own ancestors or descendants (`inner`), which an
 * arrow could not leave and enter cleanly.
 */
export function bodyLinesOf(state: StateDescription, inner: { t: TransitionDescription; kind: EdgeKind; target: string }[]): BodyLine[] {
  const lines: BodyLine[] = [];
  const entry = visibleActions(state.entry);
  const exit = visibleActions(state.exit);
  if (entry.length) lines.push({ kind: 'entry', text: `entry / ${entry.join(', ')}` });
  if (exit.length) lines.push({ kind: 'exit', text: `exit / ${exit.join(', ')}` });
  for (const child of state.invoke) {
    lines.push({ kind: 'invoke', text: child.id === child.src ? `invoke ${child.src}` : `invoke ${child.src} as ${child.id}` });
  }
  for (const t of state.on) {
    if (t.targets.length === 0) lines.push({ kind: 'self', text: `${t.event}${guardText(t)}${actionText(t)}` });
  }
  for (const { t, kind, target } of inner) {
    const arrow = t.reenter ? '→ ↻' : '→';
    lines.push({ kind: 'inner', text: `${triggerText(t, kind)}${guardText(t)}${actionText(t)} ${arrow} ${target}` });
  }
  return lines;
}

/** A transition's label: its event (or `always`, or `after <delay>`), guard and actions. */
export function edgeLabelOf(t: TransitionDescription, kind: EdgeKind): string[] {
  const lines = [`${triggerText(t, kind)}${guardText(t)}`];
  const actions = visibleActions(t.actions);
  if (actions.length) lines.push(`/ ${actions.join(', ')}`);
  return lines;
}

export const FONT = {
  header: '600 13px system-ui, sans-serif',
  body: '11px ui-monospace, SFMono-Regular, Menlo, monospace',
  label: '11px ui-monospace, SFMono-Regular, Menlo, monospace',
} as const;

export const METRICS = {
  headerHeight: 24,
  lineHeight: 15,
  labelLineHeight: 14,
  padX: 10,
  padBottom: 8,
  /** Room for the collapse toggle at the right of a compound state's header. */
  toggleWidth: 22,
  /** Room reserved under an `after` label for its delay in ms (`= 23 h 59 min`). */
  delayReserve: '= 23 h 59 min',
} as const;

/** Text width in px; the browser measures with a canvas, tests and Node estimate. */
export type Measure = (text: string, font: string) => number;

export const estimateWidth: Measure = (text, font) => text.length * (font.startsWith('600') ? 7.6 : 6.7);

export function canvasMeasure(): Measure {
  const canvas = typeof document !== 'undefined' ? document.createElement('canvas') : null;
  const context = canvas?.getContext('2d');
  if (!context) return estimateWidth;
  return (text, font) => {
    context.font = font;
    return context.measureText(text).width;
  };
}

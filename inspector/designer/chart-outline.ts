/** Every state of a chart JSON with its keys, and how a transition names one from anywhere. Pure. */
import type { ChartNode } from './chart-source';
import type { StateKeys } from './draft-edits';

export function allStateKeys(chart: ChartNode): string[][] {
  const out: string[][] = [];
  const visit = (node: ChartNode, keys: string[]) => {
    out.push(keys);
    for (const [key, child] of Object.entries(node.states ?? {})) visit(child, [...keys, key]);
  };
  visit(chart, []);
  return out;
}

/** A target that reaches `keys` from any state: `#<root id>.<keys>` (what the pickers write). */
export const targetOf = (chart: ChartNode, keys: StateKeys) => `#${[chart.id ?? '(machine)', ...keys].join('.')}`;

/** The dotted path diffs and issues use, `game.day.phase`, as keys from the root. */
export const keysOfPath = (path: string): string[] => path.split('.').slice(1);

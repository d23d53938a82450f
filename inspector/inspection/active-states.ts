/** Which states of a chart are active, from a snapshot's state value. Pure. */
import type { StateValue } from 'xstate';
import type { StateDescription } from '../../machines/definition';

/** The ids of the active states (the root included), walking the description by the value's keys. */
export function activeStateIds(root: StateDescription, value: StateValue | null | undefined): Set<string> {
  const active = new Set<string>();
  if (value === null || value === undefined) return active;
  const visit = (state: StateDescription | undefined, v: StateValue | undefined) => {
    if (!state) return;
    active.add(state.id);
    if (v === undefined) return;
    if (typeof v === 'string') return visit(state.states[v], undefined);
    for (const [key, child] of Object.entries(v)) visit(state.states[key], child as StateValue);
  };
  visit(root, value);
  return active;
}

/** Every state of a description, depth first. */
export function allStates(root: StateDescription): StateDescription[] {
  const out: StateDescription[] = [];
  const visit = (state: StateDescription) => {
    out.push(state);
    for (const child of Object.values(state.states)) visit(child);
  };
  visit(root);
  return out;
}

/** The event types handled by the active states (`on` only: `always` and `after` need no event). */
export function handledEvents(root: StateDescription, active: ReadonlySet<string>): Set<string> {
  const events = new Set<string>();
  for (const state of allStates(root)) {
    if (!active.has(state.id)) continue;
    for (const t of state.on) events.add(t.event);
  }
  return events;
}

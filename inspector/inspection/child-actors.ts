/**
 * Which child chart an actor runs. A child's actor path ends in its invoke id (`root/activity`); the
 * chart's invoke entries map that id to the `src` the definition describes (`playerPick`). Pure.
 */
import type { MachineDefinition, StateDescription } from '../../machines/definition';
import type { InspectedSnapshot } from '../../protocol';
import { allStates } from './active-states';

export interface ChildChart {
  src: string;
  root: StateDescription;
  /** Invoke ids that run this chart, and where (state ids). */
  invokedAs: { id: string; in: string }[];
  /** The actor path running it at this point, if one is. */
  runningAs: string | null;
  snapshot: InspectedSnapshot | null;
}

export function invokeSources(definition: MachineDefinition): Map<string, { src: string; in: string }[]> {
  const byId = new Map<string, { src: string; in: string }[]>();
  for (const root of [definition.root, ...Object.values(definition.children)]) {
    for (const state of allStates(root)) {
      for (const invoke of state.invoke) byId.set(invoke.id, [...(byId.get(invoke.id) ?? []), { src: invoke.src, in: state.id }]);
    }
  }
  return byId;
}

/** Every child chart of the definition, with the actor running it among `alive` (paths). */
export function childChartsOf(
  definition: MachineDefinition,
  alive: readonly string[],
  snapshots: Map<string, InspectedSnapshot>,
): ChildChart[] {
  const sources = invokeSources(definition);
  return Object.entries(definition.children).map(([src, root]) => {
    const invokedAs: { id: string; in: string }[] = [];
    for (const [id, places] of sources) for (const place of places) if (place.src === src) invokedAs.push({ id, in: place.in });
    const ids = new Set(invokedAs.map((i) => i.id));
    const runningAs = alive.find((path) => path !== 'root' && ids.has(path.split('/').pop()!)) ?? null;
    return { src, root, invokedAs, runningAs, snapshot: runningAs ? (snapshots.get(runningAs) ?? null) : null };
  });
}

/** The `src` of the chart an actor path runs, if the definition knows it. */
export function srcOfActor(definition: MachineDefinition, actorPath: string): string | null {
  if (actorPath === 'root') return null;
  const id = actorPath.split('/').pop()!;
  return invokeSources(definition).get(id)?.[0]?.src ?? (id in definition.children ? id : null);
}

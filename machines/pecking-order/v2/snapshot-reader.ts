/**
 * Reads a pecking-order@2 snapshot: @1's reading (v1/snapshot-reader.ts: stage, phase, regions,
 * the vote and activity children) and each cartridge child's context while it is open.
 */
import { readGameSnapshot as v1ReadGameSnapshot, type GameSnapshotView as V1View } from '../v1/snapshot-reader';
import { perObject } from '../../per-object';
import { CARTRIDGES } from './cartridges';
import type { GameContext } from './context';

export interface GameSnapshotView extends Omit<V1View, 'context'> {
  context: GameContext;
  /** Each open cartridge child's context, by slot. */
  cartridges: Record<string, unknown>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** As @1's reader: the same reading for the same (read-only) snapshot object; callers must not change it. */
export function readGameSnapshot(snapshot: unknown): GameSnapshotView {
  return isObject(snapshot) ? readOnce(snapshot) : read(snapshot);
}

const readOnce = perObject((snapshot: Json) => read(snapshot));

function read(snapshot: unknown): GameSnapshotView {
  const view = v1ReadGameSnapshot(snapshot) as unknown as GameSnapshotView;
  const children = isObject((snapshot as Json).children) ? ((snapshot as Json).children as Json) : {};
  const cartridges: Record<string, unknown> = {};
  for (const { slot } of CARTRIDGES) {
    const child = children[slot];
    if (view.regions[slot] === 'open' && isObject(child) && isObject(child.snapshot) && isObject(child.snapshot.context)) {
      cartridges[slot] = child.snapshot.context;
    }
  }
  // The very context object when it has its records (as every @2 context does): no copy per snapshot.
  const context = view.context.cartridges ? view.context : { ...view.context, cartridges: [] };
  return { ...view, context, cartridges };
}

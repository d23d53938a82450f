/**
 * Applying the room's view patches (protocol `patch` frames: RFC 6902 operations against the view
 * current since `base`) with the same library the room diffs with. Pure: null means the patch does
 * not fit the view held, and the client must ask for the whole view (`resync`).
 */
import { applyPatch, type Operation } from 'fast-json-patch';

export interface HeldView<V> {
  view: V | null;
  /** The seq of the view held (the frame it came in). */
  seq: number;
}

export function patchedView<V>(held: HeldView<V>, patch: { seq: number; base: number; ops: readonly unknown[] }): V | 'stale' | null {
  if (patch.seq <= held.seq) return 'stale';
  // The view held is the patch's base when it is from `base` or later: views change only at patches.
  if (held.view === null || held.seq < patch.base) return null;
  try {
    return applyPatch(structuredClone(held.view), patch.ops as Operation[], true, false).newDocument as V;
  } catch {
    return null;
  }
}

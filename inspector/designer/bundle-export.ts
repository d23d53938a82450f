/**
 * The draft as a new-version bundle (machines/chart/version-bundle.ts `makeBundle`), downloaded:
 * what a developer takes to register the draft as the next version.
 */
import type { MachineVersion } from '../../machines/machine-version';
import { makeBundle } from '../../machines/chart/version-bundle';
import type { ChartNode } from './chart-source';
import { downloadJson } from './download';

export function exportBundle(base: MachineVersion, draft: ChartNode): { ok: true } | { ok: false; message: string } {
  let bundle: ReturnType<typeof makeBundle>;
  try {
    bundle = makeBundle(base, draft);
  } catch (error) {
    return { ok: false, message: `BUNDLE_FAILED: ${(error as Error).message}` };
  }
  // Named by the version it would become, e.g. `pecking-order@2-bundle.json`.
  downloadJson(`${bundle.next}-bundle.json`, bundle);
  return { ok: true };
}

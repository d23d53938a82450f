/**
 * The draft as a new-version bundle (machines/chart/version-bundle.ts `makeBundle`), downloaded:
 * what a developer takes to register the draft as the next version.
 */
import type { MachineVersion } from '../../machines/machine-version';
import { makeBundle } from '../../machines/chart/version-bundle';
import type { ChartNode } from './chart-source';
import { downloadJson } from './download';

export function exportBundle(base: MachineVersion, draft: ChartNode): { ok: true } | { ok: false; message: string } {
  let bundle: unknown;
  try {
    bundle = makeBundle(base, draft);
  } catch (error) {
    return { ok: false, message: `BUNDLE_FAILED: ${(error as Error).message}` };
  }
  const issues = (bundle as { issues?: { message: string }[] }).issues;
  if (Array.isArray(issues) && issues.length) return { ok: false, message: `BUNDLE_REFUSED: ${issues.map((i) => i.message).join(' ')}` };
  const machine = (bundle as { machine?: string }).machine;
  downloadJson(`${typeof machine === 'string' ? machine : `${base.name}@${base.version + 1}`}-bundle.json`, bundle);
  return { ok: true };
}

/** Blitz init payloads for tests: pecking-order's test roster, a blitz manifest. */
import { makeRoster } from '../../pecking-order/testing/fixtures';
import type { BlitzManifest } from '../v1/manifest';
import { defaultPresetFor } from '../v1/presets';

export function makeBlitzInit(players: number, manifest: Partial<BlitzManifest> = {}) {
  return {
    roster: makeRoster(players),
    manifest: { preset: defaultPresetFor(players), scheduling: 'PRE_SCHEDULED', ...manifest } as BlitzManifest,
  };
}

/**
 * What the workbench can simulate: every version of the room catalog, and every cartridge of
 * pecking-order@2 alone (cartridges/workbench.ts). Only the workbench reads this list; rooms are
 * created from the catalog, which has no cartridge entries.
 */
import { catalog } from './catalog';
import { refOf, type MachineVersion } from './machine-version';
import { CARTRIDGES } from './pecking-order/v2/cartridges';
import { workbenchEntryOf } from './pecking-order/v2/cartridges/workbench';
import { createRegistry } from './registry';

/** Each cartridge as a workbench entry, checked as hostable as a catalog version is. */
export const cartridgeEntries: readonly MachineVersion[] = createRegistry(CARTRIDGES.map(workbenchEntryOf)).list();

export const workbenchEntries: readonly MachineVersion[] = [...catalog.list(), ...cartridgeEntries];

export function workbenchEntry(ref: string): MachineVersion | undefined {
  return workbenchEntries.find((entry) => refOf(entry) === ref);
}

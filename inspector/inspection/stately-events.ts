/**
 * The room's Stately-shaped inspection events (machines/stately-events.ts), typed with the
 * inspector's record types, so a simulated run in the workbench reads exactly like a live one.
 */
import type { InspectionEvent } from 'xstate';
import { toStatelyEvent as convert } from '../../machines/stately-events';
import type { StatelyInspectionEvent } from './records';

export { actorPathOf } from '../../machines/actor-path';

export function toStatelyEvent(raw: InspectionEvent, at: number): StatelyInspectionEvent | null {
  return convert(raw, at) as StatelyInspectionEvent | null;
}

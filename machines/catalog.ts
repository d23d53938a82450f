/**
 * Every machine version this build ships. A room runs the version it was created with for its
 * whole life, so versions are added here and never removed.
 */
import { peckingOrderV1 } from './pecking-order/v1';
import { peckingOrderV2 } from './pecking-order/v2';
import { createRegistry } from './registry';

export const catalog = createRegistry([peckingOrderV1, peckingOrderV2]);

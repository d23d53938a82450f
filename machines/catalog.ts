/**
 * Every machine version this build ships. A room runs the version it was created with for its
 * whole life, so versions are added here and never removed.
 */
import { createRegistry } from './registry';

export const catalog = createRegistry([]);

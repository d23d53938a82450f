/** A statechart's active states as XState writes them: `'idle'` or `{ day: { phase: 'voting' } }`. */
import { z } from 'zod';

export type StateValue = string | { [region: string]: StateValue };
export const StateValue: z.ZodType<StateValue> = z.union([
  z.string(),
  z.record(
    z.string(),
    z.lazy(() => StateValue),
  ),
]);

/**
 * The init payload `{ roster, manifest }` as the room validates it. Each issue has a path into the
 * payload and a sentence, so the lobby can show it next to the field.
 */
import { z } from 'zod';
import { checkDayPlan } from './day-plan';
import { manifestSchema } from './manifest';
import { rosterSchema } from './roster';

export const initSchema = z.object({ roster: rosterSchema, manifest: manifestSchema }).superRefine((init, ctx) => {
  // Shape errors in the roster or the days are reported on their own; only plan a sound payload.
  if (!Array.isArray(init.roster) || !Array.isArray(init.manifest?.days)) return;
  for (const issue of checkDayPlan(init.manifest.days, init.roster.length)) {
    ctx.addIssue({ code: 'custom', path: ['manifest', ...issue.path], message: issue.message });
  }
});

export type PeckingOrderInit = z.infer<typeof initSchema>;

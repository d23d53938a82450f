/** The init payload `{ roster, manifest }` of pecking-order@2: @1's checks, on the manifest with cartridges. */
import { z } from 'zod';
import { checkDayPlan } from '../v1/day-plan';
import { rosterSchema } from '../v1/roster';
import { manifestSchema } from './manifest';

export const initSchema = z.object({ roster: rosterSchema, manifest: manifestSchema }).superRefine((init, ctx) => {
  if (!Array.isArray(init.roster) || !Array.isArray(init.manifest?.days)) return;
  for (const issue of checkDayPlan(init.manifest.days, init.roster.length)) {
    ctx.addIssue({ code: 'custom', path: ['manifest', ...issue.path], message: issue.message });
  }
});

export type PeckingOrderInit = z.infer<typeof initSchema>;

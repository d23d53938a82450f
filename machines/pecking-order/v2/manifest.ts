/**
 * The manifest of pecking-order@2: @1's, and each day may name its cartridges (at most one per
 * slot: one prompt, one dilemma).
 */
import { z } from 'zod';
import { daySchema as v1DaySchema, MAX_DAYS, manifestSchema as v1ManifestSchema } from '../v1/manifest';
import { CARTRIDGE_NAMES, CARTRIDGES, cartridgeOf, type CartridgeName } from './cartridges';

export const daySchema = v1DaySchema.extend({
  cartridges: z
    .array(
      z.enum(CARTRIDGE_NAMES as [CartridgeName, ...CartridgeName[]], {
        message: `A cartridge is one of ${CARTRIDGE_NAMES.join(', ')}.`,
      }),
    )
    .max(CARTRIDGES.length, `A day has at most ${CARTRIDGES.length} cartridges, one of each kind.`)
    .superRefine((names, ctx) => {
      const seen = new Map<string, string>();
      names.forEach((name, i) => {
        const slot = cartridgeOf(name)?.slot;
        if (!slot) return;
        const earlier = seen.get(slot);
        if (earlier) {
          ctx.addIssue({ code: 'custom', path: [i], message: `A day has at most one ${slot}: ${earlier} and ${name} are both ${slot}s.` });
        } else seen.set(slot, name);
      });
    })
    .optional(),
});

export type DaySpec = z.infer<typeof daySchema>;

export const manifestSchema = v1ManifestSchema.extend({
  days: z.array(daySchema).min(1, 'A game has at least one day: the finale.').max(MAX_DAYS, `A game has at most ${MAX_DAYS} days.`),
});

export type Manifest = z.infer<typeof manifestSchema>;

/**
 * The blitz manifest: the preset (how long the game lasts), who moves it on, and optionally each
 * elimination round's vote type. Its own schema, with messages a host can act on; the final is
 * always the jury's FINALS vote, so the manifest never names it.
 */
import { z } from 'zod';
import { SCHEDULINGS } from '../../pecking-order/v1/manifest';
import { BLITZ_PRESET_NAMES } from './presets';
import { BLITZ_VOTE_TYPES } from './round-plan';

export const blitzRoundSchema = z.object({
  voteType: z.enum(BLITZ_VOTE_TYPES, {
    message: `A blitz round's vote type is one of ${BLITZ_VOTE_TYPES.join(', ')}.`,
  }),
});

export const blitzManifestSchema = z.object({
  preset: z.enum(BLITZ_PRESET_NAMES, { message: `The preset is one of ${BLITZ_PRESET_NAMES.join(', ')}.` }),
  scheduling: z.enum(SCHEDULINGS, {
    message: 'Scheduling is PRE_SCHEDULED (timers advance the game) or ADMIN (the host advances it).',
  }),
  /** The elimination rounds' vote types, one per player but the two finalists; absent: MAJORITY every round. */
  rounds: z.array(blitzRoundSchema).max(10, 'A blitz game has at most 10 elimination rounds.').optional(),
  startingSilver: z
    .number()
    .int('Starting silver is a whole number.')
    .min(0, 'Starting silver cannot be negative.')
    .max(10_000, 'Starting silver is at most 10,000.')
    .optional(),
});

export type BlitzManifest = z.infer<typeof blitzManifestSchema>;

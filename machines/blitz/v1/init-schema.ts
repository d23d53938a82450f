/**
 * The blitz init payload `{ roster, manifest }`: pecking-order@2's roster (the same personas, and
 * each player's optional `userId` and the `wallet` the lobby read for it: machines/wallet.ts), a cast
 * of 5–12, a preset that suits the cast's size, and rounds the cast can play. Each issue has a path
 * into the payload and a sentence, so the lobby shows it beside the field.
 */
import { z } from 'zod';
import { rosterSchema } from '../../pecking-order/v2/roster';
import { blitzManifestSchema } from './manifest';
import { BLITZ_MAX_PLAYERS, BLITZ_MIN_PLAYERS, presetIssue } from './presets';
import { checkRounds } from './round-plan';

export const blitzInitSchema = z.object({ roster: rosterSchema, manifest: blitzManifestSchema }).superRefine((init, ctx) => {
  if (!Array.isArray(init.roster)) return;
  const players = init.roster.length;
  if (players < BLITZ_MIN_PLAYERS || players > BLITZ_MAX_PLAYERS) {
    ctx.addIssue({
      code: 'custom',
      path: ['roster'],
      message: `Blitz is played by ${BLITZ_MIN_PLAYERS}–${BLITZ_MAX_PLAYERS} players; this cast has ${players}.`,
    });
    return;
  }
  const presetProblem = init.manifest?.preset ? presetIssue(init.manifest.preset, players) : null;
  if (presetProblem) ctx.addIssue({ code: 'custom', path: ['manifest', 'preset'], message: presetProblem });
  for (const issue of checkRounds(init.manifest?.rounds, players)) {
    ctx.addIssue({ code: 'custom', path: ['manifest', ...issue.path], message: issue.message });
  }
});

export type BlitzInit = z.infer<typeof blitzInitSchema>;

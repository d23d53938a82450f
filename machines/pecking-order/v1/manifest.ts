/** The manifest: how a game is shaped (its days and their votes) and timed (preset and scheduling). */
import { z } from 'zod';
import { VOTE_TYPES, type VoteType } from '../rules';
import { PRESET_NAMES } from './presets';

/** PRE_SCHEDULED: the room's durable timers advance the game. ADMIN: only the host does, by hand. */
export const SCHEDULINGS = ['PRE_SCHEDULED', 'ADMIN'] as const;
export type Scheduling = (typeof SCHEDULINGS)[number];

/** The only activity of version 1: every alive player secretly picks another during the social phase. */
export const ACTIVITIES = ['PLAYER_PICK'] as const;
export type Activity = (typeof ACTIVITIES)[number];

/** The most days a game can have: a 20-player cast, 18 elimination days and the finale. */
export const MAX_DAYS = 19;

export const daySchema = z.object({
  voteType: z.enum(VOTE_TYPES as [VoteType, ...VoteType[]], {
    message: `A day's vote type is one of ${VOTE_TYPES.join(', ')}.`,
  }),
  theme: z.string().trim().min(1).max(80, 'A theme is at most 80 characters.').optional(),
  activity: z.enum(ACTIVITIES, { message: 'The only activity is PLAYER_PICK.' }).optional(),
});

export type DaySpec = z.infer<typeof daySchema>;

export const manifestSchema = z.object({
  preset: z.enum(PRESET_NAMES, { message: `The preset is one of ${PRESET_NAMES.join(', ')}.` }),
  scheduling: z.enum(SCHEDULINGS, {
    message: 'Scheduling is PRE_SCHEDULED (timers advance the game) or ADMIN (the host advances it).',
  }),
  startingSilver: z
    .number()
    .int('Starting silver is a whole number.')
    .min(0, 'Starting silver cannot be negative.')
    .max(10_000, 'Starting silver is at most 10,000.')
    .optional(),
  /** Day 1's morning, ms since the epoch; at most 30 days after the room's creation (`timingIssues`, checked at init). */
  startAt: z
    .number()
    .int('startAt is a whole number of milliseconds since the epoch.')
    .positive('startAt is a whole number of milliseconds since the epoch.')
    .optional(),
  days: z.array(daySchema).min(1, 'A game has at least one day: the finale.').max(MAX_DAYS, `A game has at most ${MAX_DAYS} days.`),
});

export type Manifest = z.infer<typeof manifestSchema>;

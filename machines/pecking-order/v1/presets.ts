/**
 * Presets: how long a day's phases last. Pure data: a day starts with its morning, and each phase
 * starts at an offset from the day's start. The night lasts until the next day's morning.
 */

export const PRESET_NAMES = ['DEFAULT', 'FAST', 'TEST'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** The phases of a day, in order. */
export type Phase = 'morning' | 'social' | 'voting' | 'results' | 'night';
export const PHASES: readonly Phase[] = ['morning', 'social', 'voting', 'results', 'night'];

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export interface Preset {
  name: PresetName;
  description: string;
  /** From one day's morning to the next day's morning. */
  dayLength: number;
  /** When each phase starts, in ms after the day's start (its morning). */
  phaseStarts: Readonly<Record<Phase, number>>;
  /**
   * Where day 1 starts when the manifest gives no `startAt`: the first moment `k × alignTo + at`
   * (ms since the epoch, UTC) at least `leadAtLeast` after the room was created.
   */
  firstDay: { alignTo: number; at: number; leadAtLeast: number };
}

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  DEFAULT: {
    name: 'DEFAULT',
    description: 'A 24-hour day: group chat at 09:00 UTC, DMs at 10:00, the vote 20:00–23:00, night at 23:30.',
    dayLength: 24 * HOUR,
    phaseStarts: { morning: 0, social: 1 * HOUR, voting: 11 * HOUR, results: 14 * HOUR, night: 14 * HOUR + 30 * MINUTE },
    firstDay: { alignTo: 24 * HOUR, at: 9 * HOUR, leadAtLeast: 1 * HOUR },
  },
  FAST: {
    name: 'FAST',
    description: 'A two-minute day: a 7-day game takes about 15 minutes, for playtests and demos.',
    dayLength: 2 * MINUTE,
    phaseStarts: { morning: 0, social: 10 * SECOND, voting: 70 * SECOND, results: 100 * SECOND, night: 110 * SECOND },
    firstDay: { alignTo: 1 * MINUTE, at: 0, leadAtLeast: 30 * SECOND },
  },
  TEST: {
    name: 'TEST',
    description: 'A ten-second day with phases of a few seconds, for automated tests.',
    dayLength: 10 * SECOND,
    phaseStarts: { morning: 0, social: 1 * SECOND, voting: 4 * SECOND, results: 7 * SECOND, night: 8 * SECOND },
    firstDay: { alignTo: 1 * SECOND, at: 0, leadAtLeast: 1 * SECOND },
  },
};

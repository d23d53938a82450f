/**
 * When things happen, computed from the manifest and its preset. Pure: the room's creation time is
 * an argument, never read from a clock. The machine uses the phase lengths as its `after` delays.
 */
import type { InitIssue } from '../../machine-version';
import type { Manifest } from './manifest';
import { PHASES, PRESETS, type Phase, type Preset } from './presets';

const DAY = 86_400_000;

/**
 * The latest day 1 may start: 30 days after the room is created. A game lasts a week or so; a
 * month's notice is plenty, and invites (valid up to 60 days) still work when it starts.
 */
export const MAX_START_LEAD_MS = 30 * DAY;

/** The longest a preset's day may be; every phase lies within its day, so none is longer. */
export const MAX_DAY_LENGTH_MS = DAY;

/** How long each step of the game lasts, in ms: what the machine's named delays return. */
export interface Timing {
  /** From the room's creation to day 1's morning. */
  pregame: number;
  morning: number;
  social: number;
  /** The whole vote, from its opening to the results. */
  voting: number;
  /** On days with an election (EXECUTIONER): its first part, after which the executioner picks. */
  election: number;
  results: number;
  /** From night to the next day's morning. */
  night: number;
}

/** The length of each phase under a preset. */
export function phaseLengths(preset: Preset): Record<Phase, number> {
  const starts = preset.phaseStarts;
  return {
    morning: starts.social - starts.morning,
    social: starts.voting - starts.social,
    voting: starts.results - starts.voting,
    results: starts.night - starts.results,
    night: preset.dayLength + starts.morning - starts.night,
  };
}

/** Day 1's morning: the manifest's `startAt`, or the preset's first aligned moment after creation. */
export function dayOneStart(manifest: Pick<Manifest, 'preset' | 'startAt'>, createdAt: number): number {
  if (manifest.startAt !== undefined) return manifest.startAt;
  const { alignTo, at, leadAtLeast } = PRESETS[manifest.preset].firstDay;
  const earliest = createdAt + leadAtLeast;
  return Math.ceil((earliest - at) / alignTo) * alignTo + at;
}

/** The machine's delays for a game created at `createdAt`. */
export function timingOf(manifest: Pick<Manifest, 'preset' | 'startAt'>, createdAt: number): Timing {
  const lengths = phaseLengths(PRESETS[manifest.preset]);
  return {
    pregame: Math.max(0, dayOneStart(manifest, createdAt) - createdAt),
    ...lengths,
    election: Math.floor(lengths.voting / 2),
  };
}

export interface DaySchedule {
  day: number;
  /** Absolute start of each phase, ms since the epoch. The finale has no night: it ends at `night`. */
  starts: Record<Phase, number>;
  /** When the day ends: the next day's morning, or game over after the finale. */
  ends: number;
}

/**
 * The nominal calendar of a PRE_SCHEDULED game (an admin's `advance` moves everything after it
 * earlier). For the lobby and the docs; the machine itself only counts delays.
 */
export function scheduleOf(manifest: Pick<Manifest, 'preset' | 'startAt' | 'days'>, createdAt: number): DaySchedule[] {
  const preset = PRESETS[manifest.preset];
  const first = dayOneStart(manifest, createdAt);
  return manifest.days.map((_, i) => {
    const dayStart = first + i * preset.dayLength;
    const starts = Object.fromEntries(PHASES.map((phase) => [phase, dayStart + preset.phaseStarts[phase]])) as Record<Phase, number>;
    const isFinale = i === manifest.days.length - 1;
    return { day: i + 1, starts, ends: isFinale ? starts.night : dayStart + preset.dayLength };
  });
}

/**
 * The manifest's times that do not fit a room created at `createdAt`: a `startAt` more than
 * {@link MAX_START_LEAD_MS} after it. Pure; the init schema cannot check this, having no clock.
 */
export function timingIssues(manifest: Pick<Manifest, 'startAt'>, createdAt: number): InitIssue[] {
  const { startAt } = manifest;
  if (startAt === undefined || startAt - createdAt <= MAX_START_LEAD_MS) return [];
  const latest = new Date(createdAt + MAX_START_LEAD_MS).toISOString();
  const days = Math.ceil((startAt - createdAt) / DAY);
  return [
    {
      path: ['startAt'],
      message: `Day 1 starts at most ${MAX_START_LEAD_MS / DAY} days after the game is created (by ${latest}); this startAt is ${days} days after.`,
    },
  ];
}

/**
 * The furthest ahead any timer of a game with this timing is due when it is set: the pregame or the
 * longest phase (each phase's timer is set as the phase begins).
 */
export function longestDelay(timing: Timing): number {
  return Math.max(...Object.values(timing));
}

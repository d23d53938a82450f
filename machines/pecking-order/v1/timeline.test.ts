import { describe, expect, it } from 'vitest';
import { defaultDayPlan } from './day-plan';
import { PRESETS } from './presets';
import { MAX_DAY_LENGTH_MS, MAX_START_LEAD_MS, dayOneStart, longestDelay, phaseLengths, scheduleOf, timingOf } from './timeline';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** 2026-01-01T00:00:00Z */
const NEW_YEAR = Date.UTC(2026, 0, 1);

describe('presets and their times', () => {
  it('DEFAULT: chat 09:00, DMs 10:00, vote 20:00–23:00, night 23:30 (UTC)', () => {
    const [day1, day2] = scheduleOf({ preset: 'DEFAULT', days: defaultDayPlan(8) }, NEW_YEAR);
    expect(day1!.starts).toEqual({
      morning: NEW_YEAR + 9 * HOUR,
      social: NEW_YEAR + 10 * HOUR,
      voting: NEW_YEAR + 20 * HOUR,
      results: NEW_YEAR + 23 * HOUR,
      night: NEW_YEAR + 23 * HOUR + 30 * MINUTE,
    });
    expect(day1!.ends).toBe(day2!.starts.morning);
    expect(day2!.starts.morning).toBe(NEW_YEAR + 33 * HOUR);
  });

  it('DEFAULT: day 1 is the first 09:00 UTC at least an hour after creation', () => {
    expect(dayOneStart({ preset: 'DEFAULT' }, NEW_YEAR + 1 * HOUR)).toBe(NEW_YEAR + 9 * HOUR);
    expect(dayOneStart({ preset: 'DEFAULT' }, NEW_YEAR + 8 * HOUR + 30 * MINUTE)).toBe(NEW_YEAR + 33 * HOUR);
    expect(dayOneStart({ preset: 'DEFAULT', startAt: NEW_YEAR + 5 * HOUR }, NEW_YEAR)).toBe(NEW_YEAR + 5 * HOUR);
  });

  it('FAST: a 7-day game takes about 15 minutes', () => {
    const createdAt = NEW_YEAR + 12_345;
    const days = scheduleOf({ preset: 'FAST', days: defaultDayPlan(8) }, createdAt);
    expect(days).toHaveLength(7);
    const total = days[6]!.ends - createdAt;
    expect(total).toBeGreaterThan(14 * MINUTE);
    expect(total).toBeLessThanOrEqual(16 * MINUTE);
    expect(days[0]!.starts.morning).toBe(NEW_YEAR + MINUTE);
  });

  it('TEST: phases of a few seconds', () => {
    const lengths = phaseLengths(PRESETS.TEST);
    expect(lengths).toEqual({ morning: 1000, social: 3000, voting: 3000, results: 1000, night: 2000 });
    for (const ms of Object.values(lengths)) expect(ms).toBeLessThanOrEqual(5000);
  });

  it('every preset: phases in order, the night ends at the next morning', () => {
    for (const preset of Object.values(PRESETS)) {
      const lengths = phaseLengths(preset);
      for (const ms of Object.values(lengths)) expect(ms).toBeGreaterThan(0);
      expect(Object.values(lengths).reduce((a, b) => a + b, 0)).toBe(preset.dayLength);
    }
  });

  it('timing: the machine delays, with the pregame counted from creation and the election half the vote', () => {
    const createdAt = NEW_YEAR + 8 * HOUR + 30 * MINUTE;
    expect(timingOf({ preset: 'DEFAULT' }, createdAt)).toEqual({
      pregame: 24 * HOUR + 30 * MINUTE,
      morning: 1 * HOUR,
      social: 10 * HOUR,
      voting: 3 * HOUR,
      election: 1.5 * HOUR,
      results: 30 * MINUTE,
      night: 9.5 * HOUR,
    });
    expect(timingOf({ preset: 'DEFAULT', startAt: createdAt - HOUR }, createdAt).pregame).toBe(0);
  });
});

describe('upper bounds on every time of a game', () => {
  it('every preset’s day, and so every phase, lasts at most a day; its default first day is under a day and a half away', () => {
    for (const preset of Object.values(PRESETS)) {
      expect(preset.dayLength, preset.name).toBeLessThanOrEqual(MAX_DAY_LENGTH_MS);
      for (const ms of Object.values(phaseLengths(preset))) expect(ms, preset.name).toBeLessThanOrEqual(MAX_DAY_LENGTH_MS);
      expect(preset.firstDay.leadAtLeast + preset.firstDay.alignTo, preset.name).toBeLessThanOrEqual(MAX_DAY_LENGTH_MS * 1.5);
    }
  });

  it('no timer of a game is set further ahead than its allowed start, 30 days', () => {
    const createdAt = NEW_YEAR + 8 * HOUR + 30 * MINUTE;
    for (const preset of Object.keys(PRESETS) as (keyof typeof PRESETS)[]) {
      expect(longestDelay(timingOf({ preset }, createdAt)), preset).toBeLessThanOrEqual(MAX_START_LEAD_MS);
      expect(longestDelay(timingOf({ preset, startAt: createdAt + MAX_START_LEAD_MS }, createdAt)), preset).toBe(MAX_START_LEAD_MS);
    }
  });
});

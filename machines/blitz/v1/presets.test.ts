import { describe, expect, it } from 'vitest';
import {
  BLITZ_MAX_PLAYERS,
  BLITZ_MIN_PLAYERS,
  BLITZ_PRESETS,
  BLITZ_PRESET_NAMES,
  blitzDuration,
  defaultPresetFor,
  presetIssue,
  roundLengths,
} from './presets';

const MINUTE = 60_000;
const sizes = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

describe('blitz presets', () => {
  it.each(BLITZ_PRESET_NAMES)('%s lasts 20–40 minutes for every cast size it supports, near its target', (name) => {
    const preset = BLITZ_PRESETS[name];
    for (const players of sizes(preset.castSize.min, preset.castSize.max)) {
      const duration = blitzDuration(preset, players);
      expect(duration, `${name} with ${players}`).toBeGreaterThanOrEqual(20 * MINUTE);
      expect(duration, `${name} with ${players}`).toBeLessThanOrEqual(40 * MINUTE);
      expect(Math.abs(duration - preset.target), `${name} with ${players}`).toBeLessThan(MINUTE);
    }
  });

  it.each(BLITZ_PRESET_NAMES)('%s holds a vote every few minutes: rounds of 2½–6 minutes, none of its steps under 15 s', (name) => {
    const preset = BLITZ_PRESETS[name];
    for (const players of sizes(preset.castSize.min, preset.castSize.max)) {
      const { chat, vote, reveal } = roundLengths(preset, players);
      expect(chat + vote + reveal).toBeGreaterThanOrEqual(2.5 * MINUTE);
      expect(chat + vote + reveal).toBeLessThanOrEqual(6 * MINUTE);
      expect(Math.min(chat, vote, reveal)).toBeGreaterThanOrEqual(15_000);
      for (const length of [chat, vote, reveal]) expect(length % 1_000).toBe(0);
    }
  });

  it('has a preset for every cast size from 5 to 12, the default one among them', () => {
    for (const players of sizes(BLITZ_MIN_PLAYERS, BLITZ_MAX_PLAYERS)) {
      expect(presetIssue(defaultPresetFor(players), players), `${players} players`).toBeNull();
    }
    expect(defaultPresetFor(5)).toBe('SPRINT');
    expect(defaultPresetFor(9)).toBe('STANDARD');
  });

  it('says which presets fit when one does not', () => {
    expect(presetIssue('SPRINT', 10)).toBe('SPRINT is for 5–8 players; this cast has 10. Choose STANDARD or MARATHON.');
    expect(presetIssue('MARATHON', 5)).toBe('MARATHON is for 8–12 players; this cast has 5. Choose SPRINT.');
  });
});

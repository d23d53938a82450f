import { describe, expect, it } from 'vitest';
import { MAX_START_LEAD_MS } from '../../machines/pecking-order/v1/timeline';
import { startAtOf, startBounds, startCountdown, toLocalValue } from './start-time';

describe('start time', () => {
  it('counts down to day 1, then says it has started', () => {
    const now = Date.UTC(2026, 11, 1, 20, 0, 0);
    expect(startCountdown(now + 2 * 86_400_000 + 4 * 3_600_000, now)).toBe('in 2 d 4 h');
    expect(startCountdown(now + 12 * 60_000 + 34_000, now)).toBe('in 12:34');
    expect(startCountdown(now, now)).toBe('day 1 has started');
  });

  it('reads a datetime-local value as local time, and leaves an empty one unset', () => {
    const at = new Date(2026, 11, 24, 9, 30).getTime();
    expect(startAtOf(toLocalValue(at))).toBe(at);
    expect(startAtOf('')).toBeUndefined();
    expect(startAtOf('not a time')).toBeUndefined();
  });

  it('bounds the choice by the version’s lead: from now to 30 days on', () => {
    const now = new Date(2026, 11, 1, 21, 0).getTime();
    expect(startBounds(now)).toEqual({ min: toLocalValue(now), max: toLocalValue(now + MAX_START_LEAD_MS) });
    expect(MAX_START_LEAD_MS).toBe(30 * 86_400_000);
  });
});

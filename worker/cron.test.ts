import { describe, expect, it } from 'vitest';
import { CronError, parseCron } from './cron';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('cron', () => {
  it('every minute fires at the next whole minute', () => {
    expect(iso(parseCron('* * * * *').next(at('2026-01-01T10:00:30Z')))).toBe('2026-01-01T10:01:00.000Z');
    expect(iso(parseCron('* * * * *').next(at('2026-01-01T10:01:00Z')))).toBe('2026-01-01T10:02:00.000Z');
  });
  it('steps, ranges and lists', () => {
    expect(iso(parseCron('*/15 * * * *').next(at('2026-01-01T10:16:00Z')))).toBe('2026-01-01T10:30:00.000Z');
    expect(iso(parseCron('0 9-17/4 * * *').next(at('2026-01-01T14:00:00Z')))).toBe('2026-01-01T17:00:00.000Z');
    expect(iso(parseCron('30 8,20 * * *').next(at('2026-01-01T21:00:00Z')))).toBe('2026-01-02T08:30:00.000Z');
  });
  it('rolls over months and years', () => {
    expect(iso(parseCron('0 0 1 * *').next(at('2026-12-15T00:00:00Z')))).toBe('2027-01-01T00:00:00.000Z');
    expect(iso(parseCron('0 12 29 2 *').next(at('2026-03-01T00:00:00Z')))).toBe('2028-02-29T12:00:00.000Z');
  });
  it('day of week, with 7 as Sunday, and either-day matching when both are set', () => {
    // 2026-01-01 is a Thursday.
    expect(iso(parseCron('0 9 * * 7').next(at('2026-01-01T00:00:00Z')))).toBe('2026-01-04T09:00:00.000Z');
    expect(iso(parseCron('0 9 10 * 1').next(at('2026-01-01T00:00:00Z')))).toBe('2026-01-05T09:00:00.000Z');
  });
  it('refuses malformed and impossible expressions with a reason', () => {
    expect(() => parseCron('* * *')).toThrow(CronError);
    expect(() => parseCron('61 * * * *')).toThrow(/minute/);
    expect(() => parseCron('0 0 31 2 *').next(0)).toThrow(/never matches/);
  });
});

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
  it('month and day names, L and #', () => {
    expect(iso(parseCron('0 9 * * MON-FRI').next(at('2026-01-03T00:00:00Z')))).toBe('2026-01-05T09:00:00.000Z');
    expect(iso(parseCron('0 0 1 MAR *').next(at('2026-01-01T00:00:00Z')))).toBe('2026-03-01T00:00:00.000Z');
    expect(iso(parseCron('0 0 L * *').next(at('2026-02-02T00:00:00Z')))).toBe('2026-02-28T00:00:00.000Z');
    expect(iso(parseCron('0 12 * * 1#1').next(at('2026-01-06T00:00:00Z')))).toBe('2026-02-02T12:00:00.000Z');
  });
  it('macros', () => {
    expect(iso(parseCron('@daily').next(at('2026-01-01T10:00:00Z')))).toBe('2026-01-02T00:00:00.000Z');
    expect(iso(parseCron('@hourly').next(at('2026-01-01T10:00:00Z')))).toBe('2026-01-01T11:00:00.000Z');
    expect(iso(parseCron('@weekly').next(at('2026-01-01T10:00:00Z')))).toBe('2026-01-04T00:00:00.000Z');
    expect(iso(parseCron('@monthly').next(at('2026-01-01T10:00:00Z')))).toBe('2026-02-01T00:00:00.000Z');
    expect(iso(parseCron('@minutely').next(at('2026-01-01T10:00:30Z')))).toBe('2026-01-01T10:01:00.000Z');
  });
  it('time zones: 09:00 local stays 09:00 local across daylight saving', () => {
    const paris = parseCron('0 9 * * *', { timeZone: 'Europe/Paris' });
    expect(paris.timeZone).toBe('Europe/Paris');
    expect(iso(paris.next(at('2026-03-28T12:00:00Z')))).toBe('2026-03-29T07:00:00.000Z'); // CEST, UTC+2
    expect(iso(paris.next(at('2026-03-27T12:00:00Z')))).toBe('2026-03-28T08:00:00.000Z'); // CET, UTC+1
    expect(iso(parseCron('0 9 * * *').next(at('2026-03-28T12:00:00Z')))).toBe('2026-03-29T09:00:00.000Z'); // UTC by default
  });
  it('hashed values are fixed by the seed', () => {
    const a = parseCron('H * * * *', { seed: 'task-a' });
    expect(a.next(at('2026-01-01T10:00:00Z'))).toBe(parseCron('H * * * *', { seed: 'task-a' }).next(at('2026-01-01T10:00:00Z')));
  });
  it('refuses malformed, sub-minute and impossible expressions and unknown zones with a reason', () => {
    expect(() => parseCron('* * *')).toThrow(CronError);
    expect(() => parseCron('61 * * * *')).toThrow(CronError);
    expect(() => parseCron('* * * * * *')).toThrow(/five fields/);
    expect(() => parseCron('@secondly')).toThrow(/more than once a minute/);
    expect(() => parseCron('0 9 * * *', { timeZone: 'Mars/Olympus' })).toThrow(/unknown time zone/);
    expect(() => parseCron('0 0 31 2 *').next(0)).toThrow(CronError);
  });
});

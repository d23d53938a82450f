/**
 * Cron expressions for the scheduler's `cron` tasks, read by `cron-parser`: five fields (minute hour
 * day-of-month month day-of-week) with `*`, numbers, ranges, steps, lists, month and day names
 * (`JAN`–`DEC`, `SUN`–`SAT`; 0 and 7 are Sunday), `L` and `#`, and the macros `@yearly`,
 * `@monthly`, `@weekly`, `@daily`, `@hourly`, `@minutely`, `@weekdays`, `@weekends`. Evaluated in
 * UTC unless a task names an IANA time zone (`Europe/Paris`), so a 09:00 task stays at 09:00 local
 * time across daylight saving.
 * As in classic cron, when both day fields are restricted a day matching either counts.
 *
 * Refused, with a CronError that says why: a seconds field and `@secondly` (minute resolution: a
 * room's single alarm is not a ticker), unknown time zones, and expressions that never match. `H` (hashed) values are drawn from the task's id, so they stay put across restores.
 * The library brings luxon with it (about 70 KB gzip of the Worker bundle).
 */
import { CronExpressionParser } from 'cron-parser';

export interface CronSchedule {
  readonly expression: string;
  /** IANA time zone the fields are read in; `UTC` when the task named none. */
  readonly timeZone: string;
  /** The first matching minute strictly after `afterMs` (ms since the epoch). */
  next(afterMs: number): number;
}

export interface CronOptions {
  /** IANA time zone, e.g. `Europe/Paris`; default UTC. */
  timeZone?: string;
  /** Seed of `H` values: the task id, so the same task always fires at the same minutes. */
  seed?: string;
}

export class CronError extends Error {}

const SUB_MINUTE_MACROS = new Set(['@secondly']);

function knownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function parseCron(expression: string, options: CronOptions = {}): CronSchedule {
  const text = expression.trim();
  const timeZone = options.timeZone ?? 'UTC';
  if (!knownTimeZone(timeZone)) throw new CronError(`cron: unknown time zone "${timeZone}" (use an IANA name such as Europe/Paris)`);
  if (SUB_MINUTE_MACROS.has(text.toLowerCase()))
    throw new CronError(`cron: "${text}" fires more than once a minute; the room schedules by the minute`);
  if (!text.startsWith('@') && text.split(/\s+/).length !== 5) {
    throw new CronError(`cron: "${text}" needs five fields (minute hour day-of-month month day-of-week) or a macro such as @daily`);
  }
  const parse = (currentDate: number) => {
    try {
      return CronExpressionParser.parse(text, { currentDate, tz: timeZone, ...(options.seed ? { hashSeed: options.seed } : {}) });
    } catch (error) {
      throw new CronError(`cron: cannot read "${text}": ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  parse(0);
  return {
    expression: text,
    timeZone,
    next(afterMs) {
      try {
        return parse(afterMs).next().getTime();
      } catch (error) {
        if (error instanceof CronError) throw error;
        throw new CronError(`cron: "${text}" never matches after ${new Date(afterMs).toISOString()}`);
      }
    },
  };
}

/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week), evaluated in UTC, for
 * the scheduler's `cron` tasks. Supports `*`, numbers, ranges `a-b`, steps `*\/n` and `a-b/n`, and
 * lists `a,b`. As in classic cron, when both day fields are restricted a day matching either counts.
 */
export interface CronSchedule {
  readonly expression: string;
  /** The first matching minute strictly after `afterMs` (ms since the epoch). */
  next(afterMs: number): number;
}

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

export class CronError extends Error {}

function parseField(text: string, field: (typeof FIELDS)[number]): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new CronError(`cron ${field.name}: cannot read "${part}"`);
    const [, , from, to, step] = match;
    const lo = from === undefined ? field.min : Number(from);
    const hi = from === undefined ? field.max : to === undefined ? (step ? field.max : lo) : Number(to);
    const by = step === undefined ? 1 : Number(step);
    if (lo < field.min || hi > field.max || lo > hi || by < 1) {
      throw new CronError(`cron ${field.name}: "${part}" is outside ${field.min}-${field.max}`);
    }
    for (let v = lo; v <= hi; v += by) values.add(field.name === 'day of week' && v === 7 ? 0 : v);
  }
  return values;
}

export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new CronError(`cron needs 5 fields, got ${parts.length}: "${expression}"`);
  const [minutes, hours, days, months, weekdays] = parts.map((p, i) => parseField(p, FIELDS[i]!));
  const dayRestricted = parts[2] !== '*';
  const weekdayRestricted = parts[4] !== '*';
  const dayMatches = (d: Date) => {
    const dom = days!.has(d.getUTCDate());
    const dow = weekdays!.has(d.getUTCDay());
    if (dayRestricted && weekdayRestricted) return dom || dow;
    if (dayRestricted) return dom;
    if (weekdayRestricted) return dow;
    return true;
  };
  return {
    expression,
    next(afterMs) {
      const d = new Date(Math.floor(afterMs / 60_000) * 60_000 + 60_000);
      // Five years bounds the search: an expression like "0 0 31 2 *" never matches.
      const limit = afterMs + 5 * 366 * 86_400_000;
      while (d.getTime() <= limit) {
        if (!months!.has(d.getUTCMonth() + 1)) {
          d.setUTCMonth(d.getUTCMonth() + 1, 1);
          d.setUTCHours(0, 0, 0, 0);
        } else if (!dayMatches(d)) {
          d.setUTCDate(d.getUTCDate() + 1);
          d.setUTCHours(0, 0, 0, 0);
        } else if (!hours!.has(d.getUTCHours())) {
          d.setUTCHours(d.getUTCHours() + 1, 0, 0, 0);
        } else if (!minutes!.has(d.getUTCMinutes())) {
          d.setUTCMinutes(d.getUTCMinutes() + 1, 0, 0);
        } else {
          return d.getTime();
        }
      }
      throw new CronError(`cron "${expression}" never matches`);
    },
  };
}

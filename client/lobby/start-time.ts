/**
 * When day 1 starts, as the lobby asks for it and as the links page tells it: the host's optional
 * start time (a `datetime-local` value, in the host's time zone) to the manifest's `startAt`, its
 * bounds, and the countdown to the start. Pure; `now` is passed in.
 */
import { MAX_START_LEAD_MS } from '../../machines/pecking-order/v1/timeline';
import { formatCountdown } from '../shared/duration';

/** The manifest's `startAt` for a `datetime-local` value; undefined when empty or unreadable. */
export function startAtOf(localValue: string): number | undefined {
  if (!localValue) return undefined;
  const ms = new Date(localValue).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/** A moment as a `datetime-local` value (local time, to the minute). */
export function toLocalValue(ms: number): string {
  const date = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** The start times the version accepts for a game created now: from now to its 30-day lead. */
export function startBounds(now: number): { min: string; max: string } {
  return { min: toLocalValue(now), max: toLocalValue(now + MAX_START_LEAD_MS) };
}

/** The countdown to the start: "in 2 d 4 h", "in 12:34", or that it has started. */
export function startCountdown(startsAt: number, now: number): string {
  return startsAt > now ? `in ${formatCountdown(startsAt - now)}` : 'day 1 has started';
}

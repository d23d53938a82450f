/**
 * What the game calls a day. The view says it (blitz@1's rounds: `Round`); pecking-order's views
 * say nothing, and a day is a day. The app reads the word from the view, never from the version.
 */
import type { PlayerView } from '../../machines/pecking-order/v1/projection';

/** `Day` or the view's own word, capitalised as at the start of a line. */
export function dayWord(view: Pick<PlayerView, 'dayWord'>): string {
  return view.dayWord ?? 'Day';
}

/** `Day 2`, `Round 2`. */
export function dayName(view: Pick<PlayerView, 'dayWord'>, day: number): string {
  return `${dayWord(view)} ${day}`;
}

/** The word mid-sentence: `day`, `round`. */
export function dayNoun(view: Pick<PlayerView, 'dayWord'>): string {
  return dayWord(view).toLowerCase();
}

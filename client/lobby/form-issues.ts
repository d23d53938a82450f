/**
 * The room reports what is wrong with a game by path (`cast.2.name`, `manifest.days.3.voteType`);
 * the form shows each message next to the field it concerns. This maps paths to the form's fields
 * and names them for the summary.
 */
import type { Issue } from './create-game';

/** A field of the lobby form that can carry a message. */
export type FieldKey = string;

/** The form field an issue's path concerns; `general` when no field matches. */
export function fieldOf(path: string): FieldKey {
  const parts = path.split('.');
  if (parts[0] === 'cast') {
    if (parts.length === 1) return 'cast';
    const field = parts[2] === 'bio' ? 'bio' : 'name';
    return `cast.${parts[1]}.${field}`;
  }
  if (parts[0] === 'manifest') {
    if (parts[1] === 'preset' || parts[1] === 'scheduling' || parts[1] === 'startAt') return parts[1];
    if (parts[1] === 'days') {
      if (parts.length === 2) return 'days';
      if (parts[3] === 'cartridges') return `days.${parts[2]}.cartridges`;
      return parts[3] === 'activity' ? `days.${parts[2]}.activity` : `days.${parts[2]}.voteType`;
    }
  }
  return 'general';
}

/** How the summary names a field: "Player 3's name", "Day 4's vote". */
export function fieldLabel(field: FieldKey): string {
  const parts = field.split('.');
  if (parts[0] === 'cast' && parts.length === 3) return `Player ${Number(parts[1]) + 1}'s ${parts[2] === 'bio' ? 'bio' : 'name'}`;
  if (parts[0] === 'days' && parts.length === 3) {
    const what = parts[2] === 'activity' ? 'activity' : parts[2] === 'cartridges' ? 'prompt and dilemma' : 'vote';
    return `Day ${Number(parts[1]) + 1}'s ${what}`;
  }
  return { cast: 'Cast', days: 'Day plan', preset: 'Preset', scheduling: 'Scheduling', startAt: 'Start time' }[field] ?? 'Game';
}

/** The element id of a field's message, for `aria-describedby` and the summary's links. */
export function issueId(field: FieldKey): string {
  return `issue-${field.replace(/\./g, '-')}`;
}

/** The element id of the field itself. */
export function fieldId(field: FieldKey): string {
  return `field-${field.replace(/\./g, '-')}`;
}

export function issuesByField(issues: readonly Issue[]): Map<FieldKey, string[]> {
  const byField = new Map<FieldKey, string[]>();
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  return byField;
}

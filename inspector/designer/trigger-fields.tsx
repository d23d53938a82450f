/** Picks what takes a transition: an event (the version's, or any typed), a delay (named or ms), or `always`. */
import type { ChartImplementationNames } from './chart-source';
import type { Trigger } from './draft-edits';

/** The fields as typed; {@link triggerFrom} makes a trigger of them. */
export interface TriggerDraft {
  kind: Trigger['kind'];
  event: string;
  /** A named delay, or '' to use `ms`. */
  delay: string;
  ms: string;
}

export const draftOfTrigger = (trigger: Trigger): TriggerDraft => ({
  kind: trigger.kind,
  event: trigger.kind === 'on' ? trigger.event : '',
  delay: trigger.kind === 'after' && typeof trigger.delay === 'string' ? trigger.delay : '',
  ms: trigger.kind === 'after' && typeof trigger.delay === 'number' ? String(trigger.delay) : '',
});

/** The trigger the fields say; null for a delay in ms that is not a whole number. */
export function triggerFrom(draft: TriggerDraft): Trigger | null {
  if (draft.kind === 'on') return { kind: 'on', event: draft.event.trim() };
  if (draft.kind === 'always') return { kind: 'always' };
  if (draft.delay) return { kind: 'after', delay: draft.delay };
  const ms = Number(draft.ms);
  return draft.ms.trim() !== '' && Number.isInteger(ms) && ms >= 0 ? { kind: 'after', delay: ms } : null;
}

export function TriggerFields({
  value,
  onChange,
  names,
  events,
}: {
  value: TriggerDraft;
  onChange(v: TriggerDraft): void;
  names: ChartImplementationNames;
  events: readonly string[];
}) {
  const set = (patch: Partial<TriggerDraft>) => onChange({ ...value, ...patch });
  return (
    <div className="row wrap trigger-fields">
      <select aria-label="Trigger" value={value.kind} onChange={(e) => set({ kind: e.target.value as Trigger['kind'] })}>
        <option value="on">on event</option>
        <option value="after">after a delay</option>
        <option value="always">always</option>
      </select>
      {value.kind === 'on' && (
        <>
          <input
            aria-label="Event"
            list="designer-events"
            value={value.event}
            onChange={(e) => set({ event: e.target.value })}
            placeholder="event type"
          />
          <datalist id="designer-events">
            {events.map((e) => (
              <option key={e} value={e} />
            ))}
          </datalist>
        </>
      )}
      {value.kind === 'after' && (
        <>
          <select aria-label="Delay" value={value.delay} onChange={(e) => set({ delay: e.target.value })}>
            <option value="">ms:</option>
            {names.delays.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
          {value.delay === '' && (
            <input
              aria-label="Delay in ms"
              className="narrow"
              inputMode="numeric"
              value={value.ms}
              onChange={(e) => set({ ms: e.target.value })}
              placeholder="ms"
            />
          )}
        </>
      )}
    </div>
  );
}

/**
 * The selected transition: its trigger (event, delay or always), target, guard and actions, picked
 * from the version's named implementations, and delete. Each change is one undoable edit.
 */
import { useState } from 'react';
import type { ChartImplementationNames, ChartNode } from './chart-source';
import { allStateKeys, targetOf } from './chart-outline';
import { describeTrigger, keysText, transitionsOf, type DraftEdit, type TransitionRef } from './draft-edits';
import type { Selection } from './draft-editor';
import { draftOfTrigger, TriggerFields, triggerFrom } from './trigger-fields';

export interface TransitionPanelProps {
  chart: ChartNode;
  selection: TransitionRef;
  names: ChartImplementationNames;
  events: readonly string[];
  dispatch(edit: DraftEdit): void;
  select(selection: Selection): void;
}

const sameRef = (a: TransitionRef, b: TransitionRef) =>
  keysText(a.state) === keysText(b.state) && describeTrigger(a.trigger) === describeTrigger(b.trigger) && a.index === b.index;

export function TransitionPanel({ chart, selection, names, events, dispatch, select }: TransitionPanelProps) {
  const found = transitionsOf(chart, selection.state).find((t) => sameRef(t.ref, selection));
  const [trigger, setTrigger] = useState(() => draftOfTrigger(selection.trigger));
  const [adding, setAdding] = useState('');
  if (!found) {
    return (
      <section className="panel transition-panel" aria-label="Selected transition">
        <p className="muted">That transition is no longer in the draft.</p>
        <button type="button" onClick={() => select({ kind: 'state', keys: selection.state })}>
          Back to {keysText(selection.state)}
        </button>
      </section>
    );
  }
  const { ref, transition } = found;
  const targets = [transition.target ?? []].flat();
  const target = targets[0] ?? '';
  const guard = typeof transition.guard === 'string' ? transition.guard : (transition.guard?.type ?? '');
  const actions = [transition.actions ?? []].flat().map((a) => (typeof a === 'string' ? a : a.type));
  const options = allStateKeys(chart).map((k) => ({ label: keysText(k), value: targetOf(chart, k) }));
  // The target as written may be in another form (a sibling key): keep it selectable as it is.
  if (target && !options.some((o) => o.value === target)) options.unshift({ label: `${target} (as written)`, value: target });
  // After an edit that moves the transition (a new trigger), follow it.
  const edit = (e: DraftEdit) => dispatch(e);

  return (
    <section
      className="panel transition-panel"
      aria-label="Selected transition"
      data-selected-transition={`${keysText(ref.state)} ${describeTrigger(ref.trigger)}#${ref.index}`}
    >
      <header className="panel-header">
        <h2>
          Transition <span className="mono">{describeTrigger(ref.trigger)}</span>
        </h2>
        <span className="muted small">
          from{' '}
          <button type="button" className="link" onClick={() => select({ kind: 'state', keys: ref.state })}>
            {keysText(ref.state)}
          </button>
          , candidate {ref.index + 1}
        </span>
      </header>
      <label className="field">
        <span>target{targets.length > 1 ? ` (first of ${targets.length})` : ''}</span>
        <select
          aria-label="Target"
          value={target}
          onChange={(e) => edit({ type: 'transition.retarget', ref, target: e.target.value || null })}
        >
          <option value="">(no target: actions only)</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>guard (the version's named guards)</span>
        <select aria-label="Guard" value={guard} onChange={(e) => edit({ type: 'transition.guard', ref, guard: e.target.value || null })}>
          <option value="">(none: always taken)</option>
          {guard && !names.guards.includes(guard) && <option value={guard}>{guard} (unknown)</option>}
          {names.guards.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <span>actions, in order (the version's named actions)</span>
        <div className="chips">
          {actions.map((a, i) => (
            <span key={`${a}${i}`} className={`chip${names.actions.includes(a) ? '' : ' unknown'}`} data-action-name={a}>
              {a}
              <button
                type="button"
                aria-label={`Remove ${a}`}
                onClick={() => edit({ type: 'transition.actions', ref, actions: actions.filter((_, j) => j !== i) })}
              >
                ×
              </button>
            </span>
          ))}
          {actions.length === 0 && <span className="muted small">none</span>}
        </div>
        <div className="row">
          <select aria-label="Add an action" value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">(pick an action)</option>
            {names.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!adding}
            onClick={() => (edit({ type: 'transition.actions', ref, actions: [...actions, adding] }), setAdding(''))}
          >
            Add action
          </button>
        </div>
      </div>
      <div className="field">
        <span>trigger</span>
        <TriggerFields value={trigger} onChange={setTrigger} names={names} events={events} />
        <button
          type="button"
          data-action="set-trigger"
          onClick={() => {
            const next = triggerFrom(trigger) ?? { kind: 'after' as const, delay: -1 };
            edit({ type: 'transition.trigger', ref, trigger: next });
            if (next.kind !== 'after' || next.delay !== -1) {
              // It becomes the last candidate of its new trigger.
              const count = transitionsOf(chart, ref.state).filter((t) => describeTrigger(t.ref.trigger) === describeTrigger(next)).length;
              select({
                kind: 'transition',
                ref: { state: ref.state, trigger: next, index: describeTrigger(next) === describeTrigger(ref.trigger) ? count - 1 : count },
              });
            }
          }}
        >
          Set trigger
        </button>
      </div>
      <button
        type="button"
        className="danger"
        data-action="delete-transition"
        onClick={() => (edit({ type: 'transition.delete', ref }), select({ kind: 'state', keys: ref.state }))}
      >
        Delete transition
      </button>
    </section>
  );
}

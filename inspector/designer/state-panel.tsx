/**
 * The selected state: rename, type, initial state, its children, add a child (atomic, compound,
 * parallel or final), move it under another state, delete it; its transitions (select one to edit)
 * and a new transition with its trigger and target.
 */
import { useState } from 'react';
import type { ChartImplementationNames, ChartNode } from './chart-source';
import { allStateKeys, targetOf } from './chart-outline';
import { describeTrigger, keysText, stateAt, transitionsOf, type DraftEdit, type StateKeys, type StateType } from './draft-edits';
import type { Selection } from './draft-editor';
import { TriggerFields, triggerFrom, type TriggerDraft } from './trigger-fields';

export interface StatePanelProps {
  chart: ChartNode;
  keys: StateKeys;
  names: ChartImplementationNames;
  events: readonly string[];
  dispatch(edit: DraftEdit): void;
  select(selection: Selection): void;
}

const TYPES: StateType[] = ['atomic', 'compound', 'parallel', 'final'];

export function StatePanel({ chart, keys, names, events, dispatch, select }: StatePanelProps) {
  const node = stateAt(chart, keys)!;
  const children = Object.keys(node.states ?? {});
  const type: StateType = node.type === 'parallel' || node.type === 'final' ? node.type : children.length ? 'compound' : 'atomic';
  const [key, setKey] = useState(keys.at(-1) ?? '');
  const [childKey, setChildKey] = useState('');
  const [childType, setChildType] = useState<StateType>('atomic');
  const everyState = allStateKeys(chart);
  // Not where it is already, and not into itself.
  const inside = (k: string[]) => keys.every((key, i) => k[i] === key);
  const movable = everyState.filter((k) => keysText(k) !== keysText(keys.slice(0, -1)) && !inside(k));
  const [moveTo, setMoveTo] = useState('');
  const [trigger, setTrigger] = useState<TriggerDraft>({ kind: 'on', event: events[0] ?? '', delay: names.delays[0] ?? '', ms: '' });
  const [target, setTarget] = useState('');
  const transitions = transitionsOf(chart, keys);

  return (
    <section className="panel state-panel" aria-label="Selected state" data-selected-state={keysText(keys)}>
      <header className="panel-header">
        <h2>
          State <span className="mono">{keysText(keys)}</span>
        </h2>
        <span className="badge">{type}</span>
      </header>
      {keys.length > 0 && (
        <div className="row">
          <input aria-label="State name" value={key} onChange={(e) => setKey(e.target.value)} />
          <button type="button" data-action="rename-state" onClick={() => dispatch({ type: 'state.rename', state: keys, key: key.trim() })}>
            Rename
          </button>
        </div>
      )}
      <div className="row wrap">
        <label className="inline">
          type
          <select
            aria-label="State type"
            value={type}
            onChange={(e) => dispatch({ type: 'state.type', state: keys, stateType: e.target.value as StateType })}
          >
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        {children.length > 0 && type !== 'parallel' && (
          <label className="inline">
            initial
            <select
              aria-label="Initial state"
              value={node.initial ?? ''}
              onChange={(e) => dispatch({ type: 'state.initial', state: keys, initial: e.target.value })}
            >
              {node.initial === undefined && <option value="">(none)</option>}
              {children.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {keys.length > 0 && (
        <div className="row">
          <button type="button" onClick={() => select({ kind: 'state', keys: keys.slice(0, -1) })}>
            ↑ parent
          </button>
          <button
            type="button"
            className="danger"
            data-action="delete-state"
            onClick={() => dispatch({ type: 'state.delete', state: keys })}
          >
            Delete state
          </button>
        </div>
      )}
      {children.length > 0 && (
        <>
          <h3>{type === 'parallel' ? 'Regions' : 'States inside'}</h3>
          <div className="chips">
            {children.map((c) => (
              <button key={c} type="button" data-child-state={c} onClick={() => select({ kind: 'state', keys: [...keys, c] })}>
                {c}
                {node.initial === c ? ' •' : ''}
              </button>
            ))}
          </div>
        </>
      )}
      <h3>Add a state inside</h3>
      <div className="row">
        <input aria-label="New state name" placeholder="name" value={childKey} onChange={(e) => setChildKey(e.target.value)} />
        <select aria-label="New state type" value={childType} onChange={(e) => setChildType(e.target.value as StateType)}>
          {TYPES.filter((t) => t !== 'compound').map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <button
          type="button"
          data-action="add-state"
          onClick={() => {
            dispatch({ type: 'state.add', parent: keys, key: childKey.trim(), stateType: childType });
            setChildKey('');
          }}
        >
          Add
        </button>
      </div>
      {keys.length > 0 && (
        <>
          <h3>Move under</h3>
          <div className="row">
            <select aria-label="Move under" value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
              <option value="">(pick a state)</option>
              {movable.map((k) => (
                <option key={keysText(k)} value={JSON.stringify(k)}>
                  {keysText(k)}
                </option>
              ))}
            </select>
            <button
              type="button"
              data-action="move-state"
              disabled={!moveTo}
              onClick={() => dispatch({ type: 'state.move', state: keys, parent: JSON.parse(moveTo) })}
            >
              Move
            </button>
          </div>
        </>
      )}
      <h3>Transitions</h3>
      {transitions.length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <ul className="transition-list">
          {transitions.map(({ ref, transition }) => (
            <li key={`${describeTrigger(ref.trigger)}#${ref.index}`}>
              <button
                type="button"
                data-transition={`${describeTrigger(ref.trigger)}#${ref.index}`}
                onClick={() => select({ kind: 'transition', ref })}
              >
                {describeTrigger(ref.trigger)}
                {transition.guard ? ` [${typeof transition.guard === 'string' ? transition.guard : transition.guard.type}]` : ''} →{' '}
                {[transition.target ?? []].flat().join(', ') || '(stays)'}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>Add a transition</h3>
      <TriggerFields value={trigger} onChange={setTrigger} names={names} events={events} />
      <div className="row">
        <select aria-label="New transition target" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">(no target: actions only)</option>
          {everyState.map((k) => (
            <option key={keysText(k)} value={targetOf(chart, k)}>
              {keysText(k)}
            </option>
          ))}
        </select>
        <button
          type="button"
          data-action="add-transition"
          onClick={() => {
            const made = triggerFrom(trigger);
            if (made) dispatch({ type: 'transition.add', state: keys, trigger: made, ...(target ? { target } : {}) });
            else dispatch({ type: 'transition.add', state: keys, trigger: { kind: 'after', delay: -1 } }); // refused with BAD_DELAY's sentence
          }}
        >
          Add transition
        </button>
      </div>
    </section>
  );
}

/**
 * The transition log: one row per transition of any actor (time, actor, event, sender, from → to),
 * newest first, filtered by event type. Selecting a row travels to that point of the history.
 */
import { useMemo, useState } from 'react';
import { formatStateValue, valueChange, type Transition } from '../inspection/transitions';
import { formatTime } from './format';

/** Rows drawn at once: a long game has thousands; the filter finds older ones. */
const MAX_ROWS = 400;

export interface TransitionLogProps {
  transitions: readonly Transition[];
  selected: number | null;
  onSelect(n: number | null): void;
}

export function TransitionLog({ transitions, selected, onSelect }: TransitionLogProps) {
  const [type, setType] = useState('');
  const [text, setText] = useState('');
  const types = useMemo(() => [...new Set(transitions.map((t) => t.event.type))].sort(), [transitions]);
  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return transitions
      .filter(
        (t) =>
          (!type || t.event.type === type) && (!needle || JSON.stringify([t.event, t.sender, t.actorPath]).toLowerCase().includes(needle)),
      )
      .slice()
      .reverse();
  }, [transitions, type, text]);
  return (
    <section className="panel log" aria-label="Transition log">
      <header className="panel-header">
        <h2>Transitions</h2>
        <span className="muted">
          {rows.length} of {transitions.length}
        </span>
        <select aria-label="Filter by event type" value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">all events</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <input
          type="search"
          placeholder="search events, senders…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="Search the log"
        />
      </header>
      <div className="log-scroll">
        <table>
          <thead>
            <tr>
              <th>time</th>
              <th>seq</th>
              <th>actor</th>
              <th>event</th>
              <th>sender</th>
              <th>from → to</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map((t) => (
              <tr
                key={t.n}
                data-n={t.n}
                data-event-type={t.event.type}
                data-actor={t.actorPath}
                className={`${selected === t.n ? 'selected' : ''}${t.actorPath !== 'root' ? ' child-row' : ''}`}
                onClick={() => onSelect(selected === t.n ? null : t.n)}
                title="Show the charts and context as they were after this transition"
              >
                <td className="mono">{formatTime(t.at)}</td>
                <td className="mono">{t.seq}</td>
                <td className="mono">{t.actorPath}</td>
                <td className="mono event-type">{t.event.type}</td>
                <td className="mono">{t.sender}</td>
                <StateChange transition={t} />
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length > MAX_ROWS && <p className="muted pad">Showing the newest {MAX_ROWS}; filter to find older transitions.</p>}
        {rows.length === 0 && <p className="muted pad">No transitions{type || text ? ' match the filter' : ' yet'}.</p>}
      </div>
    </section>
  );
}

/** Only what the transition changed: the leaves it left → the leaves it entered (the whole values on hover). */
function StateChange({ transition: t }: { transition: Transition }) {
  const { left, entered, stayed } = valueChange(t.from, t.to);
  const title = `from: ${formatStateValue(t.from)}\nto: ${formatStateValue(t.to)}`;
  if (left.length === 0 && entered.length === 0) {
    return (
      <td className="mono values" title={title}>
        {stayed.length <= 2 ? (
          <>
            <span className="muted">stays in </span>
            <span className="stay">{stayed.join(', ') || '—'}</span>
          </>
        ) : (
          <span className="muted">no state change</span>
        )}
      </td>
    );
  }
  return (
    <td className="mono values" title={title}>
      <span className="from">{left.join(', ') || (t.from === null ? 'start' : '—')}</span>
      <span className="arrow"> → </span>
      <span className="to">{entered.join(', ') || '—'}</span>
    </td>
  );
}

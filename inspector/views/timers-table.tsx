/**
 * Durable timers with their due time and a live countdown. Live mode offers "fire now" (a developer
 * tool); the workbench jumps its simulated clock instead.
 */
import { useEffect, useState } from 'react';
import type { TimerView } from '../../machines/machine-version';
import { formatCountdown, formatDateTime } from './format';

/** `xstate.after.morningEnds.game.day.phase.morning.scheduled` → delay and state. */
export function describeTimerEvent(event: string): { delay: string; state: string } | null {
  const match = /^xstate\.after\.([^.]+)\.(.+)$/.exec(event);
  return match ? { delay: match[1]!, state: match[2]! } : null;
}

export function useNow(intervalMs = 250): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

export interface TimerRow {
  timer: TimerView;
  action?: { label: string; disabled?: boolean; title?: string; run(): void };
}

export function TimersTable({ rows, now }: { rows: TimerRow[]; now: number }) {
  if (rows.length === 0) return <p className="muted">No timers pending.</p>;
  const sorted = [...rows].sort((a, b) => a.timer.dueAt - b.timer.dueAt);
  return (
    <ul className="timers-list">
      {sorted.map(({ timer, action }) => {
        const after = describeTimerEvent(timer.event);
        return (
          <li key={`${timer.actorPath} ${timer.timerId}`} data-timer-event={timer.event}>
            <div className="row">
              <span className="mono timer-name">{after ? `after ${after.delay}` : timer.event}</span>
              <span className="mono countdown" data-due-at={timer.dueAt}>
                {formatCountdown(timer.dueAt, now)}
              </span>
              {action && (
                <button type="button" onClick={action.run} disabled={action.disabled} title={action.title}>
                  {action.label}
                </button>
              )}
            </div>
            <div className="muted mono small">
              due {formatDateTime(timer.dueAt)} · {timer.actorPath}
              {after ? ` · ${after.state}` : ''}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

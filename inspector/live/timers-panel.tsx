/**
 * The room's durable timers (`status.timers`) and its other tasks (`status.tasks`), counting down.
 * "Fire now" delivers a machine timer at once through `POST /timers/fire`, a developer tool the
 * Worker only offers with DEV_TOOLS=1; without it the buttons are disabled and say why.
 */
import { useState } from 'react';
import type { RoomStatusBody } from '../../protocol';
import { formatCountdown } from '../views/format';
import { TimersTable, useNow, type TimerRow } from '../views/timers-table';
import { fireTimer, type Answer } from './room-api';

export interface TimersPanelProps {
  roomId: string;
  token: string;
  status: RoomStatusBody | null;
  /** true / false once probed; null while unknown. */
  devTools: boolean | null;
  onDevTools(enabled: boolean): void;
}

const DISABLED_WHY = 'This Worker runs without DEV_TOOLS=1, so timers cannot be fired by hand (local development only).';

export function TimersPanel({ roomId, token, status, devTools, onDevTools }: TimersPanelProps) {
  const now = useNow();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const tasks = status?.tasks ?? [];
  const rows: TimerRow[] = (status?.timers ?? []).map((timer) => {
    const task = tasks.find((t) => t.kind === 'machine-timer' && t.description === `${timer.actorPath} ${timer.timerId}`);
    return {
      timer,
      action: task
        ? {
            label: 'Fire now',
            disabled: devTools === false,
            title: devTools === false ? DISABLED_WHY : `POST /timers/fire { taskId: ${task.id} }`,
            run: async () => {
              const result = await fireTimer(roomId, token, task.id);
              setAnswer(result);
              if (result.body?.error?.code === 'DEV_TOOLS_DISABLED') onDevTools(false);
            },
          }
        : undefined,
    };
  });
  const others = tasks.filter((t) => t.kind !== 'machine-timer');
  return (
    <section className="panel timers" aria-label="Timers">
      <header className="panel-header">
        <h2>Durable timers</h2>
        <span className="muted">{rows.length}</span>
      </header>
      <TimersTable rows={rows} now={now} />
      {devTools === false && (
        <p className="muted small" data-dev-tools="disabled">
          {DISABLED_WHY}
        </p>
      )}
      {answer && (
        <p className={`small mono ${answer.status >= 400 ? 'error' : 'ok'}`} data-fire-answer={answer.status}>
          {answer.status}: {JSON.stringify(answer.body)}
        </p>
      )}
      {others.length > 0 && (
        <>
          <h3>Other tasks</h3>
          <ul className="tasks">
            {others.map((t) => (
              <li key={t.id}>
                <span className="mono">{t.kind}</span> {t.description} · {formatCountdown(t.dueAt, now)}
                {t.attempts > 0 && (
                  <span className="error">
                    {' '}
                    · {t.attempts} attempts, last error: {t.lastError}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

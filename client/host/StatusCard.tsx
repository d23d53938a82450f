import type { RoomState, RoomStatusBody } from '../../protocol';
import { formatCountdown } from '../shared/duration';
import { useNow } from '../shared/use-now';
import { activeStates, stageOf } from './room-value';

const STATUS_WORDS: Record<RoomState, string> = {
  running: 'Running',
  finished: 'Finished',
  uninitialised: 'Not created',
  restore_failed: 'Restore failed',
};

/** What the room reports about itself (`GET …/status`). */
export function StatusCard({ status }: { status: RoomStatusBody }) {
  const now = useNow(status.timers.length > 0, 500);
  return (
    <section className="card status" aria-labelledby="status-title" data-testid="room-status">
      <h2 id="status-title">Room status</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="status">{STATUS_WORDS[status.status] ?? status.status}</dd>
        <dt>Where</dt>
        <dd data-testid="stage">{stageOf(status.value)}</dd>
        <dt>Machine</dt>
        <dd>
          {status.machine ?? '—'}
          {status.createdWith && status.createdWith !== status.machine && ` (created with ${status.createdWith})`}
        </dd>
        <dt>Seq</dt>
        <dd>{status.seq}</dd>
        <dt>Envelope</dt>
        <dd>{(status.envelopeBytes / 1024).toFixed(1)} KB</dd>
        <dt>Restore</dt>
        <dd>{status.restore.ok ? 'OK' : `${status.restore.code}: ${status.restore.message}`}</dd>
        <dt>Connections</dt>
        <dd>{status.connections}</dd>
        <dt>Journal pending</dt>
        <dd>{status.journalPending}</dd>
        {status.lastError && (
          <>
            <dt>Last error</dt>
            <dd className="error-text">
              {status.lastError.code}: {status.lastError.message}
            </dd>
          </>
        )}
      </dl>
      <h3>Timers</h3>
      {status.timers.length === 0 ? (
        <p className="muted">No timers: {status.status === 'running' ? 'the game waits for you to advance it.' : 'nothing is scheduled.'}</p>
      ) : (
        <ul className="timers">
          {status.timers.map((timer) => (
            <li key={`${timer.actorPath}/${timer.timerId}`}>
              <code>{timer.event}</code> ({timer.actorPath}) in {formatCountdown(timer.dueAt - now)}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Active states</summary>
        <ul className="states">
          {activeStates(status.value).map((line) => (
            <li key={line}>
              <code>{line}</code>
            </li>
          ))}
        </ul>
      </details>
      {status.tasks.some((task) => task.lastError) && (
        <details>
          <summary>Tasks with errors</summary>
          <ul>
            {status.tasks
              .filter((task) => task.lastError)
              .map((task) => (
                <li key={task.id}>
                  {task.description}: {task.lastError} ({task.attempts} attempts)
                </li>
              ))}
          </ul>
        </details>
      )}
    </section>
  );
}

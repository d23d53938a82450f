import type { RoomState, RoomStatusBody } from '../../protocol';
import { stageOf } from './room-value';

const STATUS_WORDS: Record<RoomState, string> = {
  running: 'Running',
  finished: 'Finished',
  uninitialised: 'Not created',
  restore_failed: 'Restore failed',
};

/** What the room reports about its own health (`GET …/status`), below the game's dashboard. */
export function StatusCard({ status }: { status: RoomStatusBody }) {
  return (
    <section className="card status" aria-labelledby="status-title" data-testid="room-status">
      <h2 id="status-title">Room health</h2>
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
        {status.walletPending > 0 && (
          <>
            <dt>Wallet credits pending</dt>
            <dd data-testid="wallet-pending">{status.walletPending}</dd>
          </>
        )}
        {status.lastError && (
          <>
            <dt>Last error</dt>
            <dd className="error-text">
              {status.lastError.code}: {status.lastError.message}
            </dd>
          </>
        )}
      </dl>
      {/* What the timers will do is on the dashboard, in words; their ids are the inspector's business. */}
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

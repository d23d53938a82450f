/** The room's status as `/status` reports it: version, envelope, restore and last error. */
import type { RoomStatusBody } from '../../protocol';
import { formatDateTime } from '../views/format';

export function StatusPanel({ status }: { status: RoomStatusBody | null }) {
  if (!status) return null;
  const kb = (status.envelopeBytes / 1024).toFixed(1);
  return (
    <section className="panel status" aria-label="Room status">
      <header className="panel-header">
        <h2>Room</h2>
        <span className={`badge status-${status.status}`} data-room-status={status.status}>
          {status.status}
        </span>
      </header>
      <dl className="facts">
        <dt>room</dt>
        <dd className="mono">{status.roomId}</dd>
        <dt>version</dt>
        <dd className="mono" data-field="machine">
          {status.machine ?? '—'}
          {status.createdWith && status.createdWith !== status.machine ? ` (created with ${status.createdWith})` : ''}
        </dd>
        <dt>seq</dt>
        <dd className="mono" data-field="seq">
          {status.seq}
        </dd>
        <dt>envelope</dt>
        <dd className="mono">{kb} KB of 1,536 KB</dd>
        <dt>restore</dt>
        <dd data-field="restore">
          {status.restore.ok ? (
            'ok'
          ) : (
            <span className="error">
              {status.restore.code}: {status.restore.message}
            </span>
          )}
        </dd>
        <dt>last error</dt>
        <dd data-field="last-error">
          {status.lastError ? (
            <span className="error">
              {status.lastError.code} at {formatDateTime(status.lastError.at)}: {status.lastError.message}
            </span>
          ) : (
            'none'
          )}
        </dd>
        <dt>journal</dt>
        <dd>
          {status.journalPending} fact{status.journalPending === 1 ? '' : 's'} waiting for D1
        </dd>
        <dt>wallets</dt>
        <dd>
          {status.walletPending} credit{status.walletPending === 1 ? '' : 's'} waiting for D1
        </dd>
        <dt>connections</dt>
        <dd>{status.connections}</dd>
      </dl>
    </section>
  );
}

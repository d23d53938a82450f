import { closeReasonOf } from '../../protocol';
import { explainRefusedLink } from '../shared/error-words';
import type { ConnectionState } from './player-store';

const LABELS: Record<ConnectionState['status'], string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  refused: 'Refused',
};

/** The connection as a badge; announced to screen readers when it changes. */
export function ConnectionBadge({ connection }: { connection: ConnectionState }) {
  return (
    <span className={`badge connection ${connection.status}`} role="status" aria-label={`Connection: ${LABELS[connection.status]}`}>
      <span aria-hidden="true" className="dot" />
      {LABELS[connection.status]}
    </span>
  );
}

/** Why the room refused the connection, from its close code (docs/protocol.md). */
export function RefusalExplanation({ code }: { code: number | null }) {
  const reason = code !== null ? closeReasonOf(code) : null;
  return (
    <div className="notice error" role="alert">
      <p>
        <strong>The game refused this link{reason ? ` (${code} ${reason})` : ''}.</strong>
      </p>
      <p data-testid="refusal-advice">{explainRefusedLink(code)}</p>
    </div>
  );
}

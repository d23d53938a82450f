/** Sends one admin event (`POST /admin`) and shows the room's answer or refusal. */
import { useState } from 'react';
import type { MachineVersion } from '../../machines/machine-version';
import { payloadTemplate } from '../inspection/payload-template';
import { sendAdminEvent, type Answer } from './room-api';

export interface AdminPanelProps {
  roomId: string;
  token: string;
  adminEvents: readonly string[];
  /** This build's copy of the room's version, for payload templates; absent for unknown versions. */
  version?: MachineVersion;
  players: readonly string[];
}

export function AdminPanel({ roomId, token, adminEvents, version, players }: AdminPanelProps) {
  const [type, setType] = useState(adminEvents[0] ?? '');
  const [payload, setPayload] = useState(() => JSON.stringify(payloadTemplate(version?.adminEvents[type], players), null, 2));
  const [answer, setAnswer] = useState<Answer | { status: 0; body: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = (next: string) => {
    setType(next);
    setPayload(JSON.stringify(payloadTemplate(version?.adminEvents[next], players), null, 2));
    setAnswer(null);
  };

  const send = async () => {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(payload || '{}');
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('the payload must be a JSON object');
    } catch (error) {
      setAnswer({ status: 0, body: `Not sent: ${(error as Error).message}` });
      return;
    }
    setBusy(true);
    try {
      setAnswer(await sendAdminEvent(roomId, token, { ...body, type }));
    } catch (error) {
      setAnswer({ status: 0, body: `Not sent: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel admin" aria-label="Admin event">
      <header className="panel-header">
        <h2>Admin event</h2>
      </header>
      <label className="field">
        <span>type</span>
        <select value={type} onChange={(e) => choose(e.target.value)} aria-label="Admin event type">
          {adminEvents.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>payload (JSON, without type)</span>
        <textarea
          aria-label="Admin event payload"
          rows={3}
          value={payload}
          onChange={(e) => setPayload(e.target.value)}
          spellCheck={false}
        />
      </label>
      <button type="button" onClick={send} disabled={busy || !type}>
        Send {type}
      </button>
      {answer && (
        <pre className={`answer ${answer.status >= 200 && answer.status < 300 ? 'ok' : 'error'}`} data-admin-answer={answer.status}>
          {answer.status ? `${answer.status} ` : ''}
          {typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body, null, 2)}
        </pre>
      )}
    </section>
  );
}

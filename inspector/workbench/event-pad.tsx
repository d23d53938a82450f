/**
 * The events the simulated chart accepts now (the `on` of its active states, among the version's
 * player and admin events) as buttons. Admin events without a payload go at once; the others open
 * the payload editor, with a sender picker for player events, and are checked by the version's
 * schema exactly as the room checks them.
 */
import { useState } from 'react';
import { ADMIN_SENDER, type MachineVersion, type RoomEffect } from '../../machines/machine-version';
import { payloadTemplate, takesNoPayload } from '../inspection/payload-template';

export interface EventPadProps {
  version: MachineVersion;
  handled: ReadonlySet<string>;
  players: readonly string[];
  disabled: boolean;
  send(event: { type: string; senderId: string; [key: string]: unknown }): RoomEffect[];
}

type Outcome = { kind: 'accepted' | 'refused' | 'invalid'; text: string };

export function EventPad({ version, handled, players, disabled, send }: EventPadProps) {
  const [selected, setSelected] = useState<string | null>(null);
  const [sender, setSender] = useState(players[0] ?? '');
  const [payload, setPayload] = useState('{}');
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const isAdmin = (type: string) => type in version.adminEvents;
  const schemaOf = (type: string) => version.adminEvents[type] ?? version.playerEvents[type];

  const deliver = (type: string, senderId: string, body: Record<string, unknown>) => {
    const checked = schemaOf(type)?.safeParse(body);
    if (checked && !checked.success) {
      setOutcome({ kind: 'invalid', text: checked.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ') });
      return;
    }
    const effects = send({ ...((checked?.data as object) ?? body), type, senderId });
    const refusal = effects.find((e): e is Extract<RoomEffect, { type: 'room.refuse' }> => e.type === 'room.refuse' && e.to === senderId);
    setOutcome(
      refusal
        ? { kind: 'refused', text: `${type} from ${senderId} refused: ${refusal.code}: ${refusal.message}` }
        : { kind: 'accepted', text: `${type} from ${senderId} accepted` },
    );
  };

  const choose = (type: string) => {
    if (isAdmin(type) && takesNoPayload(schemaOf(type))) {
      setSelected(null);
      deliver(type, ADMIN_SENDER, {});
      return;
    }
    const from = isAdmin(type) ? ADMIN_SENDER : sender || players[0] || '';
    setSelected(type);
    setPayload(JSON.stringify(payloadTemplate(schemaOf(type), players, from), null, 2));
    setOutcome(null);
  };

  const submit = () => {
    if (!selected) return;
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(payload || '{}');
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('the payload must be a JSON object');
    } catch (error) {
      setOutcome({ kind: 'invalid', text: `Not sent: ${(error as Error).message}` });
      return;
    }
    deliver(selected, isAdmin(selected) ? ADMIN_SENDER : sender, body);
  };

  const group = (title: string, types: string[]) => (
    <div className="event-group">
      <h3>{title}</h3>
      <div className="event-buttons">
        {types.map((type) => (
          <button
            key={type}
            type="button"
            data-event={type}
            className={`${selected === type ? 'on' : ''}${handled.has(type) ? '' : ' unhandled'}`}
            disabled={disabled || !handled.has(type)}
            title={handled.has(type) ? (schemaOf(type)?.description ?? type) : 'No active state handles this event now.'}
            onClick={() => choose(type)}
          >
            {type}
          </button>
        ))}
      </div>
    </div>
  );

  return (
    <section className="panel event-pad" aria-label="Send events">
      <header className="panel-header">
        <h2>Events</h2>
        <span className="muted small">enabled: handled by an active state</span>
      </header>
      {group('Admin', Object.keys(version.adminEvents))}
      {group('Players', Object.keys(version.playerEvents))}
      {selected && (
        <div className="event-form" data-selected-event={selected}>
          <div className="row">
            <b className="mono">{selected}</b>
            {isAdmin(selected) ? (
              <span className="muted">from {ADMIN_SENDER}</span>
            ) : (
              <label className="inline">
                from{' '}
                <select aria-label="Sender" value={sender} onChange={(e) => setSender(e.target.value)}>
                  {players.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <textarea aria-label="Event payload" rows={3} value={payload} onChange={(e) => setPayload(e.target.value)} spellCheck={false} />
          <button type="button" onClick={submit} disabled={disabled} data-send-event={selected}>
            Send
          </button>
        </div>
      )}
      {outcome && (
        <p className={`outcome outcome-${outcome.kind}`} data-outcome={outcome.kind}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { isBlank } from '../../machines/pecking-order/v1/economy';
import type { Invite } from '../shared/invite-link';
import type { KnownPlayer } from '../shared/known-casts';
import { withNames } from '../shared/player-names';
import type { HostSummary, RoomStatusBody } from '../../protocol';
import { sendAdminEvent, type AdminEvent, type AdminFailure } from './admin-api';

type Outcome = { ok: true; text: string } | { ok: false; failure: AdminFailure };

/** The host's actions (`POST …/admin`), each answered in words: accepted, or refused with the machine's reason. */
export function AdminActions({
  invite,
  cast,
  targets,
  names,
  finished,
  onDone,
}: {
  invite: Invite;
  cast: KnownPlayer[] | null;
  /** Whom each action applies to, from the room; null until the room says (then the whole cast). */
  targets: HostSummary['actionTargets'] | null;
  names: ReadonlyMap<string, string>;
  finished: boolean;
  /** Refreshes the status; answers it, so a confirmation can say where the game is now. */
  onDone(): Promise<RoomStatusBody | null>;
}) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [eliminate, setEliminate] = useState('');
  const [creditTo, setCreditTo] = useState('');
  const [amount, setAmount] = useState('');
  const [debit, setDebit] = useState(false);
  const [message, setMessage] = useState('');
  const [confirmEnd, setConfirmEnd] = useState(false);

  async function run(event: AdminEvent, done: string, after?: () => void) {
    setBusy(true);
    const answer = await sendAdminEvent(invite.roomId, invite.token, event);
    const status = await onDone();
    setBusy(false);
    if (answer.ok) {
      const where = status?.host?.stage;
      setOutcome({ ok: true, text: where ? `${done} The game is now at: ${where}.` : done });
      after?.();
    } else {
      setOutcome({ ok: false, failure: answer.failure });
    }
  }
  // Only the players an action applies to: nobody already out under "put out" or "credit".
  const only = (ids: readonly string[] | undefined) => (cast && ids ? cast.filter((p) => ids.includes(p.playerId)) : cast);
  const units = (n: number) => `${n} silver`;

  const submit = (handler: () => void) => (event: FormEvent) => {
    event.preventDefault();
    handler();
  };
  const name = (id: string) => names.get(id) ?? id;

  return (
    <section className="card actions-card" aria-labelledby="actions-title">
      <h2 id="actions-title">Host actions</h2>
      {outcome &&
        (outcome.ok ? (
          <p className="notice ok" role="status" data-testid="admin-outcome">
            {outcome.text}
          </p>
        ) : (
          <div className="notice error" role="alert" data-testid="admin-outcome">
            <p>
              <strong>
                Refused ({outcome.failure.code}): {outcome.failure.sentence}
              </strong>
              {outcome.failure.detail && <span className="detail"> {withNames(outcome.failure.detail, names)}</span>}
            </p>
          </div>
        ))}
      <div className="row">
        <button
          type="button"
          className="primary big"
          disabled={busy || finished}
          onClick={() => run({ type: 'admin.advance' }, 'Advanced.')}
        >
          Advance to the next phase
        </button>
      </div>

      <form
        className="row"
        onSubmit={submit(() => run({ type: 'admin.eliminate', playerId: eliminate }, `${name(eliminate)} is out.`, () => setEliminate('')))}
      >
        <PlayerField label="Put out" value={eliminate} onChange={setEliminate} cast={only(targets?.eliminate)} />
        <button type="submit" className="secondary" disabled={busy || finished || !eliminate}>
          Eliminate
        </button>
      </form>

      <form
        className="row"
        onSubmit={submit(() => {
          const n = Math.abs(Number(amount));
          run(
            { type: 'admin.credit', playerId: creditTo, amount: debit ? -n : n },
            debit
              ? `Debited ${units(n)} from ${name(creditTo)} (a balance never goes below 0).`
              : `Credited ${units(n)} to ${name(creditTo)}.`,
            () => setAmount(''),
          );
        })}
      >
        <fieldset className="field inline-choice">
          <legend>Silver</legend>
          <label>
            <input type="radio" name="credit-kind" checked={!debit} onChange={() => setDebit(false)} /> Credit
          </label>
          <label>
            <input type="radio" name="credit-kind" checked={debit} onChange={() => setDebit(true)} /> Debit
          </label>
        </fieldset>
        <PlayerField
          label={debit ? 'Debit silver from' : 'Credit silver to'}
          value={creditTo}
          onChange={setCreditTo}
          cast={only(targets?.credit)}
        />
        <div className="field">
          <label htmlFor="credit-amount">Amount</label>
          <input id="credit-amount" type="number" min={1} step={1} value={amount} onChange={(event) => setAmount(event.target.value)} />
        </div>
        <button
          type="submit"
          className="secondary"
          disabled={busy || finished || !creditTo || !amount || !Number.isInteger(Number(amount)) || Number(amount) <= 0}
        >
          {debit ? 'Debit' : 'Credit'}
        </button>
      </form>

      <form
        className="composer"
        onSubmit={submit(() => run({ type: 'admin.hostMessage', text: message }, 'Posted to the group chat.', () => setMessage('')))}
      >
        <label htmlFor="host-message">Message the group chat as the host</label>
        <textarea id="host-message" rows={2} value={message} onChange={(event) => setMessage(event.target.value)} />
        <div className="composer-foot">
          <span />
          <button type="submit" className="secondary" disabled={busy || finished || isBlank(message)}>
            Post as host
          </button>
        </div>
      </form>

      <div className="row danger-zone">
        {confirmEnd ? (
          <>
            <span>End the game now? Nobody wins the gold.</span>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => run({ type: 'admin.endGame' }, 'The game is over.', () => setConfirmEnd(false))}
            >
              Yes, end the game
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmEnd(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="secondary" disabled={busy || finished} onClick={() => setConfirmEnd(true)}>
            End the game…
          </button>
        )}
      </div>
    </section>
  );
}

/** A player: chosen from the cast this browser created, or typed as an id when it does not know it. */
function PlayerField({
  label,
  value,
  onChange,
  cast,
}: {
  label: string;
  value: string;
  onChange(id: string): void;
  cast: KnownPlayer[] | null;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cast ? (
        <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">Choose a player…</option>
          {cast.map((player) => (
            <option key={player.playerId} value={player.playerId}>
              {player.name}
            </option>
          ))}
        </select>
      ) : (
        <input id={id} value={value} placeholder="player id, e.g. p3" onChange={(event) => onChange(event.target.value.trim())} />
      )}
    </div>
  );
}

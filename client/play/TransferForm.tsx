import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import { REFUSALS } from '../../machines/pecking-order/v1/refusals';
import { ErrorNotice } from './ErrorNotice';
import { useAction } from './use-action';

/** Give silver to another alive player, from morning to night. */
export function TransferForm({ view, live }: { view: PlayerView; live: boolean }) {
  const id = useId();
  const others = view.cast.filter((member) => member.alive && member.playerId !== view.playerId);
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  // Checked here too, so a typo is explained before it reaches the room.
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const action = useAction();
  // What the pending transfer will have done, said once the room accepts it.
  const receipt = useRef('');
  const { status, reset } = action;
  useEffect(() => {
    if (status !== 'done') return;
    setSent(receipt.current);
    setAmount('');
    reset();
  }, [status, reset]);
  if (!view.me.alive) return null;
  const disabled = !view.open.transfers || !live;
  function submit(event: FormEvent) {
    event.preventDefault();
    setSent(null);
    const value = Number(amount);
    if (!Number.isInteger(value) || value <= 0) {
      setLocalProblem(REFUSALS.INVALID_AMOUNT);
      return;
    }
    setLocalProblem(null);
    const name = others.find((member) => member.playerId === to)?.name ?? to;
    receipt.current = `You gave ${value} silver to ${name}.`;
    action.run({ type: 'silver.transfer', to, amount: value });
  }
  return (
    <form className="card transfer" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Give silver</h2>
      {!view.open.transfers && <p className="notice">Silver can only be given during a day, from morning to night.</p>}
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <select id={`${id}-to`} value={to} onChange={(event) => setTo(event.target.value)} disabled={disabled} required>
            <option value="">Choose a player…</option>
            {others.map((member) => (
              <option key={member.playerId} value={member.playerId}>
                {member.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-amount`}>Amount</label>
          <input
            id={`${id}-amount`}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            disabled={disabled}
            required
          />
        </div>
        <button type="submit" disabled={disabled || !to || !amount || action.status === 'pending'}>
          {action.status === 'pending' ? 'Giving…' : 'Give'}
        </button>
      </div>
      <p className="muted">You have {view.me.silver} silver.</p>
      {sent && (
        <p className="notice ok" role="status">
          {sent}
        </p>
      )}
      {localProblem && (
        <p className="notice error" role="alert">
          <strong>{localProblem}</strong>
        </p>
      )}
      <ErrorNotice eventTypes={['silver.transfer']} />
    </form>
  );
}

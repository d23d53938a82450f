import { useEffect, useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { messageLength } from '../../machines/pecking-order/v1/economy';
import { unsendable } from './message-limit';
import type { GameAction } from '../../protocol';
import { useAction } from './use-action';

/**
 * A text box that sends one game event per message. Enter sends, Shift+Enter starts a new line.
 * The text is cleared only once the room accepted it, so a refused message can be fixed and resent.
 */
export function MessageComposer({
  label,
  limit,
  disabled,
  toEvent,
  note,
  sendLabel = 'Send',
  onSent,
  above,
}: {
  label: string;
  /** Characters allowed (code points, as the room counts them). */
  limit: number;
  disabled: boolean;
  toEvent: (text: string) => GameAction;
  note?: string;
  sendLabel?: string;
  /** Called once the room accepted a message (e.g. to leave reply mode). */
  onSent?: () => void;
  /** Shown above the text box (e.g. the message being replied to). */
  above?: ReactNode;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const action = useAction();
  const length = messageLength(text);
  useEffect(() => {
    if (action.status === 'done') {
      setText('');
      action.reset();
      onSent?.();
    }
  }, [action.status, action.reset, onSent]);
  const blocked = disabled || unsendable(text, limit) !== null || action.status === 'pending';
  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!blocked) action.run(toEvent(text));
  }
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }
  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      {above}
      <textarea
        id={id}
        rows={2}
        value={text}
        disabled={disabled}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={`${id}-count`}
      />
      <div className="composer-foot">
        <span id={`${id}-count`} className={length > limit ? 'count over' : 'count'}>
          {limit - length} characters left{note ? ` · ${note}` : ''}
        </span>
        <button type="submit" disabled={blocked}>
          {action.status === 'pending' ? 'Sending…' : sendLabel}
        </button>
      </div>
    </form>
  );
}

import { explainError } from '../shared/error-words';
import { withNames } from '../shared/player-names';
import { usePlayerApi, usePlayerState } from './player-context';
import { useNames } from './use-names';

/**
 * The last refusal, shown next to the control that caused it: `eventTypes` lists the events this
 * place sends; `general` shows the errors that belong to no send (e.g. rate limiting).
 */
export function ErrorNotice({ eventTypes, general = false }: { eventTypes?: readonly string[]; general?: boolean }) {
  const { store } = usePlayerApi();
  const error = usePlayerState((s) => s.lastError);
  const names = useNames();
  if (!error) return null;
  const mine = error.eventType !== null ? (eventTypes ?? []).includes(error.eventType) : general;
  if (!mine) return null;
  const { sentence, detail } = explainError(error.code, error.message);
  return (
    <div className="notice error" role="alert">
      <p>
        <strong>{withNames(sentence, names)}</strong>
        {detail && <span className="detail"> {withNames(detail, names)}</span>}
      </p>
      <button type="button" className="link" onClick={() => store.trigger.errorDismissed()}>
        Dismiss
      </button>
    </div>
  );
}

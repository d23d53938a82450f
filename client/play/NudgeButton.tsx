import { useAction } from './use-action';

/**
 * Nudges a cast member: once per player a day. Only the two of them ever know; the button says
 * so once it is done, from the view (which remembers whom this player nudged today).
 */
export function NudgeButton({ to, name, nudged, live }: { to: string; name: string; nudged: boolean; live: boolean }) {
  const action = useAction();
  if (nudged) return <span className="badge nudged">Nudged</span>;
  return (
    <button
      type="button"
      className="link nudge"
      aria-label={`Nudge ${name}`}
      disabled={!live || action.status === 'pending'}
      onClick={() => action.run({ type: 'nudge.send', to })}
    >
      Nudge
    </button>
  );
}

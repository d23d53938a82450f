import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import { Countdown } from './Countdown';
import { dayName, dayNoun } from './day-words';
import { PHASE_NAMES } from './vote-words';

/** Where the game is: the day, the phase (and vote step), and when it ends. Always on screen. */
export function PhaseStrip({ view }: { view: PlayerView }) {
  const me = view.cast.find((member) => member.playerId === view.playerId);
  const step = view.phase === 'voting' && view.vote?.step === 'election' ? ' · election' : '';
  const dayLabel =
    view.phase === 'pregame'
      ? `A ${view.dayCount}-${dayNoun(view)} game`
      : view.phase === 'gameOver'
        ? 'Final'
        : `${dayName(view, view.day)} of ${view.dayCount}`;
  return (
    <div className="phase-strip">
      <div className="where">
        <span data-testid="day">{dayLabel}</span>
        <span aria-hidden="true"> · </span>
        <strong data-testid="phase">
          {PHASE_NAMES[view.phase]}
          {step}
        </strong>
        {view.phaseEndsAt !== null && (
          <>
            <span aria-hidden="true"> · </span>
            <Countdown endsAt={view.phaseEndsAt} />
          </>
        )}
        {view.phaseEndsAt === null && view.scheduling === 'ADMIN' && view.phase !== 'gameOver' && (
          <span className="muted"> · the host moves the game on</span>
        )}
      </div>
      {me && (
        <div className="me" data-testid="me">
          <span className="name">{me.name}</span>
          <span className="silver" role="img" aria-label={`${view.me.silver} silver`} data-testid="my-silver">
            {view.me.silver} silver
          </span>
          {view.me.gold > 0 && <span className="gold">{view.me.gold} gold</span>}
          {!view.me.alive && <span className="badge out">Out · jury</span>}
        </div>
      )}
    </div>
  );
}

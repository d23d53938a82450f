import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import { withNames } from '../shared/player-names';
import { ActivityCard } from './ActivityCard';
import { CartridgeCards } from './CartridgeCards';
import { NightNews } from './NightNews';
import { PersonaCard } from './PersonaCard';
import { regionPills, voteFirst } from './today-lines';
import { useNames } from './use-names';
import { VoteCard } from './VoteCard';
import { PHASE_HINTS, VOTE_NAMES } from './vote-words';

/** The day at a glance: who you are, what the phase allows, the activity, the vote, and the days before. */
export function TodayPanel({ view }: { view: PlayerView }) {
  const names = useNames();
  const earlier = view.history.filter((result) => result.day < view.day || view.phase === 'gameOver');
  const leadWithVote = voteFirst(view);
  return (
    <>
      {leadWithVote && <VoteCard view={view} />}
      <PersonaCard view={view} />
      <NightNews view={view} />
      {view.phase !== 'gameOver' && (
        <section className="card" aria-label="What is open now">
          <p data-testid="phase-hint">{PHASE_HINTS[view.phase]}</p>
          <ul className="open-regions">
            {regionPills(view).map((pill) => (
              <li key={pill.text} className={pill.on ? 'on' : 'off'}>
                {pill.text}
              </li>
            ))}
          </ul>
          {view.theme && <p>Today's theme: {view.theme}</p>}
          <p className="muted">Gold pool: {view.goldPool}. The winner takes it.</p>
        </section>
      )}
      {!view.me.alive && view.phase !== 'gameOver' && view.vote?.type !== 'FINALS' && (
        <section className="card jury" aria-label="The jury" data-testid="jury-note">
          <p>You are out of the game and on the jury. You can read the group chat; in the finale you vote for the winner.</p>
        </section>
      )}
      <ActivityCard view={view} />
      <CartridgeCards view={view} />
      {!leadWithVote && <VoteCard view={view} />}
      {earlier.length > 0 && (
        <section className="card" aria-labelledby="history-title">
          <h2 id="history-title">{view.phase === 'gameOver' ? 'The game, day by day' : 'The days so far'}</h2>
          <ol className="history">
            {earlier.map((result) => (
              <li key={result.day}>
                <strong>
                  Day {result.day} · {VOTE_NAMES[result.type]}:
                </strong>{' '}
                {withNames(result.explanation, names)}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import { useNames } from './use-names';

/** The night's elimination: announced at night, recalled the next morning. */
export function NightNews({ view }: { view: PlayerView }) {
  const names = useNames();
  let text: string | null = null;
  if (view.phase === 'night' && view.vote?.result?.out) {
    const out = view.vote.result.out;
    text =
      out === view.playerId
        ? 'Tonight you leave the game. You join the jury that crowns the winner.'
        : `Tonight ${names.get(out) ?? out} leaves the game.`;
  } else if (view.phase === 'morning' && view.day > 1) {
    const last = view.history.find((result) => result.day === view.day - 1);
    if (last?.out) text = `Last night ${last.out === view.playerId ? 'you' : (names.get(last.out) ?? last.out)} left the game.`;
  }
  if (!text) return null;
  return (
    <section className="card news" aria-label="The night's elimination">
      <p data-testid="night-news">{text}</p>
    </section>
  );
}

import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import { finishingOrder } from './standings';
import { useNames } from './use-names';

/** The end of the game, on every screen: the winner and their gold, or the host's ending. */
export function GameOverBanner({ view }: { view: PlayerView }) {
  const names = useNames();
  if (view.phase !== 'gameOver') return null;
  const winner = view.winner ? view.cast.find((member) => member.playerId === view.winner) : undefined;
  const standings = finishingOrder(view);
  return (
    <section className="banner game-over" aria-labelledby="game-over-title" data-testid="game-over">
      <h2 id="game-over-title">Game over</h2>
      {winner ? (
        <>
          <p className="headline" data-testid="winner">
            {names.get(winner.playerId)} wins {winner.gold} gold
          </p>
          {winner.playerId === view.playerId && <p>That’s you. Congratulations!</p>}
          {standings.length > 1 && (
            <ol className="standings" aria-label="Final standings" data-testid="standings">
              {standings.map((id) => (
                <li key={id}>
                  {names.get(id) ?? id}
                  {id === view.playerId ? ' (you)' : ''}
                </li>
              ))}
            </ol>
          )}
        </>
      ) : (
        <p data-testid="winner">The host ended the game. Nobody wins the gold.</p>
      )}
    </section>
  );
}

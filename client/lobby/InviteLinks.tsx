import { CopyButton } from '../shared/CopyButton';
import { useNow } from '../shared/use-now';
import { startCountdown } from './start-time';
import type { CreatedGame } from './create-game';

/** The created game's links, absolute, each with a Copy button: one per player, and the host's. */
/** `starts`: what the game's first timer begins (the mode's lobby support says; `Day 1` unless it does). */
export function InviteLinks({ game, onAnother, starts = 'Day 1' }: { game: CreatedGame; onAnother(): void; starts?: string }) {
  const absolute = (link: string) => new URL(link, window.location.origin).href;
  const host = absolute(game.host);
  const now = useNow(game.startsAt !== null, 1000);
  return (
    <section className="card links" aria-labelledby="links-title" data-testid="invite-links">
      <h2 id="links-title">Game created</h2>
      <p className="headline" data-testid="game-start">
        {game.startsAt === null ? (
          'The game starts when you advance it from the host view.'
        ) : (
          <>
            {starts} starts <time dateTime={new Date(game.startsAt).toISOString()}>{new Date(game.startsAt).toLocaleString()}</time> (
            <span data-testid="start-countdown">{startCountdown(game.startsAt, now)}</span>).
          </>
        )}
      </p>
      <p>Send each player their own link: it is their key to the game. Links work until {new Date(game.expiresAt).toLocaleString()}.</p>
      <ul className="link-list">
        {game.players.map((player) => (
          <li key={player.playerId}>
            <label htmlFor={`invite-${player.playerId}`}>{player.name}</label>
            <div className="link-row">
              <input
                id={`invite-${player.playerId}`}
                readOnly
                value={absolute(player.invite)}
                onFocus={(event) => event.target.select()}
                data-testid="invite-link"
              />
              <CopyButton text={absolute(player.invite)} label={`${player.name}'s invite link`} />
            </div>
          </li>
        ))}
      </ul>
      <h3>Your host link</h3>
      <p className="muted">Keep it to yourself: it moves the game on and can put players out.</p>
      <div className="link-row">
        <input aria-label="Host link" readOnly value={host} onFocus={(event) => event.target.select()} data-testid="host-link" />
        <CopyButton text={host} label="the host link" />
      </div>
      <p className="row">
        <a className="button" href={host} target="_blank" rel="noreferrer">
          Open the host view
        </a>
        <button type="button" className="secondary" onClick={onAnother}>
          Create another game
        </button>
      </p>
    </section>
  );
}

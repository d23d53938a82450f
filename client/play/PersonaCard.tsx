import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import { standingWords } from './today-lines';

/** Who this player is in the game: their persona, standing and role. */
export function PersonaCard({ view }: { view: PlayerView }) {
  const me = view.cast.find((member) => member.playerId === view.playerId);
  if (!me) return null;
  return (
    <section className="card persona" aria-labelledby="persona-title">
      <p className="eyebrow">You play</p>
      <h2 id="persona-title" data-testid="persona">
        {me.name}
      </h2>
      {me.bio && <p className="bio">{me.bio}</p>}
      <p className="standing">
        <span className="silver">{view.me.silver} silver</span> · <span className="gold">{view.me.gold} gold</span> · {standingWords(view)}
      </p>
    </section>
  );
}

/** The final standings: every player, in the order they finished. Pure, over the player's view. */
import type { PlayerView } from '../../machines/pecking-order/v1/projection';

/**
 * Everyone, first place first: the finale's ranking (winner first; when the host ended the game,
 * the survivors by silver, most first, in roster order on equal silver), then the eliminated, the
 * last one out first.
 */
export function finishingOrder(view: PlayerView): string[] {
  const finals = view.history.find((result) => result.type === 'FINALS');
  const survivors = finals
    ? finals.ranking
    : view.cast
        .filter((member) => member.alive)
        .sort((a, b) => b.silver - a.silver)
        .map((member) => member.playerId);
  const out = [...view.eliminated].reverse().filter((id) => !survivors.includes(id));
  const listed = new Set([...survivors, ...out]);
  // A player the two lists miss (never expected) still appears, at the end.
  const rest = view.cast.map((member) => member.playerId).filter((id) => !listed.has(id));
  return [...survivors, ...out, ...rest];
}

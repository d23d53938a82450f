/**
 * The day's side of PLAYER_PICK's close: once the activity child has decided, its rewards are
 * credited and its picks and payout become public (see `decidePicks` in the rules).
 */
import type { PickResult } from '../../rules';
import { withSilver } from '../cast';
import type { GameContext } from '../context';

/** The context once the activity is revealed: rewards credited, the picks and the payout public. */
export function afterPicksRevealed(
  context: GameContext,
  picks: Readonly<Record<string, string>>,
  result: PickResult,
): Partial<GameContext> {
  let cast = context.cast;
  for (const [playerId, reward] of Object.entries(result.rewards)) cast = withSilver(cast, playerId, reward);
  return { cast, today: { ...context.today, picks: { ...picks }, pickResult: result } };
}

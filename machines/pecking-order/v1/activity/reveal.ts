/**
 * PLAYER_PICK, the optional activity of the social phase: every alive player secretly picks another;
 * when it closes, the picks are revealed and paid (see `decidePicks` in the rules).
 */
import { canPick, decidePicks } from '../rules';
import { aliveIds, isAlive, isPlayer, withSilver } from './cast';
import type { GameContext } from './context';
import { refusal, type Refusal } from './refusals';

/** Why `senderId` may not pick `target` while the activity is open; null when they may. */
export function checkPick(context: GameContext, senderId: string, target: string): Refusal | null {
  if (!isAlive(context, senderId)) return refusal('NOT_ALIVE', 'Only players still in the game pick.');
  if (!isPlayer(context, target)) return refusal('INVALID_TARGET', `There is no player "${target}".`);
  if (!canPick(aliveIds(context), senderId, target)) {
    return refusal('INVALID_TARGET', 'Pick another player who is still in the game.');
  }
  return null;
}

/** The latest pick replaces the earlier one. */
export function afterPick(context: GameContext, senderId: string, target: string): Partial<GameContext> {
  return { today: { ...context.today, picks: { ...context.today.picks, [senderId]: target } } };
}

/** The context once the activity closes: rewards credited, the result (and so the picks) public. */
export function afterPicksRevealed(context: GameContext): Partial<GameContext> {
  const result = decidePicks(aliveIds(context), context.today.picks);
  let cast = context.cast;
  for (const [playerId, reward] of Object.entries(result.rewards)) cast = withSilver(cast, playerId, reward);
  return { cast, today: { ...context.today, pickResult: result } };
}

/** PLAYER_PICK: the optional social-phase activity where everyone secretly picks another player. */

/** Silver for every alive player who picked another alive player. */
export const PICK_REWARD = 5;
/** Extra silver for each of two players who picked each other. */
export const MUTUAL_BONUS = 10;

/** Whether `picker` may pick `picked`: both alive, and not themself. */
export function canPick(alive: readonly string[], picker: string, picked: string): boolean {
  return picker !== picked && alive.includes(picker) && alive.includes(picked);
}

/** What the PLAYER_PICK activity pays out. */
export interface PickResult {
  /** Silver earned per player; only players who earned something appear. */
  rewards: Record<string, number>;
  /** Players who picked each other, each pair once, in `alive` order. */
  mutualPairs: [string, string][];
}

/**
 * The activity's payout when it closes. Every alive player who picked another alive player earns
 * PICK_REWARD (5) silver; two players who picked each other each earn MUTUAL_BONUS (10) more, 15 in
 * all. Self-picks, picks by or of players who are not alive, earn nothing.
 */
export function decidePicks(alive: readonly string[], picks: Readonly<Record<string, string>>): PickResult {
  const valid = (picker: string) => {
    const picked = picks[picker];
    return typeof picked === 'string' && canPick(alive, picker, picked) ? picked : null;
  };
  const rewards = new Map<string, number>();
  const mutualPairs: [string, string][] = [];
  alive.forEach((picker, i) => {
    const picked = valid(picker);
    if (picked === null) return;
    rewards.set(picker, (rewards.get(picker) ?? 0) + PICK_REWARD);
    // Credit the bonus once per pair, when the pair's first member (in alive order) is visited.
    if (valid(picked) === picker && alive.indexOf(picked) > i) {
      mutualPairs.push([picker, picked]);
    }
  });
  for (const [a, b] of mutualPairs) {
    rewards.set(a, rewards.get(a)! + MUTUAL_BONUS);
    rewards.set(b, rewards.get(b)! + MUTUAL_BONUS);
  }
  return { rewards: Object.fromEntries(rewards), mutualPairs };
}

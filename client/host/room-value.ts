/**
 * A room's state value (the statechart's active states) in words for the host: where the game
 * is (`day · social`).
 */

/** The game's stage and phase, e.g. `day · social` or `gameOver`. */
export function stageOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return 'unknown';
  const [stage, inner] = Object.entries(value as Record<string, unknown>)[0] ?? ['unknown', null];
  const phase = inner && typeof inner === 'object' ? (inner as Record<string, unknown>).phase : undefined;
  if (phase === undefined) return stage;
  const phaseName = typeof phase === 'string' ? phase : (Object.keys(phase as object)[0] ?? '');
  return `${stage} · ${phaseName}`;
}

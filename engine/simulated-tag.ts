/**
 * The tag a simulated room gives a player for the version's `senderTags` events: a stand-in for the
 * room's HMAC (worker/room-secret.ts), distinct per player and stable, which is all a machine may
 * rely on. Tests that must not let a reader derive it use their own.
 */
export function simulatedTag(playerId: string): string {
  return `simulated-tag:${playerId}`;
}

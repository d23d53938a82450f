/**
 * The cast of the games this browser created, by room: the lobby remembers it so the host view can
 * name players before the room's first status arrives. Names only, never a token.
 */
export interface KnownPlayer {
  playerId: string;
  name: string;
}

const key = (roomId: string) => `po:cast:${roomId}`;

export function rememberCast(roomId: string, players: readonly KnownPlayer[]): void {
  try {
    localStorage.setItem(key(roomId), JSON.stringify(players.map(({ playerId, name }) => ({ playerId, name }))));
  } catch {
    // Storage full or disabled: the host view falls back to player ids.
  }
}

export function knownCast(roomId: string): KnownPlayer[] | null {
  try {
    const players = JSON.parse(localStorage.getItem(key(roomId)) ?? 'null') as unknown;
    return Array.isArray(players) ? (players as KnownPlayer[]) : null;
  } catch {
    return null;
  }
}

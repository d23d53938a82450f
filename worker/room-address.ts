/**
 * Which requests under `/parties/:party/:roomId` may reach a room. The Worker entry checks every one
 * (HTTP and WebSocket upgrades alike) before partyserver routes it, so a room only ever sees an id of
 * the documented form, and a caller gets a JSON error with a stable code instead of partyserver's
 * plain-text answers (or a 500 from an id the platform cannot name an object by).
 */
import { MAX_ROOM_ID_LENGTH, ROOM_ID_PATTERN } from '../protocol';
import { RoomError } from './room-error';

export { MAX_ROOM_ID_LENGTH, ROOM_ID_PATTERN } from '../protocol';

export function isRoomId(id: string): boolean {
  return ROOM_ID_PATTERN.test(id);
}

/** A binding's party name as partyserver derives it: `GameServer` → `game-server`. */
function partyNameOf(binding: string): string {
  if (binding === binding.toUpperCase() && binding !== binding.toLowerCase()) return binding.toLowerCase().replace(/_/g, '-');
  return binding
    .replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
    .replace(/^-/, '')
    .replace(/_/g, '-')
    .replace(/-$/, '');
}

/** The parties this Worker serves: its Durable Object bindings, by party name. */
function partiesOf(env: object): Set<string> {
  return new Set(
    Object.entries(env)
      .filter(([, value]) => value && typeof value === 'object' && typeof (value as { idFromName?: unknown }).idFromName === 'function')
      .map(([binding]) => partyNameOf(binding)),
  );
}

/**
 * Why a request for `pathname` must not reach a room (`NOT_FOUND` for an unknown party,
 * `INVALID_ROOM_ID` for a malformed id); null when it may, or when the path names no room at all.
 * Splits the path exactly as partyserver does, so the segment checked is the room name it would use
 * (still percent-encoded: `%` is not allowed, so no encoded character passes).
 */
export function roomAddressProblem(pathname: string, env: object): RoomError | null {
  const [prefix, party, roomId] = pathname.split('/').filter(Boolean);
  if (prefix !== 'parties' || party === undefined || roomId === undefined) return null;
  if (!partiesOf(env).has(party)) {
    return new RoomError('NOT_FOUND', `there is no party "${party.slice(0, 40)}"; rooms live at /parties/game-server/:roomId`);
  }
  if (!isRoomId(roomId)) {
    return new RoomError(
      'INVALID_ROOM_ID',
      `a room id is 1–${MAX_ROOM_ID_LENGTH} letters, digits, "-" or "_"; this one (${roomId.length} characters as sent) is not`,
    );
  }
  return null;
}

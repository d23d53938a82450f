/**
 * Invite and host links carry `#room=…&token=…` in the fragment, which browsers never send to a
 * server. The app reads them once and removes them from the address bar at once, so the token
 * stays out of history, bookmarks and screenshots; after that, storage holds it.
 */
import { ROOM_ID_PATTERN } from '../../protocol';

export interface Invite {
  roomId: string;
  token: string;
}

/** Room ids are chosen by the lobby, of the protocol's form (the Worker refuses others). */
const ROOM_ID = ROOM_ID_PATTERN;

/** The invite in a URL fragment such as `#room=abc&token=ey…`; null when there is none. */
export function parseInviteFragment(hash: string): Invite | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const roomId = params.get('room');
  const token = params.get('token');
  if (!roomId || !token || !ROOM_ID.test(roomId)) return null;
  return { roomId, token };
}

/** Reads the invite from the address bar, if any, and removes the fragment without a reload. */
export function takeInviteFromAddressBar(): Invite | null {
  const invite = parseInviteFragment(window.location.hash);
  if (window.location.hash) {
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
  }
  return invite;
}

/** The unverified claims of a token (the room verifies it); used to label storage, never to trust. */
export function tokenClaims(token: string): { sub?: string; exp?: number; role?: string } {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as unknown;
    return typeof claims === 'object' && claims !== null ? (claims as { sub?: string; exp?: number; role?: string }) : {};
  } catch {
    return {};
  }
}

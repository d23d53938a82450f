/**
 * The host link's admin token, kept per room in localStorage (like a player's invite), and the
 * room this tab shows in sessionStorage, so a reload keeps working after the fragment is gone.
 */
import type { Invite } from '../shared/invite-link';

const key = (roomId: string) => `po:host:${roomId}`;
const TAB_ROOM = 'po:host-current-room';

export function saveHostInvite(invite: Invite): void {
  try {
    localStorage.setItem(key(invite.roomId), invite.token);
    sessionStorage.setItem(TAB_ROOM, invite.roomId);
  } catch {
    // Storage disabled: the host view works until the page is reloaded.
  }
}

export function loadHostInvite(): Invite | null {
  try {
    const roomId = sessionStorage.getItem(TAB_ROOM);
    const token = roomId ? localStorage.getItem(key(roomId)) : null;
    return roomId && token ? { roomId, token } : null;
  } catch {
    return null;
  }
}

/**
 * What a player's browser keeps per room (localStorage): the invite token, and the messages with
 * their cursor, so a reload or a new connection asks the room only for what came after. The tab
 * remembers which room it shows (sessionStorage), so two games in two tabs do not mix.
 */
import type { ChatMessage } from '../../protocol';
import { tokenClaims, type Invite } from '../shared/invite-link';

export interface SavedSession {
  roomId: string;
  token: string;
  /** From the token's claims; a different player's token for the same room starts afresh. */
  playerId: string | null;
  cursor: number;
  messages: ChatMessage[];
}

const sessionKey = (roomId: string) => `po:play:${roomId}`;
const TAB_ROOM = 'po:current-room';
const LAST_ROOM = 'po:last-room';

function read<T>(storage: Storage, key: string): T | null {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

function write(storage: Storage, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // Full or disabled storage: the game still works, a reload just fetches more.
  }
}

export function loadSession(roomId: string): SavedSession | null {
  const saved = read<SavedSession>(localStorage, sessionKey(roomId));
  if (!saved || typeof saved.token !== 'string') return null;
  return {
    roomId,
    token: saved.token,
    playerId: saved.playerId ?? null,
    cursor: Number.isSafeInteger(saved.cursor) ? saved.cursor : 0,
    messages: Array.isArray(saved.messages) ? saved.messages : [],
  };
}

/** Stores an invite; the messages held for the room are kept only when it names the same player. */
export function saveInvite(invite: Invite): SavedSession {
  const playerId = tokenClaims(invite.token).sub ?? null;
  const previous = loadSession(invite.roomId);
  const samePlayer = previous !== null && previous.playerId === playerId;
  const session: SavedSession = {
    roomId: invite.roomId,
    token: invite.token,
    playerId,
    cursor: samePlayer ? previous.cursor : 0,
    messages: samePlayer ? previous.messages : [],
  };
  write(localStorage, sessionKey(invite.roomId), session);
  return session;
}

export function saveMessages(roomId: string, cursor: number, messages: ChatMessage[]): void {
  const saved = loadSession(roomId);
  if (!saved) return;
  write(localStorage, sessionKey(roomId), { ...saved, cursor, messages });
}

export function forgetSession(roomId: string): void {
  localStorage.removeItem(sessionKey(roomId));
}

export function rememberCurrentRoom(roomId: string): void {
  write(sessionStorage, TAB_ROOM, roomId);
  write(localStorage, LAST_ROOM, roomId);
}

/** The room this tab shows: the tab's own, else the last one opened in this browser. */
export function currentRoom(): string | null {
  return read<string>(sessionStorage, TAB_ROOM) ?? read<string>(localStorage, LAST_ROOM);
}

/** Every room this browser holds an invite for. */
export function savedRooms(): string[] {
  const rooms: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key?.startsWith('po:play:')) rooms.push(key.slice('po:play:'.length));
  }
  return rooms.sort();
}

/** The lobby secret lives in this tab's sessionStorage only: never in a URL, never in localStorage. */
const KEY = 'po:lobby-secret';

export function loadLobbySecret(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveLobbySecret(secret: string): void {
  try {
    if (secret) sessionStorage.setItem(KEY, secret);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled: the host types it again after a reload.
  }
}

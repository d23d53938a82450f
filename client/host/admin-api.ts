/**
 * The room's admin endpoints with the host's admin token: `GET …/status` and `POST …/admin`
 * (docs/protocol.md). Failures come back explained, with the room's code.
 */
import type { ErrorBody, RoomStatusBody } from '../../protocol';
import { explainError } from '../shared/error-words';

export interface AdminFailure {
  status: number;
  code: string;
  sentence: string;
  detail: string | null;
}

export type AdminAnswer<T> = { ok: true; data: T } | { ok: false; failure: AdminFailure };

export type AdminEvent =
  | { type: 'admin.advance' }
  | { type: 'admin.eliminate'; playerId: string }
  | { type: 'admin.credit'; playerId: string; amount: number }
  | { type: 'admin.hostMessage'; text: string }
  | { type: 'admin.endGame' };

const roomUrl = (roomId: string, action: string) => `/parties/game-server/${encodeURIComponent(roomId)}/${action}`;

async function call<T>(token: string, url: string, init: RequestInit = {}): Promise<AdminAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } });
  } catch {
    return { ok: false, failure: { status: 0, code: 'NETWORK', sentence: 'The server could not be reached.', detail: null } };
  }
  const body = (await response.json().catch(() => null)) as (Partial<ErrorBody> & T) | null;
  if (response.ok && body) return { ok: true, data: body };
  const code = body?.error?.code ?? `HTTP_${response.status}`;
  const explained =
    response.status === 401 || response.status === 403
      ? {
          sentence: 'This host link was not accepted: it expired or belongs to another game. Use the host link of this game.',
          detail: body?.error?.message ?? null,
        }
      : explainError(code, body?.error?.message);
  return { ok: false, failure: { status: response.status, code, ...explained } };
}

export function fetchStatus(roomId: string, token: string): Promise<AdminAnswer<RoomStatusBody>> {
  return call<RoomStatusBody>(token, roomUrl(roomId, 'status'));
}

export function sendAdminEvent(
  roomId: string,
  token: string,
  event: AdminEvent,
): Promise<AdminAnswer<{ accepted: true; seq: number; value: unknown }>> {
  return call(token, roomUrl(roomId, 'admin'), { method: 'POST', body: JSON.stringify(event) });
}

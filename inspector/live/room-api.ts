/** The room's admin HTTP endpoints, with the credential in the Authorization header. */

export interface Answer {
  status: number;
  body: any;
}

async function call(roomId: string, token: string, action: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`/parties/game-server/${encodeURIComponent(roomId)}/${action}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed };
}

export const sendAdminEvent = (roomId: string, token: string, event: unknown) => call(roomId, token, 'admin', event);

/**
 * The room's recorded input history (`GET …/history`, admins only), as the room's own text, to save
 * as a file for replaying on a draft. Not parsed here: the file keeps exactly what the room sent.
 */
export async function fetchHistory(roomId: string, token: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    const response = await fetch(`/parties/game-server/${encodeURIComponent(roomId)}/history`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    if (response.ok) return { ok: true, text };
    let reason = text.slice(0, 300);
    try {
      const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
      if (body.error?.code) reason = `${body.error.code}: ${body.error.message ?? ''}`;
    } catch {
      // not JSON: show the text
    }
    return { ok: false, message: `The room answered ${response.status}: ${reason}` };
  } catch (error) {
    return { ok: false, message: `The history could not be fetched: ${(error as Error).message}` };
  }
}

export const fireTimer = (roomId: string, token: string, taskId: string) => call(roomId, token, 'timers/fire', { taskId });

/**
 * Whether the Worker has developer tools on, without firing anything: an empty fire request is
 * refused with DEV_TOOLS_DISABLED before its body is read when they are off, and as a bad request
 * when they are on.
 */
export async function devToolsEnabled(roomId: string, token: string): Promise<boolean | null> {
  try {
    const answer = await call(roomId, token, 'timers/fire', {});
    if (answer.body?.error?.code === 'DEV_TOOLS_DISABLED') return false;
    return answer.status === 400 ? true : null;
  } catch {
    return null;
  }
}

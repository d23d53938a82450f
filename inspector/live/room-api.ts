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

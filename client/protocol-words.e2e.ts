/**
 * The client restates the room's close codes (it may not import worker/) and words every error
 * code a player can meet. This keeps both in step with the room and the machine.
 */
import { describe, expect, it } from 'vitest';
import { REFUSALS } from '../machines/pecking-order/v1/refusals';
import { CLOSE_CODES as ROOM_CLOSE_CODES, FRAME_ERRORS } from '../worker/socket-protocol';
import { explainError } from './shared/error-words';
import { CLOSE_CODES, isRefusal } from './shared/protocol';

describe('the client’s protocol words', () => {
  it('knows every close code the room refuses a connection with, with the same meaning', () => {
    const fromRoom = Object.fromEntries(Object.entries(ROOM_CLOSE_CODES).map(([reason, { code, meaning }]) => [code, { reason, meaning }]));
    expect(CLOSE_CODES).toEqual(fromRoom);
    for (const code of Object.keys(fromRoom)) expect(isRefusal(Number(code))).toBe(true);
    expect(isRefusal(1006)).toBe(false);
  });

  it('explains in words every error a player can meet on the socket', () => {
    const socketReachable = ['GAME_OVER', 'RESTORE_FAILED', 'PERSIST_FAILED', 'MACHINE_ERROR', 'INTERNAL_ERROR', 'RATE_LIMITED'];
    for (const code of [...Object.keys(REFUSALS), ...Object.keys(FRAME_ERRORS), ...socketReachable]) {
      expect(explainError(code, '').sentence, code).not.toMatch(/^Refused \(/);
    }
    expect(explainError('DMS_CLOSED', 'DMs open on day 1.')).toEqual({
      sentence: REFUSALS.DMS_CLOSED,
      detail: 'DMs open on day 1.',
    });
    expect(explainError('SOMETHING_NEW', 'The server says why.')).toEqual({ sentence: 'The server says why.', detail: null });
  });
});

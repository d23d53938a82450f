/**
 * The client words every close code and every error code a player can meet. This keeps those
 * words in step with the protocol (protocol/) and the machine's refusals.
 */
import { describe, expect, it } from 'vitest';
import { REFUSALS } from '../machines/pecking-order/v1/refusals';
import { CLOSE_CODES, FRAME_ERRORS } from '../protocol';
import { explainError } from './shared/error-words';
import { isRefusal } from './shared/protocol';

describe('the client’s protocol words', () => {
  it('takes every close code the room refuses a connection with as a refusal, and nothing else', () => {
    for (const { code } of Object.values(CLOSE_CODES)) expect(isRefusal(code), String(code)).toBe(true);
    for (const code of [1000, 1001, 1006, 1011, 4000]) expect(isRefusal(code), String(code)).toBe(false);
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

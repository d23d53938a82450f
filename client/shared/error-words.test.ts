import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../protocol';
import { explainRefusedLink } from './error-words';

describe('explainRefusedLink', () => {
  it('tells a player with a bad or stale link to ask the host for a new one, without token internals', () => {
    const advice = explainRefusedLink(CLOSE_CODES.TOKEN_INVALID.code);
    expect(advice).toContain('Ask the host for a new link.');
    expect(advice).not.toMatch(/signature|token|malformed/i);
  });

  it('says what to do for every close code the room refuses with, and for an unknown one', () => {
    for (const { code } of Object.values(CLOSE_CODES)) expect(explainRefusedLink(code), String(code)).toMatch(/host|newest/);
    expect(explainRefusedLink(null)).toContain('ask the host for a new link');
    expect(explainRefusedLink(1006)).toContain('ask the host for a new link');
  });
});

import { describe, expect, it } from 'vitest';
import { WHISPER_LIMIT, checkWhisper } from './rule';

describe('checkWhisper', () => {
  const ok = { alive: ['p1', 'p2', 'p3'], players: ['p1', 'p2', 'p3', 'p4'], from: 'p1', to: 'p2', text: 'meet me', sent: 0 };
  it('lets an alive player whisper to another', () => expect(checkWhisper(ok)).toBeNull());
  it.each([
    [{ from: 'p4' }, 'NOT_ALIVE'],
    [{ to: 'nobody' }, 'INVALID_TARGET'],
    [{ to: 'p1' }, 'INVALID_TARGET'],
    [{ to: 'p4' }, 'INVALID_TARGET'],
    [{ text: '   ' }, 'EMPTY_MESSAGE'],
    [{ text: 'y'.repeat(281) }, 'CHAR_LIMIT'],
    [{ sent: WHISPER_LIMIT }, 'WHISPER_LIMIT'],
  ])('refuses %o with %s', (change, code) => expect(checkWhisper({ ...ok, ...change })?.code).toBe(code));
});

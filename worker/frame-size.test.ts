/** A frame's size in UTF-8 (player-sockets.ts `overUtf8Limit`), told mostly from its length, as the encoder counts it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES } from '../protocol';
import { overUtf8Limit } from './player-sockets';

const bytes = (text: string) => new TextEncoder().encode(text).byteLength;

describe('overUtf8Limit', () => {
  it('agrees with the encoder for any text and limit, multi-byte characters and lone surrogates included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          // One to four bytes a character (and a lone surrogate, which the encoder writes as three).
          fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', '\uD800'), maxLength: 300 }),
        ),
        fc.integer({ min: 0, max: 900 }),
        (text, limit) => {
          expect(overUtf8Limit(text, limit)).toBe(bytes(text) > limit);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('refuses a frame under the limit in characters but over it in bytes', () => {
    const euros = '€'.repeat(Math.ceil(MAX_FRAME_BYTES / 3) + 1);
    expect(euros.length).toBeLessThan(MAX_FRAME_BYTES);
    expect(overUtf8Limit(euros, MAX_FRAME_BYTES)).toBe(true);
    expect(overUtf8Limit('€'.repeat(Math.floor(MAX_FRAME_BYTES / 3)), MAX_FRAME_BYTES)).toBe(false);
  });
});

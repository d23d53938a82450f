import { describe, expect, it } from 'vitest';
import { unsendable } from './message-limit';

describe('unsendable', () => {
  it('refuses a message over the limit, as the room would', () => {
    expect(unsendable('x'.repeat(300), 280)).toBe('TOO_LONG');
    // Code points, as the room counts them: 280 emoji fit in 280.
    expect(unsendable('🐔'.repeat(280), 280)).toBeNull();
    expect(unsendable('🐔'.repeat(281), 280)).toBe('TOO_LONG');
  });

  it('refuses a blank message and lets one at the limit go', () => {
    expect(unsendable('   \n', 280)).toBe('BLANK');
    expect(unsendable('x'.repeat(280), 280)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { CONFESSION_LIMIT, HANDLE_COUNT, checkConfession, handleFor } from './rule';

describe('confession handles', () => {
  it('are the same for a tag all day and change with the day', () => {
    expect(handleFor('tag-a', 1, [])).toBe(handleFor('tag-a', 1, []));
    expect(handleFor('tag-a', 1, [])).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    const days = new Set([1, 2, 3, 4, 5, 6, 7].map((d) => handleFor('tag-a', d, [])));
    expect(days.size).toBeGreaterThan(1);
  });

  it('differ between tags, and skip a handle taken by someone else today', () => {
    const a = handleFor('tag-a', 1, []);
    expect(handleFor('tag-a', 1, [a])).not.toBe(a);
    // Twenty players on one day: twenty distinct handles.
    const taken: string[] = [];
    for (let i = 0; i < 20; i++) taken.push(handleFor(`tag-${i}`, 3, taken));
    expect(new Set(taken).size).toBe(20);
  });

  it('never come out the same for everyone taken', () => {
    const all = new Set<string>();
    for (let i = 0; all.size < HANDLE_COUNT && i < 100_000; i++) all.add(handleFor(`t${i}`, 1, []));
    expect(all.size).toBe(HANDLE_COUNT);
    expect(handleFor('x', 1, all)).toMatch(/ \d+$/);
  });
});

describe('checkConfession', () => {
  const ok = { alive: true, tag: 'tag', text: 'I lied on day one.', posted: 0 };
  it('lets an alive player post a short confession', () => expect(checkConfession(ok)).toBeNull());
  it.each([
    [{ alive: false }, 'NOT_ALIVE'],
    [{ tag: null }, 'NO_HANDLE'],
    [{ text: '  \u200b ' }, 'EMPTY_MESSAGE'],
    [{ text: 'x'.repeat(281) }, 'CHAR_LIMIT'],
    [{ posted: CONFESSION_LIMIT }, 'CONFESSION_LIMIT'],
  ])('refuses %o with %s', (change, code) => expect(checkConfession({ ...ok, ...change })?.code).toBe(code));
});

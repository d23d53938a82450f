import fc from 'fast-check';
import { applyPatch } from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { viewPatch } from './view-patch';

/** View-like values: nested fields and lists, with what JSON drops (undefined fields and items). */
const part = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.constantFrom(null, undefined, true, false, 0, 1, '', 'a', 'b/c', 'd~e'), fc.integer({ min: -5, max: 5 })),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('list'), tie('fields')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  fields: fc.dictionary(fc.constantFrom('a', 'b', 'c/d', 'e~f', '0'), tie('node'), { maxKeys: 4 }),
})).node;

const view = fc.dictionary(fc.constantFrom('me', 'cast', 'history', 'vote', 'a/b', '~'), part, { maxKeys: 6 });

/** The next view: some fields kept as the very same objects, others replaced. */
const next = (before: Record<string, unknown>) =>
  fc.tuple(view, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })).map(([fresh, keep]) => {
    const after: Record<string, unknown> = {};
    Object.keys(before).forEach((key, i) => {
      if (keep[i]) after[key] = before[key];
    });
    return { ...fresh, ...after };
  });

const asClientHolds = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('viewPatch', () => {
  it('turns the view the client holds into the next one, applied with validation as the client does', () => {
    fc.assert(
      fc.property(
        view.chain((before) => fc.tuple(fc.constant(before), fc.oneof(next(before), view))),
        ([before, after]) => {
          const ops = viewPatch(before, after);
          const patched = applyPatch(asClientHolds(before), ops, true, false).newDocument;
          expect(patched).toEqual(asClientHolds(after));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('is empty when nothing written changed, and names only the fields that did', () => {
    const history = [{ day: 1, out: 'p3' }];
    expect(viewPatch({ history, me: { silver: 5 }, gone: undefined }, { history, me: { silver: 5 } })).toEqual([]);
    expect(viewPatch({ history, me: { silver: 5 } }, { history, me: { silver: 4 } })).toEqual([
      { op: 'replace', path: '/me/silver', value: 4 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { DRAFT_STORAGE_KEY, loadDraft, readDraftText, saveDraft, type DraftStorage } from './draft-file';

const memory = (): DraftStorage & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
};

/** What Stately Studio's "Export as JSON" gives: a createMachine config, no wrapper. */
const studio = JSON.stringify({
  id: 'toggle',
  initial: 'off',
  states: { off: { on: { flip: { target: 'on' } } }, on: { on: { flip: 'off' } } },
});

describe('draft files', () => {
  it('reads a Studio chart (no base) and its own draft file (with its base)', () => {
    expect(readDraftText(studio)).toMatchObject({ ok: true, base: null, chart: { id: 'toggle', initial: 'off' } });
    const own = JSON.stringify({ format: 'pecking-order/chart-draft@1', base: 'pecking-order@1', chart: JSON.parse(studio) });
    expect(readDraftText(own)).toMatchObject({ ok: true, base: 'pecking-order@1', chart: { id: 'toggle' } });
  });

  it.each([
    ['{ not json', 'DRAFT_NOT_JSON'],
    ['[1, 2]', 'DRAFT_NOT_A_CHART'],
    ['{"name": "a package.json"}', 'DRAFT_NOT_A_CHART'],
    ['{"initial": "a", "states": {"a": 3}}', 'DRAFT_NOT_A_CHART'],
    ['{"format": "pecking-order/input-history@1"}', 'DRAFT_UNKNOWN_FORMAT'],
    ['{"format": "pecking-order/chart-draft@1", "chart": {"states": {}}}', 'DRAFT_NO_BASE'],
  ])('refuses %s with %s and a sentence', (text, code) => {
    const read = readDraftText(text, 'bad.json');
    expect(read).toMatchObject({ ok: false, error: { code } });
    expect(!read.ok && read.error.message).toMatch(/^bad\.json|^The file/);
  });
});

describe('the stored draft', () => {
  it('survives a save and a load under its versioned key', () => {
    const storage = memory();
    expect(loadDraft(storage)).toEqual({ kind: 'none' });
    expect(saveDraft(storage, 'pecking-order@1', JSON.parse(studio))).toBe(true);
    expect([...storage.map.keys()]).toEqual([DRAFT_STORAGE_KEY]);
    expect(loadDraft(storage)).toMatchObject({ kind: 'draft', base: 'pecking-order@1', chart: { id: 'toggle' } });
  });

  it('reports corrupt storage instead of throwing, and a refusing browser as false', () => {
    const storage = memory();
    storage.map.set(DRAFT_STORAGE_KEY, '{"format": "pecking-order/chart-draft@1", "base": "x@1", "chart": 7');
    expect(loadDraft(storage)).toMatchObject({ kind: 'corrupt', error: { code: 'DRAFT_NOT_JSON' } });
    storage.map.set(DRAFT_STORAGE_KEY, studio); // a bare chart: no base to open it on
    expect(loadDraft(storage)).toMatchObject({ kind: 'corrupt', error: { code: 'DRAFT_NO_BASE' } });
    const full: DraftStorage = {
      ...storage,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(saveDraft(full, 'x@1', {})).toBe(false);
    const disabled: DraftStorage = {
      ...storage,
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadDraft(disabled)).toEqual({ kind: 'none' });
  });
});

/**
 * A draft as a file and in the browser's storage. The file is either this editor's own
 * (`pecking-order/chart-draft@1`: the version it came from and the chart) or a bare chart: the
 * createMachine config JSON that Stately Studio exports and imports. Reading never throws: a file
 * or a stored value that is not a draft becomes a {@link DraftFileError} with a stable code and a
 * sentence saying what to do.
 */
import type { ChartNode } from '../../machines/chart/chart';

export const DRAFT_FORMAT = 'pecking-order/chart-draft@1';

/** Versioned: a later editor that stores drafts differently uses a new key and leaves this one be. */
export const DRAFT_STORAGE_KEY = 'pecking-order:designer-draft@1';

export interface DraftFile {
  format: typeof DRAFT_FORMAT;
  /** The registered version the draft was opened from, `name@version`. */
  base: string;
  chart: ChartNode;
}

export interface DraftFileError {
  code: 'DRAFT_NOT_JSON' | 'DRAFT_NOT_A_CHART' | 'DRAFT_UNKNOWN_FORMAT' | 'DRAFT_NO_BASE';
  message: string;
}

export type ReadDraft = { ok: true; base: string | null; chart: ChartNode } | { ok: false; error: DraftFileError };

const fail = (code: DraftFileError['code'], message: string): ReadDraft => ({ ok: false, error: { code, message } });

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The config fields that make an object a chart rather than some other JSON. */
const CHART_FIELDS = ['states', 'initial', 'on', 'after', 'always', 'type', 'entry', 'invoke'];

/** Why `value` is not a chart, or null when it looks like one (checkChart judges the rest). */
function notAChart(value: unknown, where: string): string | null {
  if (!isObject(value)) return `${where} is not a JSON object: a chart is a createMachine config ({ "id", "initial", "states", … }).`;
  if (!CHART_FIELDS.some((f) => f in value))
    return `${where} has none of ${CHART_FIELDS.map((f) => `"${f}"`).join(', ')}: it is not a createMachine config.`;
  if ('states' in value && !isObject(value.states)) return `${where}'s "states" is not an object of states by key.`;
  for (const [key, child] of Object.entries(isObject(value.states) ? value.states : {})) {
    if (!isObject(child)) return `${where}'s state "${key}" is not an object.`;
    const inner = child.states === undefined ? null : notAChart(child, `${where}.${key}`);
    if (inner) return inner;
  }
  return null;
}

/** Reads a file's text: this editor's draft file, or a Studio/createMachine chart. */
export function readDraftText(text: string, name = 'The file'): ReadDraft {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(
      'DRAFT_NOT_JSON',
      `${name} is not JSON (${(error as Error).message}): export a chart from Stately Studio as JSON, or a draft from this editor.`,
    );
  }
  if (isObject(value) && 'format' in value) {
    if (value.format !== DRAFT_FORMAT)
      return fail(
        'DRAFT_UNKNOWN_FORMAT',
        `${name} is a "${String(value.format)}" file; this editor reads "${DRAFT_FORMAT}" drafts and bare chart JSON.`,
      );
    if (typeof value.base !== 'string')
      return fail('DRAFT_NO_BASE', `${name} does not say which version it was drafted from ("base": "name@version").`);
    const problem = notAChart(value.chart, `${name}'s "chart"`);
    if (problem) return fail('DRAFT_NOT_A_CHART', problem);
    return { ok: true, base: value.base, chart: value.chart as ChartNode };
  }
  const problem = notAChart(value, name);
  if (problem) return fail('DRAFT_NOT_A_CHART', problem);
  return { ok: true, base: null, chart: value as ChartNode };
}

export const draftFileOf = (base: string, chart: ChartNode): DraftFile => ({ format: DRAFT_FORMAT, base, chart });

/** The part of `Storage` a draft needs (tests pass a Map-backed one). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type StoredDraft = { kind: 'none' } | { kind: 'draft'; base: string; chart: ChartNode } | { kind: 'corrupt'; error: DraftFileError };

/** The draft kept in `storage`; a value that is not one is reported, never thrown. */
export function loadDraft(storage: DraftStorage): StoredDraft {
  let text: string | null;
  try {
    text = storage.getItem(DRAFT_STORAGE_KEY);
  } catch {
    return { kind: 'none' }; // storage disabled: the editor works, the draft just does not persist
  }
  if (text === null) return { kind: 'none' };
  const read = readDraftText(text, 'The saved draft');
  if (!read.ok) return { kind: 'corrupt', error: read.error };
  if (read.base === null)
    return {
      kind: 'corrupt',
      error: { code: 'DRAFT_NO_BASE', message: 'The saved draft does not say which version it was drafted from.' },
    };
  return { kind: 'draft', base: read.base, chart: read.chart };
}

/** Keeps the draft; false when the browser refuses (full or disabled storage), so the editor can say so. */
export function saveDraft(storage: DraftStorage, base: string, chart: ChartNode): boolean {
  try {
    storage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(draftFileOf(base, chart)));
    return true;
  } catch {
    return false;
  }
}

export function discardDraft(storage: DraftStorage): void {
  try {
    storage.removeItem(DRAFT_STORAGE_KEY);
  } catch {
    // nothing kept, nothing to remove
  }
}

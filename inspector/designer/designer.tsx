/**
 * The designer: open a registered version's chart as a draft, change it on the drawing and in the
 * side panel, see what it changes and whether it still fits the version's implementations, then
 * simulate it, replay recorded games on it, and export it. The draft is kept in this browser's
 * storage after every change, so a reload finds it.
 */
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { catalog } from '../../machines/catalog';
import { refOf, type MachineVersion } from '../../machines/machine-version';
import { baseChartOf, checkChart, diffCharts, namesOf, type ChartNode } from './chart-source';
import { DraftEditor } from './draft-editor';
import { discardDraft, draftFileOf, loadDraft, readDraftText, saveDraft } from './draft-file';
import { draftHistory, startHistory, type DraftHistory, type HistoryAction } from './draft-history';
import { downloadJson } from './download';
import { ReplayView } from './replay-view';
import { SimulateView } from './simulate-view';
import { exportBundle } from './bundle-export';
import { VersionPicker } from '../workbench/version-picker';

type Tab = 'edit' | 'simulate' | 'replay';

interface Opened {
  base: MachineVersion;
  history: DraftHistory;
}

type Action = HistoryAction | { type: 'open'; base: MachineVersion; chart: ChartNode };

function reducer(state: Opened, action: Action): Opened {
  if (action.type === 'open') return { base: action.base, history: startHistory(action.chart) };
  return { ...state, history: draftHistory(state.history, action) };
}

const versions = catalog.list();

/** The stored draft when there is a good one; otherwise the first version's chart, and why. */
function initial(): { opened: Opened; problem: string | null } {
  const stored = typeof localStorage === 'undefined' ? ({ kind: 'none' } as const) : loadDraft(localStorage);
  const fresh = (): Opened => ({ base: versions[0]!, history: startHistory(baseChartOf(versions[0]!)) });
  if (stored.kind === 'corrupt') {
    return {
      opened: fresh(),
      problem: `${stored.error.code}: ${stored.error.message} It was set aside; you start from ${refOf(versions[0]!)}.`,
    };
  }
  if (stored.kind === 'draft') {
    const base = catalog.get(stored.base);
    if (!base)
      return {
        opened: fresh(),
        problem: `DRAFT_UNKNOWN_BASE: the saved draft was made from ${stored.base}, which this build does not have.`,
      };
    return { opened: { base, history: startHistory(stored.chart) }, problem: null };
  }
  return { opened: fresh(), problem: null };
}

export function Designer() {
  const start = useMemo(initial, []);
  const [{ base, history }, dispatch] = useReducer(reducer, start.opened);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(
    start.problem ? { kind: 'error', text: start.problem } : null,
  );
  const [tab, setTab] = useState<Tab>('edit');
  const [pick, setPick] = useState<string>(refOf(base));
  const fileInput = useRef<HTMLInputElement>(null);
  const draft = history.present;
  const ref = refOf(base);

  const baseChart = useMemo(() => baseChartOf(base), [base]);
  const names = useMemo(() => namesOf(base), [base]);
  const issues = useMemo(() => checkChart(draft, names), [draft, names]);
  const diff = useMemo(() => diffCharts(baseChart, draft), [baseChart, draft]);

  // Keep the draft after every change. A corrupt stored value is overwritten only once there is
  // something to keep: opening the page must not destroy what the designer may still want to rescue.
  const first = useRef(true);
  useEffect(() => {
    if (first.current && start.problem) {
      first.current = false;
      return;
    }
    first.current = false;
    if (!saveDraft(localStorage, ref, draft))
      setNotice({
        kind: 'error',
        text: 'DRAFT_NOT_SAVED: the browser refused to store the draft (storage full or disabled): export it to keep it.',
      });
  }, [draft, ref, start.problem]);

  /** Opening or discarding starts over, which undo cannot take back: ask first when there is work to lose. */
  const mayLose = () =>
    diff.same ||
    window.confirm(
      `Replace the draft of ${ref} and its ${diff.states.length + diff.transitions.length} change(s)? Export it first to keep it.`,
    );

  const open = (next: string) => {
    const version = catalog.get(next);
    if (!version || !mayLose()) return;
    dispatch({ type: 'open', base: version, chart: baseChartOf(version) });
    setNotice({ kind: 'info', text: `Opened ${next} as a new draft.` });
  };

  const importFile = async (file: File) => {
    const read = readDraftText(await file.text(), file.name);
    if (!read.ok) {
      setNotice({ kind: 'error', text: `${read.error.code}: ${read.error.message}` });
      return;
    }
    const from = read.base ? catalog.get(read.base) : base;
    if (!from) {
      setNotice({ kind: 'error', text: `DRAFT_UNKNOWN_BASE: ${file.name} was drafted from ${read.base}, which this build does not have.` });
      return;
    }
    if (from !== base) dispatch({ type: 'open', base: from, chart: read.chart });
    else dispatch({ type: 'replace', chart: read.chart });
    const found = checkChart(read.chart, namesOf(from));
    setNotice({
      kind: found.length ? 'error' : 'info',
      text: `Imported ${file.name} as the draft of ${refOf(from)}${found.length ? `: ${found.length} problem(s) to fix, listed beside the chart.` : '.'}`,
    });
  };

  const onKey = (e: React.KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select')) return;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      dispatch({ type: e.shiftKey ? 'redo' : 'undo' });
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the designer's undo/redo shortcuts listen on its whole area, not on one control
    <div className="designer" onKeyDown={onKey} tabIndex={-1}>
      <div className="toolbar">
        <VersionPicker label="version" ariaLabel="Base version" versions={versions} value={pick} onChange={setPick} />
        <button
          type="button"
          onClick={() => open(pick)}
          data-action="open-draft"
          title="Start a new draft from this version's chart (the current draft is replaced)"
        >
          Open as draft
        </button>
        <span className="muted small" data-draft-base={ref}>
          draft of <b className="mono">{ref}</b>
        </span>
        <button type="button" onClick={() => dispatch({ type: 'undo' })} disabled={history.past.length === 0} data-action="undo">
          Undo
        </button>
        <button type="button" onClick={() => dispatch({ type: 'redo' })} disabled={history.future.length === 0} data-action="redo">
          Redo
        </button>
        <button
          type="button"
          onClick={() => downloadJson(`${base.name}@${base.version}-draft.json`, draftFileOf(ref, draft))}
          data-action="export-draft"
        >
          Export draft
        </button>
        <button
          type="button"
          onClick={() => downloadJson(`${base.name}@${base.version}-chart.json`, draft)}
          data-action="export-chart"
          title="The chart alone: a createMachine config, as Stately Studio imports it"
        >
          Export chart (Studio)
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} data-action="import-draft">
          Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Import a draft or chart file"
          data-import-input
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <button
          type="button"
          data-action="export-bundle"
          disabled={issues.length > 0}
          title={
            issues.length
              ? 'Fix the problems listed beside the chart first'
              : 'A new-version bundle: what a developer needs to register this draft as a version'
          }
          onClick={() => {
            const result = exportBundle(base, draft);
            if (!result.ok) setNotice({ kind: 'error', text: result.message });
          }}
        >
          Export version bundle
        </button>
        <button
          type="button"
          onClick={() => {
            if (!mayLose()) return;
            discardDraft(localStorage);
            dispatch({ type: 'open', base, chart: baseChart });
            setNotice({ kind: 'info', text: `Draft discarded: back to ${ref} as registered.` });
          }}
        >
          Discard draft
        </button>
      </div>
      {notice && (
        <p
          className={`banner ${notice.kind === 'error' ? 'error' : ''}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-notice={notice.kind}
        >
          {notice.text}{' '}
          <button type="button" onClick={() => setNotice(null)} aria-label="Dismiss">
            ×
          </button>
        </p>
      )}
      {history.refusal && (
        <p className="banner error" role="alert" data-edit-refused={history.refusal.code}>
          Not changed: {history.refusal.code}: {history.refusal.message}
        </p>
      )}
      <nav className="tabs" aria-label="Designer views">
        {(['edit', 'simulate', 'replay'] as Tab[]).map((t) => (
          <button key={t} type="button" className={tab === t ? 'on' : ''} onClick={() => setTab(t)} data-designer-tab={t}>
            {t === 'edit'
              ? `Edit${diff.same ? '' : ` (${diff.states.length + diff.transitions.length} changes)`}`
              : t === 'simulate'
                ? 'Simulate'
                : 'Replay'}
          </button>
        ))}
        {issues.length > 0 && (
          <span className="badge badge-issue" data-issue-count={issues.length}>
            {issues.length} problem{issues.length === 1 ? '' : 's'}
          </span>
        )}
      </nav>
      {tab === 'edit' && (
        <DraftEditor
          base={base}
          draft={draft}
          names={names}
          issues={issues}
          diff={diff}
          dispatch={(edit) => dispatch({ type: 'edit', edit })}
        />
      )}
      {tab === 'simulate' && <SimulateView base={base} draft={draft} issues={issues} />}
      {tab === 'replay' && <ReplayView base={base} draft={draft} issues={issues} />}
    </div>
  );
}

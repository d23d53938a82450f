/**
 * The editing view: the draft drawn live (coloured by its diff, problems outlined), and beside it
 * what is selected (a state or a transition, picked on the drawing or in the lists), the problems
 * checkChart finds, and the diff against the version the draft came from.
 */
import { useMemo, useState } from 'react';
import type { MachineVersion } from '../../machines/machine-version';
import { ChartView, type ChartSelection } from '../chart/chart-view';
import { chartMarks, drawnChart, transitionOfEdge } from './chart-marks';
import { describeDraft, type ChartDiff, type ChartImplementationNames, type ChartIssue, type ChartNode } from './chart-source';
import { DiffList } from './diff-list';
import { keysText, stateAt, type DraftEdit, type StateKeys, type TransitionRef } from './draft-edits';
import { IssuesList } from './issues-list';
import { StatePanel } from './state-panel';
import { TransitionPanel } from './transition-panel';

export type Selection = { kind: 'state'; keys: StateKeys } | { kind: 'transition'; ref: TransitionRef };

export interface DraftEditorProps {
  base: MachineVersion;
  draft: ChartNode;
  names: ChartImplementationNames;
  issues: readonly ChartIssue[];
  diff: ChartDiff;
  dispatch(edit: DraftEdit): void;
}

const NO_ACTIVE: ReadonlySet<string> = new Set();

export function DraftEditor({ base, draft, names, issues, diff, dispatch }: DraftEditorProps) {
  const [selection, setSelection] = useState<Selection>({ kind: 'state', keys: [] });
  const events = useMemo(() => [...Object.keys(base.adminEvents), ...Object.keys(base.playerEvents)], [base]);
  const described = useMemo(() => describeDraft(base, draft), [base, draft]);
  // While the draft cannot be drawn (a target XState cannot resolve), the last drawing stays.
  const [lastGood, setLastGood] = useState<typeof described | null>(null);
  if ('definition' in described && lastGood !== described) setLastGood(described);
  const shown = 'definition' in described ? described : lastGood && 'definition' in lastGood ? lastGood : null;
  const drawn = useMemo(() => (shown ? drawnChart(shown.definition.root) : null), [shown]);
  const marks = useMemo(() => (drawn ? chartMarks(drawn, diff, issues) : null), [drawn, diff, issues]);

  // A selection an edit removed (a deleted state) falls back to the root.
  const current: Selection = selection.kind === 'state' && !stateAt(draft, selection.keys) ? { kind: 'state', keys: [] } : selection;
  const selectedId =
    current.kind === 'state' && drawn
      ? ([...drawn.keysOf].find(([, keys]) => keysText(keys) === keysText(current.keys))?.[0] ?? null)
      : null;

  const onSelect = (picked: ChartSelection) => {
    if (!drawn) return;
    if (picked.kind === 'state') {
      const keys = drawn.keysOf.get(picked.id);
      if (keys) setSelection({ kind: 'state', keys });
      return;
    }
    const ref = transitionOfEdge(drawn, picked.edge);
    if (ref) setSelection({ kind: 'transition', ref });
  };

  return (
    <div className="draft-editor">
      <section className="draft-chart" aria-label="Draft chart">
        {'error' in described && (
          <p className="banner error" role="alert" data-draw-problem>
            The draft cannot be drawn as it is ({described.error}); the drawing shows it before the last change. Fix it or undo.
          </p>
        )}
        {shown && marks ? (
          <ChartView
            name="draft"
            caption={
              <>
                <b>draft</b> <span className="muted">click a state or an arrow to edit it</span>
              </>
            }
            root={shown.definition.root}
            active={NO_ACTIVE}
            initialView="whole"
            onSelect={onSelect}
            selected={selectedId}
            stateClass={marks.stateClass}
            edgeClass={marks.edgeClass}
          />
        ) : (
          <p className="muted pad">Nothing to draw yet.</p>
        )}
      </section>
      <aside className="side draft-side">
        {current.kind === 'state' ? (
          <StatePanel
            key={keysText(current.keys)}
            chart={draft}
            keys={current.keys}
            names={names}
            events={events}
            dispatch={dispatch}
            select={setSelection}
          />
        ) : (
          <TransitionPanel
            key={JSON.stringify(current.ref)}
            chart={draft}
            selection={current.ref}
            names={names}
            events={events}
            dispatch={dispatch}
            select={setSelection}
          />
        )}
        <IssuesList issues={issues} select={(keys) => setSelection({ kind: 'state', keys })} />
        <DiffList diff={diff} select={setSelection} />
      </aside>
    </div>
  );
}

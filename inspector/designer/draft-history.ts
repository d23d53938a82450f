/**
 * Undo and redo over a draft's charts: every accepted edit pushes the chart it replaced. Pure, so
 * the editor keeps it in a React reducer and the tests drive it without a browser. A refused edit
 * changes nothing but `refusal`, which the editor shows.
 */
import type { ChartNode } from '../../machines/chart/chart';
import { applyEdit, type DraftEdit, type EditRefusal } from './draft-edits';

/** More than any designer undoes in one sitting; bounds what a draft keeps in memory and storage. */
export const UNDO_LIMIT = 200;

export interface DraftHistory {
  past: ChartNode[];
  present: ChartNode;
  future: ChartNode[];
  refusal: EditRefusal | null;
}

export type HistoryAction =
  | { type: 'edit'; edit: DraftEdit }
  /** A whole chart from elsewhere (an imported file): undoable like an edit. */
  | { type: 'replace'; chart: ChartNode }
  | { type: 'undo' }
  | { type: 'redo' };

export const startHistory = (chart: ChartNode): DraftHistory => ({ past: [], present: chart, future: [], refusal: null });

export function draftHistory(state: DraftHistory, action: HistoryAction): DraftHistory {
  switch (action.type) {
    case 'edit': {
      const result = applyEdit(state.present, action.edit);
      if (!result.ok) return { ...state, refusal: result.refusal };
      if (result.chart === state.present) return { ...state, refusal: null };
      return { past: [...state.past, state.present].slice(-UNDO_LIMIT), present: result.chart, future: [], refusal: null };
    }
    case 'replace':
      return { past: [...state.past, state.present].slice(-UNDO_LIMIT), present: action.chart, future: [], refusal: null };
    case 'undo': {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return { past: state.past.slice(0, -1), present: previous, future: [state.present, ...state.future], refusal: null };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return { past: [...state.past, state.present], present: next, future: rest, refusal: null };
    }
  }
}

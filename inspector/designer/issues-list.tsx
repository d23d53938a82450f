/** What checkChart finds wrong with the draft, before any simulation: each names its state, which a click selects. */
import type { ChartIssue } from './chart-source';
import { keysOfPath } from './chart-outline';

export function IssuesList({ issues, select }: { issues: readonly ChartIssue[]; select(keys: string[]): void }) {
  return (
    <section className="panel issues" aria-label="Problems">
      <header className="panel-header">
        <h2>Problems</h2>
        <span className={`badge ${issues.length ? 'badge-issue' : 'badge-live'}`}>{issues.length || 'none'}</span>
      </header>
      {issues.length === 0 ? (
        <p className="muted small">Every guard, action, delay, child and target the draft names exists in the version.</p>
      ) : (
        <ul className="issue-list">
          {issues.map((issue, i) => (
            <li key={i} data-issue-kind={issue.kind} data-issue-state={issue.statePath}>
              <button type="button" className="link" onClick={() => select(keysOfPath(issue.statePath))}>
                {issue.statePath}
              </button>{' '}
              <span className="mono small">{issue.kind}</span> {issue.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

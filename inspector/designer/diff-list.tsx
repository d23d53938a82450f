/** What the draft changes against the version it came from: states and transitions added, removed, changed. */
import type { ChartDiff } from './chart-source';
import { keysOfPath } from './chart-outline';
import type { Selection } from './draft-editor';
import type { Trigger } from './draft-edits';

const triggerOf = (trigger: string): Trigger | null => {
  if (trigger === 'always') return { kind: 'always' };
  if (trigger.startsWith('on:')) return { kind: 'on', event: trigger.slice(3) };
  if (trigger.startsWith('after:')) {
    const delay = trigger.slice(6);
    return { kind: 'after', delay: /^\d+$/.test(delay) ? Number(delay) : delay };
  }
  return null; // onDone and invoke transitions: listed, not edited here
};

const targetsText = (t?: { target?: string | string[] }) => (t ? [t.target ?? []].flat().join(', ') || '(stays)' : '');

export function DiffList({ diff, select }: { diff: ChartDiff; select(selection: Selection): void }) {
  return (
    <section className="panel diff" aria-label="Changes">
      <header className="panel-header">
        <h2>Changes against the version</h2>
        <span className="badge">{diff.same ? 'none' : diff.states.length + diff.transitions.length}</span>
      </header>
      {diff.same ? (
        <p className="muted small">The draft is the version as registered.</p>
      ) : (
        <ul className="diff-list">
          {diff.states.map((s) => (
            <li key={`s${s.path}`} className={`diff-${s.kind}`} data-diff-kind={s.kind} data-diff-state={s.path}>
              <span className="diff-tag">{s.kind}</span> state{' '}
              <button
                type="button"
                className="link"
                disabled={s.kind === 'removed'}
                onClick={() => select({ kind: 'state', keys: keysOfPath(s.path) })}
              >
                {s.path}
              </button>
              {s.fields ? <span className="muted small"> ({s.fields.join(', ')})</span> : null}
            </li>
          ))}
          {diff.transitions.map((t) => {
            const trigger = triggerOf(t.trigger);
            return (
              <li
                key={`t${t.source}${t.trigger}${t.index}`}
                className={`diff-${t.kind}`}
                data-diff-kind={t.kind}
                data-diff-transition={`${t.source} ${t.trigger}#${t.index}`}
              >
                <span className="diff-tag">{t.kind}</span> transition{' '}
                <button
                  type="button"
                  className="link"
                  disabled={t.kind === 'removed' || !trigger}
                  onClick={() => trigger && select({ kind: 'transition', ref: { state: keysOfPath(t.source), trigger, index: t.index } })}
                >
                  {t.source} {t.trigger}
                  {t.index ? ` #${t.index + 1}` : ''}
                </button>{' '}
                <span className="mono small">
                  {t.kind === 'changed'
                    ? `→ ${targetsText(t.before)} ⇒ → ${targetsText(t.after)}`
                    : `→ ${targetsText(t.after ?? t.before)}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

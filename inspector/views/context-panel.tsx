/** The context after a transition, with what changed since the actor's previous snapshot. */
import { useMemo } from 'react';
import { diffJson } from '../inspection/context-diff';
import type { Transition } from '../inspection/transitions';
import { compactJson } from './format';

const MAX_CHANGES = 80;

export function ContextPanel({ transition }: { transition: Transition | null }) {
  const changes = useMemo(() => (transition ? diffJson(transition.previousContext, transition.context) : []), [transition]);
  return (
    <section className="panel context" aria-label="Context">
      <header className="panel-header">
        <h2>Context</h2>
        {transition && (
          <span className="muted mono">
            {transition.actorPath} after {transition.event.type} (seq {transition.seq})
          </span>
        )}
      </header>
      {!transition ? (
        <p className="muted pad">No snapshot yet.</p>
      ) : (
        <div className="context-body">
          <h3>Changed</h3>
          {transition.previousContext === undefined ? (
            <p className="muted">The first snapshot of this actor: everything is new.</p>
          ) : changes.length === 0 ? (
            <p className="muted" data-diff="none">
              Nothing changed.
            </p>
          ) : (
            <ul className="diff">
              {changes.slice(0, MAX_CHANGES).map((c) => (
                <li key={`${c.kind}:${c.path}`} className={`diff-${c.kind}`} data-path={c.path}>
                  <span className="mono path">{c.path || '(all)'}</span>{' '}
                  {c.kind === 'added' && <span className="mono after">+ {compactJson(c.after)}</span>}
                  {c.kind === 'removed' && <span className="mono before">− {compactJson(c.before)}</span>}
                  {c.kind === 'changed' && (
                    <>
                      <span className="mono before">{compactJson(c.before, 40)}</span> →{' '}
                      <span className="mono after">{compactJson(c.after, 40)}</span>
                    </>
                  )}
                </li>
              ))}
              {changes.length > MAX_CHANGES && <li className="muted">and {changes.length - MAX_CHANGES} more</li>}
            </ul>
          )}
          <h3>Whole context</h3>
          <pre className="json">{JSON.stringify(transition.context, null, 2)}</pre>
        </div>
      )}
    </section>
  );
}

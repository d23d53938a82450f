/**
 * Simulates the draft exactly as the workbench simulates a registered version: the version
 * versionFromChart makes of the draft runs in the one host (workbench/simulation.ts), with the same
 * event buttons, clock, timers, log and context. A draft with problems does not run: XState would
 * treat an unknown delay as none and an unknown action as nothing, and the game would lie.
 */
import { useMemo, useState } from 'react';
import { describeMachine } from '../../machines/definition';
import type { MachineVersion } from '../../machines/machine-version';
import { sampleInit } from '../workbench/sample-inputs';
import { type Simulation, startSimulation } from '../workbench/simulation';
import { Running } from '../workbench/workbench';
import { versionFromChart, type ChartIssue, type ChartNode } from './chart-source';

export function SimulateView({ base, draft, issues }: { base: MachineVersion; draft: ChartNode; issues: readonly ChartIssue[] }) {
  const built = useMemo(() => (issues.length ? null : versionFromChart(base, draft)), [base, draft, issues]);
  const version = built && 'version' in built ? built.version : null;
  const definition = useMemo(() => (version ? describeMachine(version) : null), [version]);
  const [input, setInput] = useState(() => JSON.stringify(sampleInit(base), null, 2));
  const [simulation, setSimulation] = useState<Simulation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const problems = issues.length ? issues : built && 'issues' in built ? built.issues : [];

  if (problems.length > 0 || !version || !definition) {
    return (
      <section className="panel" data-simulate-blocked>
        <h2>The draft cannot run yet</h2>
        <ul>
          {problems.map((i, n) => (
            <li key={n}>{i.message}</li>
          ))}
        </ul>
      </section>
    );
  }

  const start = () => {
    setProblem(null);
    const started = startSimulation(version, input, { roomId: 'designer', createdAt: Date.now(), seed: 'designer' }, 'The draft');
    if ('simulation' in started) setSimulation(started.simulation);
    else setProblem(started.problem);
  };

  // A simulation of an earlier state of the draft is stale: the chart it runs is not the one shown.
  if (simulation && simulation.version !== version) setSimulation(null);

  return simulation ? (
    <div className="workbench designer-sim" data-simulating="draft">
      <div className="toolbar">
        <span className="muted small">
          Simulating the draft of {`${base.name}@${base.version}`} in the one host, as the workbench does.
        </span>
        <button type="button" onClick={() => setSimulation(null)}>
          Edit input and restart
        </button>
      </div>
      <Running key={simulation.run} simulation={simulation} version={version} definition={definition} />
    </div>
  ) : (
    <section className="panel setup" aria-label="Draft input">
      <h2>Simulate the draft from an init payload</h2>
      <p className="muted">The same payload a room takes, validated by the version's schema. Time moves only when you move it.</p>
      <textarea
        aria-label="Init payload"
        className="input-editor"
        rows={14}
        value={input}
        onChange={(e) => setInput(e.target.value)}
        spellCheck={false}
      />
      <button type="button" onClick={start} data-action="start-simulation">
        Start
      </button>
      {problem && (
        <pre className="error" data-input-problem>
          {problem}
        </pre>
      )}
    </section>
  );
}

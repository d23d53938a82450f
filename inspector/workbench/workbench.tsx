/**
 * The designer's workbench, with no server: pick a registered machine version, start it from an
 * editable init payload, and play it on a simulated clock, with the same charts, log and context
 * as live inspection.
 */
import { useMemo, useState, useSyncExternalStore } from 'react';
import { describeMachine } from '../../machines/definition';
import { refOf, type MachineVersion } from '../../machines/machine-version';
import { workbenchEntries, workbenchEntry } from '../../machines/workbench-entries';
import { activeStateIds, handledEvents } from '../inspection/active-states';
import { snapshotsAt } from '../inspection/transitions';
import { InspectionView } from '../views/inspection-view';
import { ClockPanel } from './clock-panel';
import { downloadDefinition } from './definition-export';
import { EffectsPanel } from './effects-panel';
import { EventPad } from './event-pad';
import { sampleInit } from './sample-inputs';
import { type Simulation, startSimulation } from './simulation';
import { VersionPicker } from './version-picker';

/** Every catalog version and every cartridge alone (machines/workbench-entries.ts). */
const versions = workbenchEntries;

export function Workbench() {
  const [ref, setRef] = useState(versions[0] ? refOf(versions[0]) : '');
  const version = workbenchEntry(ref);
  const definition = useMemo(() => (version ? describeMachine(version) : null), [version]);
  const [input, setInput] = useState(() => (version ? JSON.stringify(sampleInit(version), null, 2) : '{}'));
  const [seed, setSeed] = useState('workbench');
  const [simulation, setSimulation] = useState<Simulation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const chooseVersion = (next: string) => {
    setRef(next);
    setSimulation(null);
    const v = workbenchEntry(next);
    setInput(v ? JSON.stringify(sampleInit(v), null, 2) : '{}');
  };

  const start = () => {
    if (!version) return;
    setProblem(null);
    const started = startSimulation(version, input, { roomId: 'workbench', createdAt: Date.now(), seed }, 'The machine');
    if ('simulation' in started) setSimulation(started.simulation);
    else setProblem(started.problem);
  };

  return (
    <div className="workbench">
      <div className="toolbar">
        <VersionPicker label="machine" ariaLabel="Machine version" versions={versions} value={ref} onChange={chooseVersion} />
        {definition && (
          <button type="button" onClick={() => downloadDefinition(definition)} data-action="export-definition">
            Export definition (JSON)
          </button>
        )}
        {simulation && (
          <button type="button" onClick={() => setSimulation(null)}>
            Edit input and restart
          </button>
        )}
        <span className="muted small">{version?.description}</span>
      </div>
      {!simulation || !definition || !version ? (
        <section className="panel setup" aria-label="Input">
          <h2>Start from an init payload</h2>
          <p className="muted">
            The payload a lobby would send to <span className="mono">POST /init</span>: validated by the version's schema, then turned into
            the machine's input as the room does. Time starts now and moves only when you move it.
          </p>
          <textarea
            aria-label="Init payload"
            className="input-editor"
            rows={18}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            spellCheck={false}
          />
          <label className="field">
            <span>seed (the room id a real room would use)</span>
            <input value={seed} onChange={(e) => setSeed(e.target.value)} />
          </label>
          <button type="button" onClick={start} data-action="start-simulation">
            Start
          </button>
          {problem && (
            <pre className="error" data-input-problem>
              {problem}
            </pre>
          )}
        </section>
      ) : (
        <Running key={simulation.run} simulation={simulation} version={version} definition={definition} />
      )}
    </div>
  );
}

export function Running({
  simulation,
  version,
  definition,
}: {
  simulation: Simulation;
  version: MachineVersion;
  definition: ReturnType<typeof describeMachine>;
}) {
  const state = useSyncExternalStore(simulation.subscribe, simulation.getSnapshot);
  const root = snapshotsAt(state.records, null).get('root');
  const handled = useMemo(() => handledEvents(definition.root, activeStateIds(definition.root, root?.value)), [definition, root]);
  const players = useMemo(() => simulation.players().map((p) => p.playerId), [simulation]);
  const stopped = state.status !== 'active';
  return (
    <>
      {!stopped && state.error && (
        <p className="banner error" role="alert" data-sim-rejected>
          Rejected, nothing changed: {state.error}
        </p>
      )}
      {stopped && (
        <p className={`banner ${state.status === 'error' ? 'error' : ''}`} data-sim-status={state.status}>
          {state.status === 'error' ? 'Time stopped' : 'The machine is done'}
          {state.error ? `: ${state.error}` : ''}. Restart to play again.
        </p>
      )}
      <InspectionView
        definition={definition}
        records={state.records}
        machine={version.machine}
        side={
          <>
            <EventPad version={version} handled={handled} players={players} disabled={stopped} send={(event) => simulation.send(event)} />
            <ClockPanel
              now={state.now}
              timers={state.timers}
              disabled={stopped}
              advanceBy={(ms) => simulation.advanceBy(ms)}
              nextTimer={() => simulation.advanceToNextTimer()}
            />
            <EffectsPanel effects={state.effects} />
          </>
        }
      />
    </>
  );
}

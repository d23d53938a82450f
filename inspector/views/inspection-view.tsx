/**
 * What live inspection and the workbench share: the charts, the transition log and the context,
 * all at one point of the history: the present (live) or a transition picked in the log.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { AnyStateMachine } from 'xstate';
import type { MachineDefinition } from '../../machines/definition';
import type { InspectionRecord } from '../../protocol';
import { snapshotsAt, transitionsOf } from '../inspection/transitions';
import { ChartsPanel } from './charts-panel';
import { ContextPanel } from './context-panel';
import { formatTime } from './format';
import { TransitionLog } from './transition-log';

export interface InspectionViewProps {
  definition: MachineDefinition;
  records: readonly InspectionRecord[];
  machine?: AnyStateMachine;
  /** Panels beside the charts (status, timers, admin, or the workbench's controls). */
  side: ReactNode;
}

export function InspectionView({ definition, records, machine, side }: InspectionViewProps) {
  const [point, setPoint] = useState<number | null>(null);
  const transitions = useMemo(() => transitionsOf(records), [records]);
  const snapshots = useMemo(() => snapshotsAt(records, point), [records, point]);
  const selected = point === null ? null : (transitions.find((t) => t.n === point) ?? null);
  const shown = selected ?? transitions.findLast((t) => t.actorPath === 'root') ?? null;
  return (
    <div className="inspection">
      <div className={`time-travel ${point === null ? 'is-live' : 'is-past'}`} data-mode={point === null ? 'live' : 'past'}>
        {selected ? (
          <span>
            Viewing the past: after <b className="mono">{selected.event.type}</b> on <span className="mono">{selected.actorPath}</span> (seq{' '}
            {selected.seq}, {formatTime(selected.at)}). Charts and context show that moment.
          </span>
        ) : (
          <span>Live: charts and context follow every transition.</span>
        )}
        <button type="button" onClick={() => setPoint(null)} disabled={point === null}>
          Live
        </button>
      </div>
      <div className="inspection-grid">
        <ChartsPanel definition={definition} snapshots={snapshots} {...(machine ? { machine } : {})} />
        <aside className="side">{side}</aside>
        <TransitionLog transitions={transitions} selected={point} onSelect={setPoint} />
        <ContextPanel transition={shown} />
      </div>
    </div>
  );
}

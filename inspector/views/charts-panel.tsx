/** The root chart and its child charts, lit as they were at the chosen point of the history. */
import { useMemo, useState } from 'react';
import type { AnyStateMachine } from 'xstate';
import type { MachineDefinition } from '../../machines/definition';
import type { InspectedSnapshot } from '../../protocol';
import { ChartView } from '../chart/chart-view';
import { delayResolver, type DelayResolver } from '../chart/delay-ms';
import { activeStateIds } from '../inspection/active-states';
import { childChartsOf, type ChildChart } from '../inspection/child-actors';
import { liveActorsOf } from '../inspection/transitions';

export interface ChartsPanelProps {
  definition: MachineDefinition;
  snapshots: Map<string, InspectedSnapshot>;
  /** The machine itself, when this build has its version: it tells the named delays' ms. */
  machine?: AnyStateMachine;
}

export function ChartsPanel({ definition, snapshots, machine }: ChartsPanelProps) {
  const root = snapshots.get('root');
  const active = useMemo(() => activeStateIds(definition.root, root?.value), [definition, root]);
  const alive = liveActorsOf(snapshots);
  const children = childChartsOf(definition, alive, snapshots);
  const childMachines = (machine?.implementations?.actors ?? {}) as Record<string, AnyStateMachine>;
  return (
    <section className="charts" aria-label="Statecharts">
      <div className="chart-main">
        <ChartView name={definition.machine} root={definition.root} active={active} resolveDelay={delayResolver(machine, root?.context)} />
      </div>
      {children.length > 0 && (
        <div className="chart-children">
          {children.map((child) => (
            <ChildChartView key={child.src} child={child} resolveDelay={delayResolver(childMachines[child.src], child.snapshot?.context)} />
          ))}
        </div>
      )}
    </section>
  );
}

/** A child chart: drawn while its actor runs (or when asked), a one-line header otherwise. */
function ChildChartView({ child, resolveDelay }: { child: ChildChart; resolveDelay: DelayResolver }) {
  const [shown, setShown] = useState(false);
  const open = child.runningAs !== null || shown;
  const caption = (
    <>
      <b>{child.src}</b> <span className="muted">child, invoked as {[...new Set(child.invokedAs.map((i) => i.id))].join(', ')}</span>{' '}
      <span className={`badge ${child.runningAs ? 'badge-live' : ''}`}>
        {child.runningAs ? `running: ${child.runningAs}` : 'not running'}
      </span>
    </>
  );
  return (
    <div className={`chart-child${child.runningAs ? ' running' : ''}${open ? ' open' : ''}`} data-child-src={child.src}>
      {open ? (
        <ChartView
          name={child.src}
          caption={caption}
          root={child.root}
          active={activeStateIds(child.root, child.snapshot?.value)}
          resolveDelay={resolveDelay}
          initialView="whole"
          compact
        />
      ) : (
        <div className="chart-tools">
          <span className="chart-name">{caption}</span>
          <button type="button" onClick={() => setShown(true)}>
            Show chart
          </button>
        </div>
      )}
    </div>
  );
}

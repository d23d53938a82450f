/** The simulated clock: its time, its pending timers, and buttons that move it. */
import { useState } from 'react';
import type { TimerView } from '../../machines/machine-version';
import { formatDateTime } from '../views/format';
import { TimersTable } from '../views/timers-table';

const STEPS: [string, number][] = [
  ['+1 s', 1_000],
  ['+10 s', 10_000],
  ['+1 min', 60_000],
  ['+1 h', 3_600_000],
];

export interface ClockPanelProps {
  now: number;
  timers: readonly TimerView[];
  disabled: boolean;
  advanceBy(ms: number): void;
  nextTimer(): void;
}

export function ClockPanel({ now, timers, disabled, advanceBy, nextTimer }: ClockPanelProps) {
  const [custom, setCustom] = useState('30');
  return (
    <section className="panel clock" aria-label="Simulated clock">
      <header className="panel-header">
        <h2>Simulated clock</h2>
        <span className="mono small" data-sim-now={now}>
          {formatDateTime(now)}
        </span>
      </header>
      <div className="row wrap">
        <button type="button" onClick={nextTimer} disabled={disabled || timers.length === 0} data-action="next-timer">
          Next timer
        </button>
        {STEPS.map(([label, ms]) => (
          <button key={label} type="button" onClick={() => advanceBy(ms)} disabled={disabled}>
            {label}
          </button>
        ))}
        <label className="inline">
          <input
            aria-label="Seconds to advance"
            className="narrow"
            value={custom}
            onChange={(e) => setCustom(e.target.value)}
            inputMode="decimal"
          />
          s
        </label>
        <button type="button" disabled={disabled || !(Number(custom) >= 0)} onClick={() => advanceBy(Number(custom) * 1000)}>
          Advance
        </button>
      </div>
      <TimersTable rows={timers.map((timer) => ({ timer }))} now={now} />
    </section>
  );
}

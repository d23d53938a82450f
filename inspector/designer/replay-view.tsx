/**
 * Replays recorded games on the draft: for each input-history file, compareReplay runs it on the
 * version it was recorded on and on the draft, and the view says per room whether the draft plays
 * it the same, and where it first differs: the input, and each side's state and context before
 * and after it.
 */
import { useMemo, useState } from 'react';
import { catalog } from '../../machines/catalog';
import { refOf, type MachineVersion } from '../../machines/machine-version';
import { versionFromChart, type ChartIssue, type ChartNode } from './chart-source';
import { readHistoryText } from './replay-files';
import { replayOnDraft, type ReplayOutcome } from './replay-source';

interface RoomResult {
  file: string;
  room: string;
  /** How many inputs the file holds (the replay stops comparing at the first divergence). */
  total?: number;
  outcome: ReplayOutcome | { error: string };
}

export function ReplayView({ base, draft, issues }: { base: MachineVersion; draft: ChartNode; issues: readonly ChartIssue[] }) {
  const built = useMemo(() => (issues.length ? null : versionFromChart(base, draft)), [base, draft, issues]);
  const version = built && 'version' in built ? built.version : null;
  const [results, setResults] = useState<RoomResult[]>([]);

  const load = async (files: FileList) => {
    if (!version) return;
    const next: RoomResult[] = [];
    for (const file of Array.from(files)) {
      const read = readHistoryText(await file.text(), file.name);
      if (!read.ok) {
        next.push({ file: file.name, room: '—', outcome: { error: `${read.error.code}: ${read.error.message}` } });
        continue;
      }
      const { history } = read;
      const original = catalog.get(history.machine);
      if (!original) {
        next.push({
          file: file.name,
          room: history.room,
          outcome: { error: `HISTORY_UNKNOWN_VERSION: ${file.name} was recorded on ${history.machine}, which this build does not have.` },
        });
        continue;
      }
      if (history.machine !== refOf(base)) {
        next.push({
          file: file.name,
          room: history.room,
          outcome: {
            error: `HISTORY_OTHER_VERSION: ${file.name} was recorded on ${history.machine}; this draft is of ${refOf(base)}. Open a draft of ${history.machine} to replay it.`,
          },
        });
        continue;
      }
      next.push({ file: file.name, room: history.room, total: history.entries.length, outcome: replayOnDraft(original, version, history) });
    }
    setResults((before) => [...next, ...before]);
  };

  if (!version) {
    return (
      <section className="panel" data-replay-blocked>
        <h2>The draft cannot run yet</h2>
        <p>Fix the problems listed on the Edit tab first.</p>
      </section>
    );
  }
  return (
    <section className="panel replay" aria-label="Replay">
      <header className="panel-header">
        <h2>Replay recorded games on the draft</h2>
      </header>
      <p className="muted">
        Load input histories (the live inspector's "Export input history"). Each is played on the version it was recorded on and on this
        draft, input by input, with the same clock and room facts.
      </p>
      <input
        type="file"
        multiple
        accept="application/json,.json"
        aria-label="Input history files"
        data-replay-input
        onChange={(e) => e.target.files && void load(e.target.files)}
      />
      {results.map((r, i) => (
        <RoomReplay key={`${r.file}${i}`} result={r} />
      ))}
    </section>
  );
}

const valueText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function Side({ label, side }: { label: string; side: { value?: unknown; context?: unknown } | null | undefined }) {
  return (
    <div className="replay-side">
      <b>{label}</b>
      {side ? (
        <>
          <div className="mono small" data-replay-value>
            {valueText(side.value)}
          </div>
          <details>
            <summary>context</summary>
            <pre className="mono small">{JSON.stringify(side.context, null, 2)}</pre>
          </details>
        </>
      ) : (
        <div className="muted small">(nothing: it had stopped)</div>
      )}
    </div>
  );
}

function RoomReplay({ result }: { result: RoomResult }) {
  const { outcome } = result;
  if ('error' in outcome) {
    return (
      <div className="replay-room error" data-replay-room={result.room} data-replay="error">
        <b>{result.file}</b>: {outcome.error}
      </div>
    );
  }
  const d = outcome.divergence;
  return (
    <div
      className={`replay-room ${outcome.same ? 'same' : 'diverges'}`}
      data-replay-room={result.room}
      data-replay={outcome.same ? 'same' : 'diverges'}
    >
      <header className="row">
        <b className="mono">{result.room}</b>
        <span className="muted small">
          {result.file}: {outcome.entries} of {result.total ?? outcome.entries} inputs compared
        </span>
        <span className={`badge ${outcome.same ? 'badge-live' : 'badge-issue'}`}>
          {outcome.same ? 'plays the same' : d && d.index >= 0 ? `diverges at input ${d.index + 1}` : 'diverges at the start'}
        </span>
      </header>
      {d && (
        <div className="divergence" data-divergence-index={d.index}>
          <p>
            {d.entry ? (
              <>
                Input {d.index + 1} (at {new Date(d.entry.at).toISOString()}):{' '}
                <span className="mono" data-divergence-input>
                  {JSON.stringify(d.entry.input)}
                </span>
              </>
            ) : (
              'Before the first input'
            )}
            {' — '}
            <span data-divergence-reason>{d.reason}</span>
          </p>
          <div className="replay-grid">
            <h4>before</h4>
            <Side label="recorded version" side={d.before.original} />
            <Side label="draft" side={d.before.draft} />
            <h4>after</h4>
            <Side label="recorded version" side={d.after.original} />
            <Side label="draft" side={d.after.draft} />
          </div>
        </div>
      )}
    </div>
  );
}

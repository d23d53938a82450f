import type { LobbyMode } from '../../machines/lobby-modes';
import type { Scheduling } from './create-game';
import { FieldIssues, invalidProps } from './FieldIssues';
import { fieldId, type FieldKey } from './form-issues';
import { durationWords } from './game-modes';
import { SchedulingField } from './SchedulingField';

/**
 * The manifest of a game mode made of a preset and a scheduling (blitz@1): the presets its lobby
 * support lists for this cast, each with how long the game lasts and whether it suits the cast,
 * and who moves the game on.
 */
export function PresetManifestEditor({
  mode,
  players,
  preset,
  scheduling,
  onPreset,
  onScheduling,
  issues,
}: {
  mode: LobbyMode;
  players: number;
  preset: string;
  scheduling: Scheduling;
  onPreset(preset: string): void;
  onScheduling(scheduling: Scheduling): void;
  issues: ReadonlyMap<FieldKey, string[]>;
}) {
  const presets = mode.lobby.presets?.(players) ?? [];
  const chosen = presets.find((p) => p.name === preset);
  return (
    <section className="card" data-testid="preset-manifest">
      <div className="field">
        <label htmlFor={fieldId('preset')}>Length (preset)</label>
        <select
          id={fieldId('preset')}
          value={preset}
          onChange={(event) => onPreset(event.target.value)}
          {...invalidProps('preset', issues)}
        >
          {presets.map((p) => (
            <option key={p.name} value={p.name} disabled={p.unfit !== null}>
              {p.name}
              {p.durationMs !== null ? ` · ${durationWords(p.durationMs)}` : ''}
              {p.unfit !== null ? ' · not for this cast' : ''}
            </option>
          ))}
        </select>
        {chosen && (
          <p className="muted" data-testid="preset-description">
            {chosen.description}
            {chosen.durationMs !== null && ` With ${players} players the game lasts ${durationWords(chosen.durationMs)}.`}
          </p>
        )}
        {chosen?.unfit && <p className="field-issue">{chosen.unfit}</p>}
        <FieldIssues field="preset" issues={issues} />
      </div>
      <SchedulingField
        scheduling={scheduling}
        onChange={onScheduling}
        issues={issues}
        clockWords="every round follows the preset's times"
        hostWords="every step waits for you to advance it"
      />
    </section>
  );
}

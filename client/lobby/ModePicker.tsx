import { LOBBY_MODES, modeLabel, type LobbyMode } from '../../machines/lobby-modes';

/** The game mode: one choice per catalog version the lobby can create (machines/lobby-modes.ts). */
export function ModePicker({ mode, onChange }: { mode: LobbyMode; onChange(mode: LobbyMode): void }) {
  return (
    <fieldset className="card field" id="field-machine" data-testid="mode-picker">
      <legend>Game mode</legend>
      {LOBBY_MODES.map((candidate) => (
        <label className="check" key={candidate.ref}>
          <input
            type="radio"
            name="machine"
            value={candidate.ref}
            checked={candidate.ref === mode.ref}
            onChange={() => onChange(candidate)}
          />
          <span>
            {modeLabel(candidate)}{' '}
            <span className="muted">
              ({candidate.ref}, {candidate.lobby.castSize.min}–{candidate.lobby.castSize.max} players)
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

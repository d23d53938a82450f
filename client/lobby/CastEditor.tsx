import { peckingOrderLobby } from '../../machines/pecking-order/v1/lobby';
import type { CreateGameRequest } from './create-game';
import { FieldIssues, invalidProps } from './FieldIssues';
import { fieldId, type FieldKey } from './form-issues';
import { WalletLookup } from './WalletLookup';

export interface CastRow {
  /** Stable React key; rows are added and removed. */
  key: number;
  name: string;
  bio: string;
  /** The player's stable identity across games, for gold that follows them; empty: none. */
  userId?: string;
}

/** The cast as the lobby's request sends it: trimmed, optional fields only when given. */
export function castRequestOf(cast: readonly CastRow[]): CreateGameRequest['cast'] {
  return cast.map((row) => ({
    name: row.name.trim(),
    ...(row.bio.trim() ? { bio: row.bio.trim() } : {}),
    ...(row.userId?.trim() ? { userId: row.userId.trim() } : {}),
  }));
}

/** The cast sizes pecking-order takes (its lobby support says): the editor's bounds unless the game mode has its own. */
export const { min: MIN_CAST, max: MAX_CAST } = peckingOrderLobby.castSize;

/**
 * The cast: a display name (a persona), an optional bio and an optional identity per player, as
 * many as the chosen game takes (`castSize`); and a look-up of the gold an identity's wallet holds.
 */
export function CastEditor({
  cast,
  onChange,
  issues,
  castSize = peckingOrderLobby.castSize,
}: {
  cast: CastRow[];
  onChange(cast: CastRow[]): void;
  issues: ReadonlyMap<FieldKey, string[]>;
  castSize?: { min: number; max: number };
}) {
  const { min: MIN_CAST, max: MAX_CAST } = castSize;
  const update = (index: number, patch: Partial<CastRow>) => onChange(cast.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="card cast-editor" id={fieldId('cast')}>
      <legend>Cast ({cast.length} players)</legend>
      <p className="muted">
        {MIN_CAST}–{MAX_CAST} players. Names are personas, not real names; each must be different. An identity (a short slug, the same in
        every game) lets a player's winnings follow them into their next games, in game modes with wallets.
      </p>
      <FieldIssues field="cast" issues={issues} />
      <ol className="cast-rows">
        {cast.map((row, index) => {
          const nameField = `cast.${index}.name`;
          const bioField = `cast.${index}.bio`;
          const userIdField = `cast.${index}.userId`;
          return (
            <li key={row.key} className="cast-row">
              <div className="field">
                <label htmlFor={fieldId(nameField)}>Player {index + 1} name</label>
                <input
                  id={fieldId(nameField)}
                  value={row.name}
                  maxLength={40}
                  autoComplete="off"
                  onChange={(event) => update(index, { name: event.target.value })}
                  {...invalidProps(nameField, issues)}
                />
                <FieldIssues field={nameField} issues={issues} />
              </div>
              <div className="field">
                <label htmlFor={fieldId(bioField)}>Player {index + 1} bio (optional)</label>
                <input
                  id={fieldId(bioField)}
                  value={row.bio}
                  maxLength={280}
                  autoComplete="off"
                  onChange={(event) => update(index, { bio: event.target.value })}
                  {...invalidProps(bioField, issues)}
                />
                <FieldIssues field={bioField} issues={issues} />
              </div>
              <div className="field">
                <label htmlFor={fieldId(userIdField)}>Player {index + 1} identity (optional)</label>
                <input
                  id={fieldId(userIdField)}
                  value={row.userId ?? ''}
                  maxLength={32}
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="e.g. ana-k"
                  onChange={(event) => update(index, { userId: event.target.value })}
                  {...invalidProps(userIdField, issues)}
                />
                <FieldIssues field={userIdField} issues={issues} />
              </div>
              <button
                type="button"
                className="secondary small"
                disabled={cast.length <= MIN_CAST}
                onClick={() => onChange(cast.filter((_, i) => i !== index))}
                aria-label={`Remove player ${index + 1}`}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="secondary"
        disabled={cast.length >= MAX_CAST}
        onClick={() => onChange([...cast, { key: Math.max(0, ...cast.map((row) => row.key)) + 1, name: '', bio: '' }])}
      >
        Add a player
      </button>
      <WalletLookup />
    </fieldset>
  );
}

import { useMemo, useState, type FormEvent, type MouseEvent } from 'react';
import { peckingOrderLobby } from '../../machines/pecking-order/v2/lobby';
import { PRESETS, PRESET_NAMES, type PresetName } from '../../machines/pecking-order/v1/presets';
import { rememberCast } from '../shared/known-casts';
import { CastEditor, castRequestOf, type CastRow } from './CastEditor';
import { createGame, type CreatedGame, type CreateGameRequest, type Issue, type Scheduling } from './create-game';
import { cartridgeChoicesOf, cartridgesOf, DayPlanEditor, type DayRow } from './DayPlanEditor';
import { FieldIssues, invalidProps } from './FieldIssues';
import { fieldId, fieldLabel, fieldOf, issueId, issuesByField } from './form-issues';
import { DEFAULT_MODE } from '../../machines/lobby-modes';
import { defaultPresetOf, initialMode, presetManifest } from './game-modes';
import { InviteLinks } from './InviteLinks';
import { loadLobbySecret, saveLobbySecret } from './lobby-secret';
import { ModePicker } from './ModePicker';
import { PresetManifestEditor } from './PresetManifestEditor';
import { SchedulingField } from './SchedulingField';
import { startAtOf, startBounds } from './start-time';

/** Whether a mode's day plan names cartridges (pecking-order@2's prompt and dilemma): its default plan does. */
const takesCartridges = (mode: { lobby: { defaultManifest(players: number): unknown } }) =>
  ((mode.lobby.defaultManifest(5) as { days?: { cartridges?: unknown }[] }).days ?? []).some((day) => day.cartridges !== undefined);

/** How many empty cast rows the form starts with. */
const FIRST_CAST_SIZE = 5;

/** The game's own defaults (the lobby support of pecking-order@2, which the server creates by default), for a cast of `players`. */
const defaultsFor = (players: number) => peckingOrderLobby.defaultManifest(players);

function defaultDays(players: number): DayRow[] {
  return defaultsFor(players).days.map((day) => ({
    voteType: day.voteType,
    playerPick: day.activity === 'PLAYER_PICK',
    ...cartridgeChoicesOf(day.cartridges ?? []),
  }));
}

const emptyCast = (n: number): CastRow[] => Array.from({ length: n }, (_, i) => ({ key: i, name: '', bio: '' }));

/** Summary links move focus to the field, not only the view. */
function focusField(event: MouseEvent, id: string) {
  const element = document.getElementById(id);
  if (!element) return;
  event.preventDefault();
  element.scrollIntoView({ block: 'center' });
  if (element.matches('input, select, textarea')) element.focus();
  else element.querySelector<HTMLElement>('input, select, textarea')?.focus();
}

interface Failure {
  sentence: string;
  issues: Issue[];
}

/** `/`: the host creates a game and gets the links to send. */
export function LobbyPage() {
  const [secret, setSecret] = useState(loadLobbySecret);
  // The game mode: the lobby API's default until the host picks another.
  const [mode, setMode] = useState(() => initialMode(DEFAULT_MODE));
  // A preset mode's preset (blitz@1); it follows the cast's size until the host picks one.
  const [modePreset, setModePreset] = useState(() => defaultPresetOf(mode, FIRST_CAST_SIZE));
  const [modePresetEdited, setModePresetEdited] = useState(false);
  const [cast, setCast] = useState<CastRow[]>(() => emptyCast(FIRST_CAST_SIZE));
  const [preset, setPreset] = useState<PresetName>(() => defaultsFor(FIRST_CAST_SIZE).preset);
  const [scheduling, setScheduling] = useState<Scheduling>(() => defaultsFor(FIRST_CAST_SIZE).scheduling);
  const [days, setDays] = useState<DayRow[]>(() => defaultDays(FIRST_CAST_SIZE));
  // A `datetime-local` value; empty: the preset's next start after creation.
  const [start, setStart] = useState('');
  // Until the host edits the plan, it follows the cast size.
  const [planEdited, setPlanEdited] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [game, setGame] = useState<CreatedGame | null>(null);
  const issues = useMemo(() => issuesByField(failure?.issues ?? []), [failure]);

  function changeCast(next: CastRow[]) {
    setCast(next);
    if (!planEdited && next.length !== cast.length) setDays(defaultDays(next.length));
    if (!modePresetEdited && next.length !== cast.length) setModePreset(defaultPresetOf(mode, next.length));
    // Paths name rows by index: once rows move, old messages would point at the wrong ones.
    if (next.length !== cast.length && failure) setFailure({ ...failure, issues: [] });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!secret.trim()) {
      setFailure({ sentence: 'Type the lobby secret first: the server creates games only for its holder.', issues: [] });
      document.getElementById('lobby-secret')?.focus();
      return;
    }
    setBusy(true);
    const members = castRequestOf(cast);
    const body: CreateGameRequest = mode.lobby.presets
      ? { machine: mode.ref, cast: members, manifest: presetManifest(mode, cast.length, { preset: modePreset, scheduling }) }
      : {
          machine: mode.ref,
          cast: members,
          manifest: {
            preset,
            scheduling,
            ...(scheduling === 'PRE_SCHEDULED' && startAtOf(start) !== undefined ? { startAt: startAtOf(start) } : {}),
            days: days.map((day) => ({
              voteType: day.voteType,
              ...(day.playerPick ? { activity: 'PLAYER_PICK' as const } : {}),
              // Only a mode whose plan has cartridges (pecking-order@2) is sent them.
              ...(takesCartridges(mode) && cartridgesOf(day).length > 0 ? { cartridges: cartridgesOf(day) } : {}),
            })),
          },
        };
    const result = await createGame(secret, body);
    setBusy(false);
    if (result.ok) {
      rememberCast(result.game.roomId, result.game.players);
      setFailure(null);
      setGame(result.game);
      window.scrollTo(0, 0);
    } else {
      setFailure({ sentence: result.sentence, issues: result.issues });
      window.setTimeout(() => document.getElementById('lobby-failure')?.focus(), 0);
    }
  }

  if (game) return <InviteLinks game={game} onAnother={() => setGame(null)} starts={mode.lobby.firstStep} />;

  return (
    <form className="lobby" onSubmit={submit} noValidate>
      <h1>Create a game</h1>
      {failure && (
        <div className="notice error summary" role="alert" id="lobby-failure" tabIndex={-1} data-testid="lobby-failure">
          <p>
            <strong>{failure.sentence}</strong>
          </p>
          {failure.issues.length > 0 && (
            <ul>
              {failure.issues.map((issue, index) => {
                const field = fieldOf(issue.path);
                return (
                  <li key={index}>
                    {field === 'general' ? (
                      `${issue.path}: ${issue.message}`
                    ) : (
                      <a href={`#${fieldId(field)}`} onClick={(event) => focusField(event, fieldId(field))}>
                        {fieldLabel(field)}: {issue.message}
                      </a>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
      <section className="card">
        <div className="field">
          <label htmlFor="lobby-secret">Lobby secret</label>
          <input
            id="lobby-secret"
            type="password"
            autoComplete="off"
            value={secret}
            onChange={(event) => {
              setSecret(event.target.value);
              saveLobbySecret(event.target.value);
            }}
            aria-describedby="lobby-secret-hint"
            required
          />
          <p className="muted" id="lobby-secret-hint">
            Only someone who runs the server has it. It stays in this tab and is forgotten when you close it.
          </p>
        </div>
      </section>
      <ModePicker
        mode={mode}
        onChange={(next) => {
          setMode(next);
          setModePreset(defaultPresetOf(next, cast.length));
          setModePresetEdited(false);
          setFailure(null);
        }}
      />
      <CastEditor cast={cast} onChange={changeCast} issues={issues} castSize={mode.lobby.castSize} />
      {mode.lobby.presets ? (
        <PresetManifestEditor
          mode={mode}
          players={cast.length}
          preset={modePreset}
          scheduling={scheduling}
          onPreset={(next) => {
            setModePreset(next);
            setModePresetEdited(true);
          }}
          onScheduling={setScheduling}
          issues={issues}
        />
      ) : (
        <>
          <section className="card">
            <div className="field">
              <label htmlFor={fieldId('preset')}>Pace (preset)</label>
              <select
                id={fieldId('preset')}
                value={preset}
                onChange={(event) => setPreset(event.target.value as PresetName)}
                {...invalidProps('preset', issues)}
              >
                {PRESET_NAMES.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
              <p className="muted">{PRESETS[preset].description}</p>
              <FieldIssues field="preset" issues={issues} />
            </div>
            <SchedulingField
              scheduling={scheduling}
              onChange={setScheduling}
              issues={issues}
              clockWords="phases follow the preset's times"
              hostWords="every phase waits for you to advance it"
            />
            {scheduling === 'PRE_SCHEDULED' && (
              <div className="field">
                <label htmlFor={fieldId('startAt')}>Day 1 starts (optional)</label>
                <input
                  id={fieldId('startAt')}
                  type="datetime-local"
                  value={start}
                  {...startBounds(Date.now())}
                  onChange={(event) => setStart(event.target.value)}
                  {...invalidProps('startAt', issues)}
                />
                <p className="muted">Your local time, within 30 days. Leave it empty to start at the pace's next opening.</p>
                <FieldIssues field="startAt" issues={issues} />
              </div>
            )}
          </section>
          <DayPlanEditor
            days={days}
            players={cast.length}
            onChange={(next) => {
              setDays(next);
              setPlanEdited(true);
              if (next.length !== days.length && failure)
                setFailure({ ...failure, issues: failure.issues.filter((i) => !i.path.startsWith('manifest.days')) });
            }}
            onReset={() => {
              setDays(defaultDays(cast.length));
              setPlanEdited(false);
            }}
            issues={issues}
          />
        </>
      )}
      {issues.has('general') && (
        <p className="field-issue" id={issueId('general')}>
          {issues.get('general')!.join(' ')}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create the game'}
        </button>
      </div>
    </form>
  );
}

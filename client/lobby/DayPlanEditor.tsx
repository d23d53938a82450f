import { VOTE_RULES } from '../../machines/pecking-order/rules';
import type { VoteType } from '../../machines/pecking-order/rules/types';
import { aliveAtStartOfDay } from '../../machines/pecking-order/v1/day-plan';
import { DILEMMA_NAMES, type DilemmaName } from '../../machines/pecking-order/v2/cartridges/dilemma/rule';
import { PROMPT_NAMES, type PromptName } from '../../machines/pecking-order/v2/cartridges/prompt/rule';
import { CONFESSIONS_NAMES } from '../../machines/pecking-order/v2/cartridges/confessions/rule';
import { NUDGES_NAMES } from '../../machines/pecking-order/v2/cartridges/nudges/rule';
import { WHISPERS_NAMES } from '../../machines/pecking-order/v2/cartridges/whispers/rule';
import { CARTRIDGE_WORDS } from '../play/cartridge-words';
import { VOTE_NAMES } from '../play/vote-words';
import { FieldIssues, invalidProps } from './FieldIssues';
import { fieldId, type FieldKey } from './form-issues';
import { pickIssue, voteChoices } from './plan-choices';

export interface DayRow {
  voteType: VoteType;
  playerPick: boolean;
  /** pecking-order@2's cartridges of the day: one prompt and one dilemma at most. */
  prompt: PromptName | null;
  dilemma: DilemmaName | null;
  /** The social cartridges of the day (confession booth, whispers, nudges), each on or off. */
  social: SocialName[];
}

/** The cartridges that are simply on or off for a day, in the order the editor lists them. */
export const SOCIAL_NAMES = [...CONFESSIONS_NAMES, ...WHISPERS_NAMES, ...NUDGES_NAMES] as const;
export type SocialName = (typeof SOCIAL_NAMES)[number];

/** A day's cartridge names as the manifest lists them. */
export function cartridgesOf(day: Pick<DayRow, 'prompt' | 'dilemma' | 'social'>): string[] {
  return [...[day.prompt, day.dilemma].filter((name): name is PromptName | DilemmaName => name !== null), ...day.social];
}

/** The editor's two choices from a manifest day's cartridge names. */
export function cartridgeChoicesOf(names: readonly string[]): Pick<DayRow, 'prompt' | 'dilemma' | 'social'> {
  return {
    social: SOCIAL_NAMES.filter((n) => names.includes(n)),
    prompt: ((PROMPT_NAMES as readonly string[]).find((n) => names.includes(n)) as PromptName | undefined) ?? null,
    dilemma: ((DILEMMA_NAMES as readonly string[]).find((n) => names.includes(n)) as DilemmaName | undefined) ?? null,
  };
}

function CartridgeSelect<T extends PromptName | DilemmaName>({
  label,
  id,
  field,
  names,
  value,
  onChange,
  issues,
}: {
  label: string;
  id: string;
  /** The form field its issues are reported on (one for the day's cartridges). */
  field: FieldKey;
  names: readonly T[];
  value: T | null;
  onChange(value: T | null): void;
  issues: ReadonlyMap<FieldKey, string[]>;
}) {
  return (
    <div className="field cartridge-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : (event.target.value as T))}
        {...invalidProps(field, issues)}
      >
        <option value="">None</option>
        {names.map((name) => (
          <option key={name} value={name} title={CARTRIDGE_WORDS[name].summary}>
            {CARTRIDGE_WORDS[name].title}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The days: a vote type each (FINALS last), the optional PLAYER_PICK activity, and the day's
 * cartridges (pecking-order@2: a prompt and a dilemma, each optional, and the social ones, each on
 * or off). Each day says
 * how many players it starts with, since a vote type needs a number of players alive. A choice the
 * day cannot have is disabled, with the version's reason beside it, before anything is submitted.
 */
export function DayPlanEditor({
  days,
  players,
  onChange,
  onReset,
  issues,
}: {
  days: DayRow[];
  players: number;
  onChange(days: DayRow[]): void;
  onReset(): void;
  issues: ReadonlyMap<FieldKey, string[]>;
}) {
  const update = (index: number, patch: Partial<DayRow>) => onChange(days.map((day, i) => (i === index ? { ...day, ...patch } : day)));
  return (
    <fieldset className="card day-plan" id={fieldId('days')}>
      <legend>Day plan ({days.length} days)</legend>
      <p className="muted">One player goes each night; the last day is the FINALS, where the players who went out crown the winner.</p>
      <FieldIssues field="days" issues={issues} />
      <ol className="day-rows">
        {days.map((day, index) => {
          const voteField = `days.${index}.voteType`;
          const activityField = `days.${index}.activity`;
          const choices = voteChoices(days, index, players);
          const current = choices.find((choice) => choice.voteType === day.voteType)?.issue ?? null;
          const ruledOut = choices.filter((choice) => choice.issue !== null && choice.voteType !== day.voteType);
          const noPick = pickIssue(days, index);
          return (
            <li key={index} className="day-row">
              <div className="field">
                <label htmlFor={fieldId(voteField)}>
                  Day {index + 1} vote <span className="muted">({Math.max(0, aliveAtStartOfDay(players, index + 1))} players)</span>
                </label>
                <select
                  id={fieldId(voteField)}
                  value={day.voteType}
                  onChange={(event) => update(index, { voteType: event.target.value as VoteType })}
                  {...invalidProps(voteField, issues)}
                >
                  {choices.map(({ voteType, issue }) => (
                    // The chosen one stays selectable, so the select can show it while its reason says why not.
                    <option
                      key={voteType}
                      value={voteType}
                      disabled={issue !== null && voteType !== day.voteType}
                      title={issue ?? undefined}
                    >
                      {VOTE_NAMES[voteType]} (needs {VOTE_RULES[voteType].minAlive})
                      {issue !== null && voteType !== day.voteType ? ' · not possible' : ''}
                    </option>
                  ))}
                </select>
                {current && !issues.has(voteField) && (
                  <p className="field-issue" data-testid={`plan-issue-${index}`}>
                    {current}
                  </p>
                )}
                <FieldIssues field={voteField} issues={issues} />
                {ruledOut.length > 0 && (
                  <details className="muted ruled-out" data-testid={`ruled-out-${index}`}>
                    <summary>
                      Not possible on day {index + 1}: {ruledOut.map((choice) => VOTE_NAMES[choice.voteType]).join(', ')}
                    </summary>
                    <ul>
                      {ruledOut.map((choice) => (
                        <li key={choice.voteType}>{choice.issue}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </div>
              <div className="pick-field">
                <label className="check" htmlFor={fieldId(activityField)}>
                  <input
                    id={fieldId(activityField)}
                    type="checkbox"
                    checked={day.playerPick}
                    // Unticking stays possible when the day no longer allows the activity.
                    disabled={noPick !== null && !day.playerPick}
                    aria-describedby={noPick ? `no-pick-${index}` : undefined}
                    onChange={(event) => update(index, { playerPick: event.target.checked })}
                    {...invalidProps(activityField, issues)}
                  />
                  <span>Day {index + 1} player pick activity</span>
                </label>
                {noPick && (
                  <p className={day.playerPick ? 'field-issue' : 'muted'} id={`no-pick-${index}`} data-testid={`no-pick-${index}`}>
                    {noPick}
                  </p>
                )}
                <FieldIssues field={activityField} issues={issues} />
              </div>
              <CartridgeSelect
                label={`Day ${index + 1} prompt`}
                id={fieldId(`days.${index}.cartridges`)}
                field={`days.${index}.cartridges`}
                names={PROMPT_NAMES}
                value={day.prompt}
                onChange={(prompt) => update(index, { prompt })}
                issues={issues}
              />
              <CartridgeSelect
                label={`Day ${index + 1} dilemma`}
                id={fieldId(`days.${index}.dilemma`)}
                field={`days.${index}.cartridges`}
                names={DILEMMA_NAMES}
                value={day.dilemma}
                onChange={(dilemma) => update(index, { dilemma })}
                issues={issues}
              />
              <fieldset className="social-field">
                <legend>Day {index + 1} social</legend>
                {SOCIAL_NAMES.map((name) => (
                  <label key={name} className="check" title={CARTRIDGE_WORDS[name].summary}>
                    <input
                      type="checkbox"
                      checked={day.social.includes(name)}
                      onChange={(event) =>
                        update(index, {
                          social: SOCIAL_NAMES.filter((n) => (n === name ? event.target.checked : day.social.includes(n))),
                        })
                      }
                    />
                    <span>
                      Day {index + 1} {CARTRIDGE_WORDS[name].title.toLowerCase()}
                    </span>
                  </label>
                ))}
              </fieldset>
              <FieldIssues field={`days.${index}.cartridges`} issues={issues} />
              <button
                type="button"
                className="secondary small"
                disabled={days.length <= 1}
                onClick={() => onChange(days.filter((_, i) => i !== index))}
                aria-label={`Remove day ${index + 1}`}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <div className="row">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            onChange([
              ...days.slice(0, -1),
              { voteType: 'MAJORITY', playerPick: false, prompt: null, dilemma: null, social: [] },
              ...days.slice(-1),
            ])
          }
        >
          Add a day
        </button>
        <button type="button" className="secondary" onClick={onReset}>
          Use the default plan for {players} players
        </button>
      </div>
    </fieldset>
  );
}

import { VOTE_RULES } from '../../machines/pecking-order/rules';
import type { VoteType } from '../../machines/pecking-order/rules/types';
import { aliveAtStartOfDay } from '../../machines/pecking-order/v1/day-plan';
import { VOTE_NAMES } from '../play/vote-words';
import { FieldIssues, invalidProps } from './FieldIssues';
import { fieldId, type FieldKey } from './form-issues';
import { pickIssue, voteChoices } from './plan-choices';

export interface DayRow {
  voteType: VoteType;
  playerPick: boolean;
}

/**
 * The days: a vote type each (FINALS last), and the optional PLAYER_PICK activity. Each day says
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
          onClick={() => onChange([...days.slice(0, -1), { voteType: 'MAJORITY', playerPick: false }, ...days.slice(-1)])}
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

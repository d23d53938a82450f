import type { Scheduling } from './create-game';
import { FieldIssues, invalidProps } from './FieldIssues';
import { fieldId, type FieldKey } from './form-issues';

/**
 * Who moves a game on, the clock or the host: the same choice for every mode; `clockWords` and
 * `hostWords` say it in the mode's words (phases, rounds).
 */
export function SchedulingField({
  scheduling,
  onChange,
  issues,
  clockWords,
  hostWords,
}: {
  scheduling: Scheduling;
  onChange: (scheduling: Scheduling) => void;
  issues: ReadonlyMap<FieldKey, string[]>;
  clockWords: string;
  hostWords: string;
}) {
  return (
    <fieldset className="field" id={fieldId('scheduling')} {...invalidProps('scheduling', issues)}>
      <legend>Who moves the game on</legend>
      <label className="check">
        <input
          type="radio"
          name="scheduling"
          value="PRE_SCHEDULED"
          checked={scheduling === 'PRE_SCHEDULED'}
          onChange={() => onChange('PRE_SCHEDULED')}
        />
        <span>The clock (PRE_SCHEDULED): {clockWords}</span>
      </label>
      <label className="check">
        <input type="radio" name="scheduling" value="ADMIN" checked={scheduling === 'ADMIN'} onChange={() => onChange('ADMIN')} />
        <span>The host (ADMIN): {hostWords}</span>
      </label>
      <FieldIssues field="scheduling" issues={issues} />
    </fieldset>
  );
}

import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import { ECONOMY } from '../../machines/pecking-order/v1/economy';
import { ErrorNotice } from './ErrorNotice';
import { pickRevealHeadline } from './today-lines';
import { useAction } from './use-action';
import { useNames } from './use-names';

/** PLAYER_PICK: pick another player in secret during the social phase; the picks are revealed at the vote. */
export function ActivityCard({ view }: { view: PlayerView }) {
  const activity = view.activity;
  const names = useNames();
  const action = useAction();
  if (!activity) return null;
  const name = (id: string) => names.get(id) ?? id;
  return (
    <section className="card activity" aria-labelledby="activity-title" data-testid="activity-card">
      <p className="eyebrow">Today's activity</p>
      <h2 id="activity-title">Player pick</h2>
      <p className="muted">
        Secretly pick another player. Everyone who picks earns {ECONOMY.pickReward} silver; two players who pick each other earn{' '}
        {ECONOMY.mutualPickBonus} more each.
      </p>
      {activity.open && activity.targets.length > 0 && (
        <fieldset className="choices">
          <legend>Pick a player</legend>
          <div className="choice-grid">
            {activity.targets.map((id) => (
              <button
                key={id}
                type="button"
                className={activity.myPick === id ? 'choice chosen' : 'choice'}
                aria-pressed={activity.myPick === id}
                disabled={action.status === 'pending'}
                onClick={() => action.run({ type: 'activity.pick', target: id })}
              >
                Pick {name(id)}
                {activity.myPick === id && (
                  <span className="tick" aria-hidden="true">
                    ✓
                  </span>
                )}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {activity.open && (
        <p data-testid="my-pick">{activity.myPick ? `Your pick: ${name(activity.myPick)}.` : 'You have not picked yet.'}</p>
      )}
      <ErrorNotice eventTypes={['activity.pick']} />
      {!activity.open && !activity.revealed && <p className="muted">Picking opens in the social phase.</p>}
      {activity.revealed && (
        <div className="result" data-testid="activity-result">
          <p className="headline">{pickRevealHeadline(activity.revealed.picks)}</p>
          <ul hidden={Object.keys(activity.revealed.picks).length === 0}>
            {Object.entries(activity.revealed.picks).map(([picker, picked]) => (
              <li key={picker}>
                {name(picker)} picked {name(picked)}
              </li>
            ))}
          </ul>
          {activity.revealed.mutualPairs.length > 0 && (
            <p>Picked each other: {activity.revealed.mutualPairs.map(([a, b]) => `${name(a)} & ${name(b)}`).join(', ')}</p>
          )}
          {Object.keys(activity.revealed.rewards).length > 0 && (
            <p>
              Earned:{' '}
              {Object.entries(activity.revealed.rewards)
                .map(([id, silver]) => `${name(id)} +${silver}`)
                .join(', ')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

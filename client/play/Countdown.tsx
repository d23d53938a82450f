import { formatCountdown } from '../shared/duration';
import { useNow } from '../shared/use-now';

/** Time left until `endsAt` (ms since the epoch), ticking. */
export function Countdown({ endsAt }: { endsAt: number }) {
  const now = useNow(true);
  const left = endsAt - now;
  return (
    <span className="countdown" role="timer" aria-label="Time left in this phase" data-testid="countdown">
      {left > 0 ? `${formatCountdown(left)} left` : 'any moment now'}
    </span>
  );
}

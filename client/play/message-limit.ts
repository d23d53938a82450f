/** Whether a composed message may be sent, as the room would judge it. Pure. */
import { isBlank, messageLength } from '../../machines/pecking-order/v1/economy';

/** Why the send button is off: nothing to send, too long (the room would refuse it), or null when it may go. */
export function unsendable(text: string, limit: number): 'BLANK' | 'TOO_LONG' | null {
  if (isBlank(text)) return 'BLANK';
  if (messageLength(text) > limit) return 'TOO_LONG';
  return null;
}

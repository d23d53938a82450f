/**
 * One control's game event and its answer: `pending` until the room acks or refuses it, then
 * `done` or `failed` (with the explained error). Forms clear their input on `done` only, so a
 * refused message is not lost.
 */
import { useCallback, useEffect, useState } from 'react';
import type { GameAction } from '../../protocol';
import { usePlayerApi, usePlayerState } from './player-context';

export type ActionStatus = 'idle' | 'pending' | 'done' | 'failed';

export function useAction(): { status: ActionStatus; run(event: GameAction): boolean; reset(): void } {
  const { send } = usePlayerApi();
  const [ref, setRef] = useState<string | null>(null);
  const [status, setStatus] = useState<ActionStatus>('idle');
  const pending = usePlayerState((s) => ref !== null && ref in s.pending);
  const failed = usePlayerState((s) => ref !== null && s.lastError?.ref === ref);
  useEffect(() => {
    if (ref === null) return;
    if (failed) setStatus('failed');
    else if (!pending) setStatus('done');
  }, [ref, pending, failed]);
  const run = useCallback(
    (event: GameAction) => {
      const sent = send(event);
      setRef(sent);
      setStatus(sent ? 'pending' : 'idle');
      return sent !== null;
    },
    [send],
  );
  const reset = useCallback(() => {
    setRef(null);
    setStatus('idle');
  }, []);
  return { status, run, reset };
}

import { useMemo } from 'react';
import { usePlayerState } from './player-context';

/** Player id → display name, from the cast in the latest view. */
export function useNames(): ReadonlyMap<string, string> {
  const cast = usePlayerState((s) => s.view?.cast);
  return useMemo(() => new Map((cast ?? []).map((member) => [member.playerId, member.name])), [cast]);
}

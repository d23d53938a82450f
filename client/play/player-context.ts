/** The player store and the socket's `send`, for every component of the player app. */
import { createContext, useContext } from 'react';
import { useSelector } from '@xstate/store-react';
import type { GameAction } from '../../protocol';
import type { RoomSocket } from './use-room-socket';
import type { PlayerState, PlayerStore } from './player-store';

export interface PlayerApi {
  store: PlayerStore;
  /** Sends a game event; answers its ref, or null when the connection is not live. */
  send(event: GameAction): string | null;
  sendPush: RoomSocket['sendPush'];
}

export const PlayerContext = createContext<PlayerApi | null>(null);

export function usePlayerApi(): PlayerApi {
  const api = useContext(PlayerContext);
  if (!api) throw new Error('usePlayerApi outside <PlayerContext>');
  return api;
}

/** Selects from the player state. Return store fields (stable references), and derive with useMemo. */
export function usePlayerState<T>(select: (state: PlayerState) => T): T {
  const { store } = usePlayerApi();
  return useSelector(store, (snapshot) => select(snapshot.context));
}

import { useCallback, useEffect, useState } from 'react';
import type { RoomStatusBody } from '../../protocol';
import type { Invite } from '../shared/invite-link';
import { knownCast } from '../shared/known-casts';
import { withNames } from '../shared/player-names';
import { AdminActions } from './AdminActions';
import { Dashboard } from './Dashboard';
import { fetchStatus, type AdminFailure } from './admin-api';
import { HostChat } from './HostChat';
import { StatusCard } from './StatusCard';

/** How often the room's status is refreshed while the page is open. */
const POLL_MS = 2000;

/** `/host`: the room's status and the host's actions. */
export function HostPage({ invite }: { invite: Invite }) {
  const [status, setStatus] = useState<RoomStatusBody | null>(null);
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  // The room's status names the players; until it arrives, the cast this browser's lobby remembers.
  const cast = status?.players ?? knownCast(invite.roomId);
  const names = new Map((cast ?? []).map((player) => [player.playerId, player.name]));

  const refresh = useCallback(async (): Promise<RoomStatusBody | null> => {
    const answer = await fetchStatus(invite.roomId, invite.token);
    if (answer.ok) {
      setStatus(answer.data);
      setFailure(null);
      return answer.data;
    }
    setFailure(answer.failure);
    return null;
  }, [invite]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  // A link the room does not accept opens nothing: the error and what to do, and no controls that cannot work.
  if (failure && !status && (failure.status === 401 || failure.status === 403)) {
    return (
      <div className="notice error" role="alert" data-testid="host-link-refused">
        <p>
          <strong>{failure.sentence}</strong>
        </p>
        <p>Open the host link the lobby gave you when you created this game, or create a new game in the lobby.</p>
      </div>
    );
  }

  return (
    <>
      <h1>
        Host · game <code>{invite.roomId}</code>
      </h1>
      {failure && (
        <div className="notice error" role="alert">
          <p>
            <strong>{failure.sentence}</strong>
            {failure.detail && <span className="detail"> {withNames(failure.detail, names)}</span>}
          </p>
        </div>
      )}
      {status && <Dashboard status={status} names={names} />}
      <AdminActions
        invite={invite}
        cast={cast}
        targets={status?.host?.actionTargets ?? null}
        names={names}
        finished={status?.status === 'finished'}
        onDone={refresh}
      />
      <HostChat invite={invite} names={names} />
      {status && <StatusCard status={status} />}
    </>
  );
}

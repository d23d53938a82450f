import { usePlayerApi, usePlayerState } from './player-context';
import { senderName } from '../shared/player-names';
import { useNames } from './use-names';

/**
 * The in-app notice that someone @mentioned this player: shown on every tab, until dismissed or
 * until they open the chat. (A push for the same mention is the notices' job, from `mentions`.)
 */
export function MentionNotice({ onOpen }: { onOpen: () => void }) {
  const { store } = usePlayerApi();
  const mentions = usePlayerState((s) => s.mentions);
  const names = useNames();
  const latest = mentions[mentions.length - 1];
  if (!latest) return null;
  const others = mentions.length - 1;
  return (
    <div className="notice mention" role="status">
      <p>
        <strong>{senderName(latest.from, names)} mentioned you</strong>: “{latest.text}”
        {others > 0 && (
          <span className="detail">
            {' '}
            and {others} more {others === 1 ? 'mention' : 'mentions'}
          </span>
        )}
      </p>
      <button
        type="button"
        onClick={() => {
          store.trigger.mentionsSeen();
          onOpen();
        }}
      >
        Open the chat
      </button>{' '}
      <button type="button" className="link" onClick={() => store.trigger.mentionsSeen()}>
        Dismiss
      </button>
    </div>
  );
}

/**
 * `/play`: a player's app. Opens from an invite link (`/play#room=…&token=…`): the fragment is
 * stored and removed from the address bar at once, so a reload reconnects from storage.
 */
import { createRoot } from 'react-dom/client';
import { takeInviteFromAddressBar } from '../shared/invite-link';
import '../styles.css';
import { PlayerApp } from './PlayerApp';
import { currentRoom, loadSession, rememberCurrentRoom, saveInvite, savedRooms } from './saved-session';

const invite = takeInviteFromAddressBar();
// A notification opens `/play?room=…&screen=…` (worker/hosted-room.ts): the room it is about, if kept here.
const link = new URLSearchParams(window.location.search);
const linkedRoom = link.get('room');
const screen = link.get('screen');
const session = invite
  ? saveInvite(invite)
  : (() => {
      const linked = linkedRoom ? loadSession(linkedRoom) : null;
      if (linked) return linked;
      const roomId = currentRoom();
      return roomId ? loadSession(roomId) : null;
    })();
if (session) rememberCurrentRoom(session.roomId);

function NoInvite() {
  const rooms = savedRooms();
  return (
    <div className="app player">
      <header className="topbar">
        <span className="brand">Pecking Order</span>
      </header>
      <main className="narrow">
        <h1>Open your invite link</h1>
        <p>
          This page needs the invite link the host sent you. It looks like <code>/play#room=…&amp;token=…</code>.
        </p>
        {rooms.length > 0 && (
          <>
            <h2>Games on this device</h2>
            <ul>
              {rooms.map((roomId) => (
                <li key={roomId}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      rememberCurrentRoom(roomId);
                      window.location.reload();
                    }}
                  >
                    Game {roomId}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </main>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(session ? <PlayerApp session={session} screen={screen} /> : <NoInvite />);

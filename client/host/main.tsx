/**
 * `/host`: the host view. Opens from the host link (`/host#room=…&token=…`): the fragment is
 * stored and removed from the address bar at once; a reload reads the token from storage.
 */
import { createRoot } from 'react-dom/client';
import { takeInviteFromAddressBar } from '../shared/invite-link';
import '../styles.css';
import { HostPage } from './HostPage';
import { loadHostInvite, saveHostInvite } from './saved-host';

const fromLink = takeInviteFromAddressBar();
if (fromLink) saveHostInvite(fromLink);
const invite = fromLink ?? loadHostInvite();

createRoot(document.getElementById('root')!).render(
  <div className="app host-app">
    <header className="topbar">
      <span className="brand">Pecking Order</span>
      <span className="muted">host</span>
    </header>
    <main className="narrow">
      {invite ? (
        <HostPage invite={invite} />
      ) : (
        <>
          <h1>Open your host link</h1>
          <p>
            This page needs the host link from the lobby. It looks like <code>/host#room=…&amp;token=…</code>.
          </p>
        </>
      )}
    </main>
  </div>,
);

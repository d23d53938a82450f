/** `/`: the lobby, where a host creates a game. */
import { createRoot } from 'react-dom/client';
import '../styles.css';
import { LobbyPage } from './LobbyPage';

function Lobby() {
  return (
    <div className="app lobby-app">
      <header className="topbar">
        <span className="brand">Pecking Order</span>
      </header>
      <main className="narrow">
        <LobbyPage />
      </main>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Lobby />);

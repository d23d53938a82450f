/** The inspector's two modes: a live room, or the workbench (no server). `#workbench` opens the latter. */
import { useEffect, useState } from 'react';
import { LivePage } from './live/live-room';
import { Workbench } from './workbench/workbench';

type Mode = 'live' | 'workbench';

const modeOf = (hash: string): Mode => (hash === '#workbench' ? 'workbench' : 'live');

export function App() {
  const [mode, setMode] = useState<Mode>(() => modeOf(window.location.hash));
  useEffect(() => {
    const onHash = () => setMode(modeOf(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = (next: Mode) => {
    // replaceState: switching modes is not worth a history entry.
    history.replaceState(null, '', next === 'workbench' ? '#workbench' : window.location.pathname);
    setMode(next);
  };
  return (
    <div className="app">
      <header className="app-header">
        <h1>Pecking Order inspector</h1>
        <nav>
          <button type="button" className={mode === 'live' ? 'on' : ''} onClick={() => go('live')} data-mode-tab="live">
            Live room
          </button>
          <button type="button" className={mode === 'workbench' ? 'on' : ''} onClick={() => go('workbench')} data-mode-tab="workbench">
            Workbench
          </button>
        </nav>
      </header>
      <main>{mode === 'live' ? <LivePage /> : <Workbench />}</main>
    </div>
  );
}

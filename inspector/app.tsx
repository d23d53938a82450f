/**
 * The inspector's modes: a live room, the workbench (no server), and the designer (a draft of a
 * version's chart, edited, simulated and replayed, no server). `#workbench` and `#designer` open them.
 */
import { useEffect, useState } from 'react';
import { Designer } from './designer/designer';
import { LivePage } from './live/live-room';
import { Workbench } from './workbench/workbench';

type Mode = 'live' | 'workbench' | 'designer';

const modeOf = (hash: string): Mode => (hash === '#workbench' ? 'workbench' : hash === '#designer' ? 'designer' : 'live');

export function App() {
  const [mode, setMode] = useState<Mode>(() => modeOf(window.location.hash));
  useEffect(() => {
    const onHash = () => setMode(modeOf(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = (next: Mode) => {
    // replaceState: switching modes is not worth a history entry.
    history.replaceState(null, '', next === 'live' ? window.location.pathname : `#${next}`);
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
          <button type="button" className={mode === 'designer' ? 'on' : ''} onClick={() => go('designer')} data-mode-tab="designer">
            Designer
          </button>
        </nav>
      </header>
      <main>{mode === 'live' ? <LivePage /> : mode === 'workbench' ? <Workbench /> : <Designer />}</main>
    </div>
  );
}

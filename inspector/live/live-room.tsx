/**
 * Live inspection of one room: connect (typed or handed-over credentials), then the room's chart,
 * log and context as they stream in, with its status, durable timers and admin events beside them.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { catalog } from '../../machines/catalog';
import { snapshotsAt } from '../inspection/transitions';
import { InspectionView } from '../views/inspection-view';
import { AdminPanel } from './admin-panel';
import { ConnectForm } from './connect-form';
import { RoomInspection } from './connection';
import { forgetCredentials, listenForHandoff, rememberCredentials, storedCredentials, type Credentials } from './handoff';
import { downloadText } from '../designer/download';
import { devToolsEnabled, fetchHistory } from './room-api';
import { openStatelyInspector, type StatelyWindow } from './stately-inspector';
import { StatusPanel } from './status-panel';
import { TimersPanel } from './timers-panel';

export function LivePage() {
  const [credentials, setCredentials] = useState<Credentials | null>(storedCredentials);
  const connect = (next: Credentials) => {
    rememberCredentials(next);
    setCredentials(next);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: listens for a hand-off once, on mount; connect is read when one arrives
  useEffect(() => listenForHandoff(connect), []);
  if (!credentials) return <ConnectForm onConnect={connect} />;
  return (
    <LiveRoom
      key={`${credentials.roomId}\n${credentials.token}`}
      credentials={credentials}
      onDisconnect={() => {
        forgetCredentials();
        setCredentials(null);
      }}
    />
  );
}

/** Player ids, read from the root context when the machine keeps a cast (pecking-order does). */
function playersOf(context: unknown): string[] {
  const cast = (context as { cast?: unknown } | undefined)?.cast;
  return cast && typeof cast === 'object' ? Object.keys(cast) : [];
}

function useConnection(credentials: Credentials): RoomInspection | null {
  const [connection, setConnection] = useState<RoomInspection | null>(null);
  useEffect(() => {
    const next = new RoomInspection(credentials.roomId, credentials.token);
    setConnection(next);
    return () => next.close();
  }, [credentials.roomId, credentials.token]);
  return connection;
}

function LiveRoom({ credentials, onDisconnect }: { credentials: Credentials; onDisconnect(): void }) {
  const connection = useConnection(credentials);
  if (!connection) return null;
  return <Connected connection={connection} credentials={credentials} onDisconnect={onDisconnect} />;
}

function Connected({
  connection,
  credentials,
  onDisconnect,
}: {
  connection: RoomInspection;
  credentials: Credentials;
  onDisconnect(): void;
}) {
  const state = useSyncExternalStore(connection.subscribe, connection.getSnapshot);
  const [devTools, setDevTools] = useState<boolean | null>(null);
  const [statelyProblem, setStatelyProblem] = useState<string | null>(null);
  const [historyProblem, setHistoryProblem] = useState<string | null>(null);
  const stately = useRef<StatelyWindow | null>(null);
  const version = state.definition ? catalog.get(state.definition.machine) : undefined;
  const { roomId, token } = credentials;

  useEffect(() => {
    if (state.phase === 'refused') forgetCredentials();
  }, [state.phase]);
  useEffect(() => {
    if (state.phase !== 'open' || devTools !== null) return;
    void devToolsEnabled(roomId, token).then(setDevTools);
  }, [state.phase, devTools, roomId, token]);
  useEffect(() => connection.onRecords((records) => stately.current?.send(records)), [connection]);

  const openStately = () => {
    setStatelyProblem(null);
    const opened = openStatelyInspector(state.records, version?.machine, setStatelyProblem);
    if (!opened.opened) setStatelyProblem('The browser blocked the Stately window: allow pop-ups for this page and try again.');
    stately.current = opened;
  };

  const exportHistory = async () => {
    setHistoryProblem(null);
    const got = await fetchHistory(roomId, token);
    if (got.ok) downloadText(`${roomId}-history.json`, got.text);
    else setHistoryProblem(got.message);
  };

  const root = snapshotsAt(state.records, null).get('root');

  return (
    <div className="live">
      <div className="toolbar">
        <span>
          room <b className="mono">{roomId}</b>
        </span>
        <span className={`badge connection-${state.phase}`} data-connection={state.phase}>
          {state.phase}
        </span>
        <button
          type="button"
          onClick={openStately}
          disabled={!state.definition}
          title="Opens stately.ai/inspect (online only) in a new window and streams this room to it"
        >
          Open in Stately inspector
        </button>
        <button
          type="button"
          onClick={() => void exportHistory()}
          data-action="export-history"
          title="Downloads the room's recorded inputs, to replay on a draft in the designer"
        >
          Export input history
        </button>
        <button type="button" onClick={onDisconnect}>
          Disconnect
        </button>
        {statelyProblem && (
          <span className="error small" data-stately-problem>
            {statelyProblem}
          </span>
        )}
        {historyProblem && (
          <span className="error small" data-history-problem>
            {historyProblem}
          </span>
        )}
      </div>
      {state.phase === 'refused' && state.refusal ? (
        <div className="panel refusal" data-refusal={state.refusal.reason}>
          <h2>The room refused the inspector</h2>
          <p>
            <span className="mono">
              {state.refusal.code} {state.refusal.reason}
            </span>
            : {state.refusal.message}
          </p>
          <button type="button" onClick={onDisconnect}>
            Enter other credentials
          </button>
        </div>
      ) : !state.definition ? (
        <p className="muted pad">{state.phase === 'open' ? 'This room has no machine running.' : 'Connecting to the room…'}</p>
      ) : (
        <InspectionView
          definition={state.definition}
          records={state.records}
          {...(version ? { machine: version.machine } : {})}
          side={
            <>
              <StatusPanel status={state.status} />
              <TimersPanel roomId={roomId} token={token} status={state.status} devTools={devTools} onDevTools={setDevTools} />
              <AdminPanel
                roomId={roomId}
                token={token}
                adminEvents={state.definition.adminEvents}
                {...(version ? { version } : {})}
                players={playersOf(root?.context)}
              />
            </>
          }
        />
      )}
    </div>
  );
}

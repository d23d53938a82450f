/** Room id and credential (admin token or lobby secret), typed in; never put in the URL. */
import { useState, type FormEvent } from 'react';
import type { Credentials } from './handoff';

export function ConnectForm({ onConnect, initialRoomId = '' }: { onConnect(credentials: Credentials): void; initialRoomId?: string }) {
  const [roomId, setRoomId] = useState(initialRoomId);
  const [token, setToken] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (roomId.trim() && token.trim()) onConnect({ roomId: roomId.trim(), token: token.trim() });
  };
  return (
    <form className="connect-form panel" onSubmit={submit} aria-label="Connect to a room">
      <h2>Inspect a room</h2>
      <p className="muted">
        Inspection shows every secret of the game, so it needs the room's admin token (from the host link) or the lobby secret. It is sent
        as the socket's first frame, never in a URL.
      </p>
      <label className="field">
        <span>room id</span>
        <input name="roomId" value={roomId} onChange={(e) => setRoomId(e.target.value)} autoComplete="off" spellCheck={false} required />
      </label>
      <label className="field">
        <span>admin token or lobby secret</span>
        <input name="token" type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" required />
      </label>
      <button type="submit">Connect</button>
    </form>
  );
}

import type { ChatActivity, HostSummary, RoomStatusBody } from '../../protocol';
import { formatCountdown } from '../shared/duration';
import { withNames } from '../shared/player-names';
import { useNow } from '../shared/use-now';

/** The game as the host runs it: where it is, what time does next, the cast, the vote, the chat, the nights. */
export function Dashboard({ status, names }: { status: RoomStatusBody; names: ReadonlyMap<string, string> }) {
  const host = status.host;
  const now = useNow(host?.clock != null, 500);
  if (!host) return null;
  const name = (id: string) => names.get(id) ?? id;
  const online = new Set(status.online);
  return (
    <section className="card dashboard" aria-labelledby="dashboard-title" data-testid="dashboard">
      <h2 id="dashboard-title">
        <span data-testid="dashboard-stage">{host.stage}</span>
        {host.day > 0 && host.stage !== 'Game over' && (
          <span className="muted">
            {' '}
            · day {host.day} of {host.dayCount}
          </span>
        )}
      </h2>
      <p className="clock" data-testid="clock">
        {host.clock
          ? `${host.clock.label} in ${formatCountdown(host.clock.dueAt - now)}`
          : host.hostAdvances
            ? 'Nothing moves until you advance the game.'
            : host.winner
              ? `${name(host.winner)} won the game.`
              : 'Nothing is scheduled.'}
      </p>
      {host.vote && <VoteProgress vote={host.vote} name={name} />}
      {host.cartridges && host.cartridges.length > 0 && (
        <ul className="cartridge-lines" aria-label="Today’s cartridges" data-testid="cartridge-lines">
          {host.cartridges.map((line) => (
            <li key={line.label}>
              <strong>{line.label}</strong>: {withNames(line.text, names)}
            </li>
          ))}
        </ul>
      )}
      <CastTable cast={host.cast} online={online} />
      <ChatCounts chat={status.chat} />
      <Nights nights={host.nights} names={names} />
    </section>
  );
}

function VoteProgress({ vote, name }: { vote: NonNullable<HostSummary['vote']>; name: (id: string) => string }) {
  if (!vote.open) return <p data-testid="vote-progress">{vote.label}: the vote is not open now.</p>;
  const waiting = vote.eligible.filter((id) => !vote.voted.includes(id));
  return (
    <div data-testid="vote-progress">
      <h3>
        {vote.label}: {vote.voted.length} of {vote.eligible.length} have voted
      </h3>
      <p>
        {vote.voted.length > 0 ? `Voted: ${vote.voted.map(name).join(', ')}.` : 'Nobody has voted yet.'}{' '}
        {waiting.length > 0 && `Still to vote: ${waiting.map(name).join(', ')}.`}
      </p>
    </div>
  );
}

function CastTable({ cast, online }: { cast: HostSummary['cast']; online: ReadonlySet<string> }) {
  return (
    <table className="cast-table" aria-label="The cast">
      <thead>
        <tr>
          <th scope="col">Player</th>
          <th scope="col">In or out</th>
          <th scope="col">Silver</th>
          <th scope="col">Gold</th>
          <th scope="col">Online</th>
        </tr>
      </thead>
      <tbody>
        {cast.map((member) => (
          <tr key={member.playerId} data-player={member.playerId}>
            <th scope="row">{member.name}</th>
            <td>{member.alive ? 'In' : 'Out'}</td>
            <td>{member.silver}</td>
            <td>{member.gold}</td>
            <td data-presence={online.has(member.playerId) ? 'online' : 'away'}>{online.has(member.playerId) ? 'Online' : 'Away'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChatCounts({ chat }: { chat: ChatActivity }) {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    <p data-testid="chat-activity">
      Group chat: {plural(chat.groupMessages, 'message', 'messages')} · DMs: {plural(chat.dmMessages, 'message', 'messages')} in{' '}
      {plural(chat.dmConversations, 'conversation', 'conversations')} · {plural(chat.reactions, 'reaction', 'reactions')}
    </p>
  );
}

function Nights({ nights, names }: { nights: HostSummary['nights']; names: ReadonlyMap<string, string> }) {
  return (
    <>
      <h3>Night results</h3>
      {nights.length === 0 ? (
        <p className="muted">No night has passed yet.</p>
      ) : (
        <ol className="nights" data-testid="nights">
          {nights.map((night) => (
            <li key={night.day}>
              Day {night.day}, {night.label}: {night.out ? `${names.get(night.out) ?? night.out} went out.` : 'nobody went out.'}{' '}
              <span className="muted">{withNames(night.text, names)}</span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

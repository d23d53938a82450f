import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import type { CarriedGoldView } from '../../machines/wallet';
import { socialViews } from './cartridge-views';
import { ErrorNotice } from './ErrorNotice';
import { NudgeButton } from './NudgeButton';
import { usePlayerState } from './player-context';
import { TransferForm } from './TransferForm';

/**
 * The cast: personas, silver (public: it decides immunity and ties), gold, the gold a player's
 * wallet carried into this game (versions with wallets add `carriedGold`), and who is out.
 */
export function CastPanel({ view, live }: { view: PlayerView; live: boolean }) {
  const online = usePlayerState((s) => s.online);
  const nudges = socialViews(view).nudges;
  const canNudge = nudges?.canNudge === true;
  // The top 3 by silver matter in several votes. Ties are broken by the room's seeded draw, which
  // the view does not show, so only a place no tie can change is marked.
  const ranking = view.cast.filter((member) => member.alive).sort((a, b) => b.silver - a.silver);
  // With three or fewer alive everyone is in the top 3, which says nothing.
  const fourth = ranking[3]?.silver;
  const surelyTop3 = new Set(
    fourth === undefined
      ? []
      : ranking
          .slice(0, 3)
          .filter((member) => member.silver > fourth)
          .map((member) => member.playerId),
  );
  return (
    <>
      <h2 className="panel-title">Cast</h2>
      <ul className="cast" aria-label="Cast">
        {view.cast.map((member) => {
          const carried = (member as CarriedGoldView).carriedGold ?? 0;
          return (
            <li key={member.playerId} className={member.alive ? 'alive' : 'out'} data-testid={`cast-${member.playerId}`}>
              <div className="who">
                <span className="name">
                  {member.name}
                  {member.playerId === view.playerId && <span className="muted"> (you)</span>}
                </span>
                {online.includes(member.playerId) && (
                  <span className="online" data-testid="online">
                    ● online
                  </span>
                )}
                {canNudge && member.alive && member.playerId !== view.playerId && (
                  <NudgeButton to={member.playerId} name={member.name} nudged={nudges.sent.includes(member.playerId)} live={live} />
                )}
                {member.bio && <span className="bio">{member.bio}</span>}
              </div>
              <div className="numbers">
                <span className="silver" data-testid="silver">
                  {member.silver} silver
                </span>
                {member.gold > 0 && <span className="gold">{member.gold} gold</span>}
                {carried > 0 && (
                  <span className="gold carried" data-testid="carried-gold">
                    {carried} gold carried in
                  </span>
                )}
                {member.alive ? (
                  surelyTop3.has(member.playerId) && <span className="badge top">Top 3</span>
                ) : (
                  <span className="badge out">Out</span>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <ErrorNotice eventTypes={['nudge.send']} />
      <TransferForm view={view} live={live} />
    </>
  );
}

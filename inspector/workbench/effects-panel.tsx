/** What the simulated actors emitted for the room to do: refusals, chat messages, journal facts. */
import type { EmittedEffect } from './simulation';
import { formatTime } from '../views/format';

function summary({ effect }: EmittedEffect): string {
  switch (effect.type) {
    case 'room.refuse':
      return `${effect.to}: ${effect.code}: ${effect.message}`;
    case 'room.message':
      return `${effect.from} → ${effect.members ? effect.members.join(', ') : 'everyone'} (${effect.channel}): ${effect.text}`;
    case 'room.journal':
      return `${effect.kind} ${JSON.stringify(effect.data)}`;
    case 'room.reaction':
      return `${effect.from} toggles ${effect.emoji} on #${effect.seq} (${effect.channel})`;
  }
}

export function EffectsPanel({ effects }: { effects: readonly EmittedEffect[] }) {
  const newest = [...effects].reverse().slice(0, 200);
  return (
    <section className="panel effects" aria-label="Effects">
      <header className="panel-header">
        <h2>Effects</h2>
        <span className="muted">{effects.length}</span>
      </header>
      {newest.length === 0 ? (
        <p className="muted">Nothing emitted yet.</p>
      ) : (
        <ul className="effects-list">
          {newest.map((e, i) => (
            <li
              key={effects.length - i}
              className={`effect effect-${e.effect.type.replace('room.', '')}`}
              data-effect={e.effect.type}
              data-kind={e.effect.type === 'room.journal' ? e.effect.kind : undefined}
            >
              <span className="mono small muted">
                {formatTime(e.at)} #{e.seq}
              </span>{' '}
              <span className="mono">{e.effect.type.replace('room.', '')}</span> {summary(e)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

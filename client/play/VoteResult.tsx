import type { Ballots, BallotKind, VoteType } from '../../machines/pecking-order/rules/types';
import type { DayResult } from '../../machines/pecking-order/v1/context';
import { withNames } from '../shared/player-names';
import { ballotWords, counted, KIND_ORDER } from './vote-words';

/** A revealed vote: who is out (or who won), why, the tallies and every ballot. */
export function VoteResult({ result, ballots, names }: { result: DayResult; ballots: Ballots | null; names: ReadonlyMap<string, string> }) {
  const name = (id: string) => names.get(id) ?? id;
  const noun = ballotWords(result.type, 'target').noun;
  const tallies = Object.entries(result.tallies).sort((a, b) => b[1] - a[1]);
  return (
    <div className="result" data-testid="vote-result">
      <p className="headline" data-testid="vote-outcome">
        {result.winner ? `${name(result.winner)} wins the finals` : result.out ? `${name(result.out)} is out` : 'Nobody is out'}
      </p>
      <p>{withNames(result.explanation, names)}</p>
      {result.executioner && <p>Executioner: {name(result.executioner)}</p>}
      {result.immune.length > 0 && <p>Safe: {result.immune.map(name).join(', ')}</p>}
      {tallies.length > 0 && (
        <table className="tallies">
          <caption className="sr-only">Tallies</caption>
          <tbody>
            {tallies.map(([id, count]) => (
              <tr key={id}>
                <th scope="row">{name(id)}</th>
                <td>{counted(count, noun)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ballots && Object.keys(ballots).length > 0 && (
        <details>
          <summary>Every ballot ({Object.keys(ballots).length})</summary>
          <ul className="ballots">
            {Object.entries(ballots).map(([voter, ballot]) => (
              <li key={voter}>
                {name(voter)}: {describeBallot(result.type, ballot, name)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function describeBallot(type: VoteType, ballot: Ballots[string], name: (id: string) => string): string {
  return KIND_ORDER.filter((kind): kind is BallotKind => typeof ballot[kind] === 'string')
    .map((kind) => `${ballotWords(type, kind).verb.toLowerCase()} ${name(ballot[kind]!)}`)
    .join(', ');
}

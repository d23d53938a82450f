import type { BallotKind } from '../../machines/pecking-order/rules/types';
import type { PlayerView, VoteView } from '../../machines/pecking-order/v1/projection';
import { ErrorNotice } from './ErrorNotice';
import { useAction } from './use-action';
import { useNames } from './use-names';
import { votedLine } from './today-lines';
import { VoteResult } from './VoteResult';
import { ballotWords, KIND_ORDER, VOTE_NAMES } from './vote-words';

/** Today's vote: the rule, the ballot this player may cast now, who has voted, and the reveal. */
export function VoteCard({ view }: { view: PlayerView }) {
  const vote = view.vote;
  const names = useNames();
  if (!vote) return null;
  const name = (id: string) => names.get(id) ?? id;
  const kinds = KIND_ORDER.filter((kind) => vote.targets[kind] !== undefined);
  const isFinals = vote.type === 'FINALS';
  const voted = votedLine(vote, name);
  return (
    <section className="card vote" aria-labelledby="vote-title" data-testid="vote-card">
      <p className="eyebrow">{isFinals ? 'The finale' : "Today's vote"}</p>
      <h2 id="vote-title">{VOTE_NAMES[vote.type]}</h2>
      {isFinals && !view.me.alive && !vote.result && (
        <p className="notice jury" data-testid="juror-role">
          You are on the jury: the finalists are in your hands. Vote for the one who should win the gold.
        </p>
      )}
      <details className="rule" open={vote.open}>
        <summary>How this vote works</summary>
        <p className="muted">{vote.summary}</p>
      </details>
      {vote.open && vote.type === 'EXECUTIONER' && (
        <p className="step">{vote.step === 'election' ? 'Step 1 of 2: elect the executioner.' : "Step 2 of 2: the executioner's pick."}</p>
      )}
      {vote.executioner && !vote.result && <p>Executioner: {name(vote.executioner)}</p>}
      {vote.open && (
        <>
          {kinds.length === 0 && <p className="notice">{whyNoBallot(view, vote)}</p>}
          {kinds.map((kind) => (
            <BallotChoice key={kind} vote={vote} kind={kind} names={names} />
          ))}
          <ErrorNotice eventTypes={['vote.cast']} />
          {voted && <p data-testid="voted">{voted}</p>}
        </>
      )}
      {!vote.open && vote.result && <VoteResult result={vote.result} ballots={vote.ballots} names={names} />}
      {!vote.open && !vote.result && (
        <p className="muted">
          {vote.type === 'SECOND_TO_LAST'
            ? 'Nobody votes today: silver decides when the vote closes.'
            : 'The vote opens in the voting phase.'}
        </p>
      )}
    </section>
  );
}

function BallotChoice({ vote, kind, names }: { vote: VoteView; kind: BallotKind; names: ReadonlyMap<string, string> }) {
  const action = useAction();
  const words = ballotWords(vote.type, kind);
  const chosen = vote.myBallot?.[kind] ?? null;
  const targets = vote.targets[kind] ?? [];
  return (
    <fieldset className="choices">
      <legend>{words.prompt}</legend>
      <div className="choice-grid">
        {targets.map((id) => (
          <button
            key={id}
            type="button"
            className={chosen === id ? 'choice chosen' : 'choice'}
            aria-pressed={chosen === id}
            disabled={action.status === 'pending'}
            onClick={() => action.run({ type: 'vote.cast', [kind]: id })}
          >
            {words.verb} {names.get(id) ?? id}
            {chosen === id && (
              <span className="tick" aria-hidden="true">
                ✓
              </span>
            )}
          </button>
        ))}
      </div>
      <p className="muted" data-testid={`my-ballot-${kind}`}>
        {chosen ? `Your choice: ${names.get(chosen) ?? chosen}. You can change it until the vote closes.` : 'You have not chosen yet.'}
      </p>
    </fieldset>
  );
}

function whyNoBallot(view: PlayerView, vote: VoteView): string {
  if (vote.type === 'SECOND_TO_LAST') return 'Nobody votes today: the second-poorest player goes.';
  if (vote.type === 'FINALS') {
    return view.me.alive ? 'You are a finalist: the jury of eliminated players picks the winner.' : 'You have no vote in the finals.';
  }
  if (!view.me.alive) return 'You are out: you vote again in the finale, as a juror.';
  if (vote.type === 'PODIUM_SACRIFICE') return 'You are in the top 3: you cannot vote, only hope to be saved.';
  if (vote.type === 'EXECUTIONER' && vote.step === 'ballot') {
    return vote.executioner
      ? 'Only the executioner picks now.'
      : 'Nobody was elected executioner: at the close, the least silver outside the top 3 goes.';
  }
  return 'You have no ballot in this step.';
}

/**
 * pecking-order@2's cartridges of the day, one card each: the prompt (answer A or B) and the
 * dilemma (pledge to the SILVER_GAMBIT, or name a player in the SPOTLIGHT), then their results at
 * the close. An @1 view has no cartridges, and shows none of this.
 */
import type { PlayerView as V1PlayerView } from '../../machines/pecking-order/v1/projection';
import type { CartridgeView, DilemmaView, PlayerView, PromptView } from '../../machines/pecking-order/v2/projection';
import { CARTRIDGE_WORDS } from './cartridge-words';
import { ErrorNotice } from './ErrorNotice';
import { useAction } from './use-action';
import { useNames } from './use-names';

/** The view's cartridges; [] for a version without them. */
export function cartridgesOf(view: V1PlayerView): CartridgeView[] {
  return (view as Partial<PlayerView>).cartridges ?? [];
}

export function CartridgeCards({ view }: { view: V1PlayerView }) {
  return (
    <>
      {cartridgesOf(view).map((cartridge) =>
        cartridge.slot === 'prompt' ? (
          <PromptCard key="prompt" prompt={cartridge} />
        ) : cartridge.slot === 'dilemma' ? (
          <DilemmaCard key="dilemma" dilemma={cartridge} />
        ) : (
          // The social cartridges are played in the Chat and Cast tabs; Today says they are on.
          <SocialCard key={cartridge.slot} name={cartridge.name} open={cartridge.open} />
        ),
      )}
    </>
  );
}

function SocialCard({ name, open }: { name: keyof typeof CARTRIDGE_WORDS; open: boolean }) {
  const words = CARTRIDGE_WORDS[name];
  return (
    <section className="card cartridge" data-testid={`${name.toLowerCase()}-card`}>
      <p className="eyebrow">Today</p>
      <h2>{words.title}</h2>
      <p className="muted">
        {words.summary} {open ? 'Open until night.' : 'Closed now.'}
      </p>
    </section>
  );
}

function PromptCard({ prompt }: { prompt: PromptView }) {
  const action = useAction();
  const names = useNames();
  const words = CARTRIDGE_WORDS[prompt.name];
  const results = prompt.results;
  return (
    <section className="card cartridge" aria-labelledby="prompt-title" data-testid="prompt-card">
      <p className="eyebrow">Today's prompt</p>
      <h2 id="prompt-title">{words.title}</h2>
      <p className="muted">
        {words.summary} ({prompt.reward} silver each; a tie or a unanimous answer pays nobody.)
      </p>
      {!prompt.open && !results && <p className="muted">It opens in the social phase.</p>}
      {prompt.prompt && prompt.name === 'HOT_TAKE' && <p className="headline">“{prompt.prompt.question}”</p>}
      {prompt.prompt && prompt.name === 'WOULD_YOU_RATHER' && <p>Would you rather…</p>}
      {prompt.open && prompt.prompt && (
        <fieldset className="choices">
          <legend>Your answer</legend>
          <div className="choice-grid">
            {(['A', 'B'] as const).map((option) => (
              <button
                key={option}
                type="button"
                className={prompt.myAnswer === option ? 'choice chosen' : 'choice'}
                aria-pressed={prompt.myAnswer === option}
                disabled={!prompt.canAnswer || action.status === 'pending'}
                onClick={() => action.run({ type: 'prompt.answer', option })}
                data-option={option}
              >
                {prompt.prompt!.options[option]}
                {prompt.myAnswer === option && (
                  <span className="tick" aria-hidden="true">
                    ✓
                  </span>
                )}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {prompt.open && (
        <p data-testid="my-answer">
          {prompt.myAnswer
            ? `Your answer: ${prompt.prompt?.options[prompt.myAnswer]}. Nobody sees it before the vote.`
            : 'You have not answered yet.'}
        </p>
      )}
      <ErrorNotice eventTypes={['prompt.answer']} />
      {results && (
        <div className="result" data-testid="prompt-result">
          <p>
            {results.prompt.options.A}: {results.counts.A} · {results.prompt.options.B}: {results.counts.B}
          </p>
          <p className="headline">
            {results.minority
              ? `${results.prompt.options[results.minority]} was the minority: ${results.earners.map((id) => names.get(id) ?? id).join(', ')} +${prompt.reward} each.`
              : 'No minority: nobody earns.'}
          </p>
        </div>
      )}
    </section>
  );
}

function DilemmaCard({ dilemma }: { dilemma: DilemmaView }) {
  const action = useAction();
  const names = useNames();
  const name = (id: string) => names.get(id) ?? id;
  const words = CARTRIDGE_WORDS[dilemma.name];
  const results = dilemma.results;
  return (
    <section className="card cartridge" aria-labelledby="dilemma-title" data-testid="dilemma-card">
      <p className="eyebrow">Today's dilemma</p>
      <h2 id="dilemma-title">{words.title}</h2>
      <p className="muted">
        {dilemma.name === 'SILVER_GAMBIT'
          ? `Pledge ${dilemma.stake} silver in secret. If at least ${dilemma.needed} players pledge, every donor pays and one donor wins the whole pot; otherwise nobody pays.`
          : `Name another player in secret. If everyone who answers names the same player, that player earns ${dilemma.reward} silver.`}
      </p>
      {!dilemma.open && !results && <p className="muted">It opens in the social phase.</p>}
      {dilemma.open && dilemma.name === 'SILVER_GAMBIT' && (
        <p>
          {dilemma.myPledge ? (
            <span data-testid="my-pledge">You pledged {dilemma.stake} silver. Nobody sees it before the vote.</span>
          ) : (
            <button
              type="button"
              disabled={!dilemma.canAct || action.status === 'pending'}
              onClick={() => action.run({ type: 'dilemma.donate' })}
              data-action="donate"
            >
              Pledge {dilemma.stake} silver
            </button>
          )}
        </p>
      )}
      {dilemma.open && dilemma.name === 'SPOTLIGHT' && dilemma.targets.length > 0 && (
        <fieldset className="choices">
          <legend>Name a player</legend>
          <div className="choice-grid">
            {dilemma.targets.map((id) => (
              <button
                key={id}
                type="button"
                className={dilemma.myName === id ? 'choice chosen' : 'choice'}
                aria-pressed={dilemma.myName === id}
                disabled={action.status === 'pending'}
                onClick={() => action.run({ type: 'dilemma.spotlight', target: id })}
              >
                {name(id)}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      <ErrorNotice eventTypes={['dilemma.donate', 'dilemma.spotlight']} />
      {results && (
        <div className="result" data-testid="dilemma-result">
          {results.name === 'SILVER_GAMBIT' ? (
            <p className="headline">
              {results.winner
                ? `${results.donors.length} pledged (${results.needed} needed): ${name(results.winner)} wins the pot of ${results.pot}.`
                : `${results.donors.length} pledged, ${results.needed} needed: the gambit failed and nobody paid.`}
            </p>
          ) : (
            <p className="headline">
              {results.spotlit
                ? `Everyone named ${name(results.spotlit)}: +${dilemma.reward} silver.`
                : `${results.answered} named someone, not all the same player: nobody earns.`}
            </p>
          )}
          {results.name === 'SILVER_GAMBIT' && results.donors.length > 0 && <p>Donors: {results.donors.map(name).join(', ')}</p>}
        </div>
      )}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { loadLobbySecret } from './lobby-secret';
import { lookUpWallet, type WalletLookupResult } from './wallet-lookup';

/**
 * The lobby's wallet look-up: how much gold an identity carries into its next game. A small form of
 * its own inside the cast editor (not a field of the game's form: Enter here looks up, it does not
 * create the game). It reads the lobby secret the page keeps for this tab.
 */
export function WalletLookup() {
  const [userId, setUserId] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<WalletLookupResult | null>(null);

  async function lookUp(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    setResult(await lookUpWallet(loadLobbySecret(), userId.trim()));
    setBusy(false);
  }

  return (
    <div className="wallet-lookup" data-testid="wallet-lookup">
      <div className="field">
        <label htmlFor="wallet-lookup-id">Look up a wallet</label>
        <div className="link-row">
          <input
            id="wallet-lookup-id"
            value={userId}
            maxLength={32}
            autoComplete="off"
            spellCheck={false}
            placeholder="identity, e.g. ana-k"
            onChange={(event) => setUserId(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void lookUp(event);
            }}
          />
          <button type="button" className="secondary small" disabled={busy || !userId.trim()} onClick={() => void lookUp()}>
            {busy ? 'Looking…' : 'Look up'}
          </button>
        </div>
      </div>
      {result && (
        <p role="status" className={result.ok ? 'muted' : 'field-issue'} data-testid="wallet-balance">
          {result.ok
            ? `${result.wallet.userId} holds ${result.wallet.gold} gold` +
              (result.wallet.credits[0]
                ? ` (last credit: ${result.wallet.credits[0].gold} gold, ${new Date(result.wallet.credits[0].at).toLocaleString()}).`
                : ' (no game has paid into this wallet yet).')
            : result.sentence}
        </p>
      )}
    </div>
  );
}

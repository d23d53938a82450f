/**
 * `GET /api/wallets/:userId`: the gold an identity's wallet holds, for the lobby's look-up. A user
 * no game has credited yet has zero gold (docs/protocol.md); failures come back explained.
 */
import { USER_ID_PATTERN, USER_ID_RULE } from '../../machines/wallet';
import { explainError } from '../shared/error-words';

export interface Wallet {
  userId: string;
  gold: number;
  updatedAt: number | null;
  credits: { roomId: string; playerId: string; machine: string; gold: number; at: number }[];
}

export type WalletLookupResult = { ok: true; wallet: Wallet } | { ok: false; sentence: string };

export async function lookUpWallet(secret: string, userId: string): Promise<WalletLookupResult> {
  // Checked here too, so the host hears why before a round trip (the server checks it anyway).
  if (!USER_ID_PATTERN.test(userId)) return { ok: false, sentence: USER_ID_RULE };
  if (!secret.trim()) return { ok: false, sentence: 'Type the lobby secret first: only its holder may look wallets up.' };
  let response: Response;
  try {
    response = await fetch(`/api/wallets/${encodeURIComponent(userId)}`, { headers: { Authorization: `Bearer ${secret}` } });
  } catch {
    return { ok: false, sentence: 'The server could not be reached. Check your connection and try again.' };
  }
  const answer = (await response.json().catch(() => null)) as
    | (Wallet & { error?: undefined })
    | { error?: { code?: string; message?: string } }
    | null;
  if (response.ok && answer && 'gold' in answer) return { ok: true, wallet: answer };
  if (response.status === 401) return { ok: false, sentence: 'The lobby secret was not accepted. Check it and try again.' };
  const error = answer?.error ?? {};
  return { ok: false, sentence: explainError(error.code ?? `HTTP_${response.status}`, error.message).sentence };
}

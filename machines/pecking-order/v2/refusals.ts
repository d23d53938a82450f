/**
 * Why pecking-order@2 refused an event: every code of @1 (same words), and the cartridges' own.
 * Codes are stable: clients switch on them.
 */
import { REFUSALS as V1_REFUSALS, type Refusal } from '../v1/refusals';

export const REFUSALS = {
  ...V1_REFUSALS,
  CARTRIDGE_CLOSED: 'That is not open today, or not now.',
  ALREADY_DONATED: 'You have already pledged your silver to today’s gambit.',
  CONFESSION_LIMIT: 'You have posted all the confessions you may post today.',
  NO_HANDLE: 'Confessions cannot be posted here: this room gives no anonymous handles.',
  WHISPER_LIMIT: 'You have sent all the whispers you may send today.',
  ALREADY_NUDGED: 'You have already nudged that player today.',
} as const;

export type RefusalCode = keyof typeof REFUSALS;

export const REFUSAL_CODES: readonly { code: RefusalCode; meaning: string }[] = Object.entries(REFUSALS).map(([code, meaning]) => ({
  code: code as RefusalCode,
  meaning,
}));

export function refusal(code: RefusalCode, message: string = REFUSALS[code]): Refusal {
  return { code: code as Refusal['code'], message };
}

export { refuseEffect } from '../v1/refusals';

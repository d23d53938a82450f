/**
 * Reading input-history files (protocol/input-history.ts) for a replay on the draft. Never throws:
 * a file that is not a history gets a stable code and a sentence saying what to do.
 */
import { InputHistory } from '../../protocol';

export interface HistoryFileError {
  code: 'HISTORY_NOT_JSON' | 'HISTORY_INVALID';
  message: string;
}

export type ReadHistory = { ok: true; history: InputHistory } | { ok: false; error: HistoryFileError };

export function readHistoryText(text: string, name: string): ReadHistory {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'HISTORY_NOT_JSON',
        message: `${name} is not JSON (${(error as Error).message}): export a history from the live inspector ("Export input history").`,
      },
    };
  }
  const parsed = InputHistory.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`)
      .join('; ');
    return {
      ok: false,
      error: {
        code: 'HISTORY_INVALID',
        message: `${name} is not an input history (${first}): export one from the live inspector ("Export input history").`,
      },
    };
  }
  return { ok: true, history: parsed.data };
}

import { describe, expect, it } from 'vitest';
import { INPUT_HISTORY_FORMAT } from '../../protocol';
import { readHistoryText } from './replay-files';

const history = {
  format: INPUT_HISTORY_FORMAT,
  room: 'r1',
  machine: 'pecking-order@1',
  facts: { roomId: 'r1', createdAt: 0, seed: 's' },
  init: {},
  entries: [{ at: 1, input: { type: 'admin', event: { type: 'admin.advance' } } }],
};

describe('input-history files', () => {
  it('reads a history', () => {
    expect(readHistoryText(JSON.stringify(history), 'r1.json')).toMatchObject({ ok: true, history: { room: 'r1' } });
  });
  it('refuses what is not one with a code and the field at fault', () => {
    expect(readHistoryText('nope', 'a.json')).toMatchObject({ ok: false, error: { code: 'HISTORY_NOT_JSON' } });
    const bad = readHistoryText(JSON.stringify({ ...history, format: 'other@1' }), 'b.json');
    expect(bad).toMatchObject({ ok: false, error: { code: 'HISTORY_INVALID' } });
    expect(!bad.ok && bad.error.message).toContain('format');
  });
});

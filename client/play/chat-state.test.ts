import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../protocol';
import { withReactions } from '../shared/chat-reactions';
import { newMentions } from './player-store';

const message = (seq: number, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  seq,
  channel: 'group',
  members: null,
  from: 'p1',
  text: `m${seq}`,
  at: seq,
  ...extra,
});

describe('the chat state of the player app', () => {
  it('a reactions update replaces what that message had, and touches no other', () => {
    const held = [message(1, { reactions: [{ emoji: '👍', players: ['p2'] }] }), message(2)];
    const next = withReactions(held, [{ seq: 1, reactions: [] }]);
    expect(next[0]!.reactions).toEqual([]);
    expect(next[1]).toBe(held[1]);
  });

  it('a mention notice is for new messages naming me, not my own and not a catch-up of held ones', () => {
    const held = [message(1, { mentions: ['p2'] })];
    const incoming = [
      message(1, { mentions: ['p2'] }),
      message(2, { mentions: ['p2'] }),
      message(3, { from: 'p2', mentions: ['p2'] }),
      message(4, { mentions: ['p3'] }),
    ];
    expect(newMentions(held, incoming, 'p2', 1).map((m) => m.seq)).toEqual([2]);
    expect(newMentions(held, incoming, 'p2', 2)).toEqual([]);
  });
});

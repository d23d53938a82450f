/** The confession booth, whispers and nudges alone, as the workbench simulates them (machines/workbench-entries.ts). */
import { describe, expect, it } from 'vitest';
import { SimulatedRoom } from '../../../../engine/testing/simulated-room';
import { workbenchEntry } from '../../../workbench-entries';

const bench = (slot: string, name: string) =>
  new SimulatedRoom({ version: workbenchEntry(`cartridge-${slot}@2`)!, init: { name, players: ['p1', 'p2', 'p3'], silver: 10 } });

describe('the social cartridges in the workbench', () => {
  it('simulate a confession booth: the entry gives the sender a tag, the post comes under a handle', () => {
    const room = bench('confessions', 'CONFESSIONS');
    expect(workbenchEntry('cartridge-confessions@2')!.senderTags).toEqual(['confession.post']);
    const [message] = room.sendAs('p1', 'confession.post', { text: 'It was me.' });
    expect(message).toMatchObject({ type: 'room.message', kind: 'confession', channel: 'confessions' });
    expect(room.view('p1').cartridge).toMatchObject({ open: true, myHandle: (message as { from: string }).from, left: 2 });
    expect(room.view('p2').cartridge).toMatchObject({ myHandle: null, count: 1 });
    room.admin('admin.close');
    expect(room.view('p2').cartridge).toMatchObject({ open: false, results: { confessions: 1 } });
  });

  it('simulate whispers and nudges', () => {
    const whispers = bench('whispers', 'WHISPERS');
    expect(whispers.sendAs('p1', 'whisper.send', { to: 'p2', text: 'hi' })).toEqual([
      expect.objectContaining({ kind: 'whisper', to: 'p2' }),
    ]);
    const nudges = bench('nudges', 'NUDGES');
    expect(nudges.sendAs('p1', 'nudge.send', { to: 'p3' })).toEqual([]);
    expect(nudges.view('p3').cartridge).toMatchObject({ received: ['p1'] });
    expect(nudges.sendAs('p1', 'nudge.send', { to: 'p3' })).toEqual([expect.objectContaining({ code: 'ALREADY_NUDGED' })]);
  });
});

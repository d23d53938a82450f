/**
 * What a room records of its inputs: enough to replay the game exactly, nothing the machine never saw.
 */
import { describe, expect, it } from 'vitest';
import { InputHistory } from '../protocol';
import { timerLabV1 } from './testing/fixtures/timer-lab';
import { SimulatedRoom } from './testing/simulated-room';

const init = {
  roster: [{ playerId: 'ana' }, { playerId: 'ben' }],
  manifest: { ringAfterMs: 60_000, tickEveryMs: 3_600_000, echoAfterMs: 3_600_000 },
};

describe('the input history', () => {
  it('records accepted inputs and timer deliveries, not rejected inputs or idle time, and parses as the protocol says', () => {
    const room = new SimulatedRoom({ version: timerLabV1, init });
    room.step({ type: 'player', playerId: 'ana', event: { type: 'no.such.event' } });
    room.step({ type: 'player', playerId: 'zed', event: { type: 'lab.start' } });
    room.step({ type: 'time' });
    expect(room.entries).toEqual([]);
    room.sendAs('ana', 'lab.start');
    room.advance();
    expect(room.entries.map((e) => e.input.type)).toEqual(['player', 'time']);
    expect(room.entries[1]!.at).toBe(room.now);
    expect(room.entries.at(-1)!.after).toEqual({ seq: room.stored().seq, value: room.persisted().value });
    const history = InputHistory.parse(JSON.parse(JSON.stringify(room.history())));
    expect(history.machine).toBe('timer-lab@1');
  });

  it('replays to the same stored state when its inputs are given again at their times', () => {
    const original = new SimulatedRoom({ version: timerLabV1, init });
    original.sendAs('ana', 'lab.start');
    original.advance();
    original.sendAs('ben', 'lab.start');
    const copy = new SimulatedRoom({ version: timerLabV1, init, room: original.facts });
    for (const entry of original.history().entries) {
      copy.clock.set(entry.at);
      copy.step(entry.input);
    }
    expect(copy.stored()).toEqual(original.stored());
    expect(copy.entries).toEqual(original.entries);
  });
});

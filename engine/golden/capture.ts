/**
 * `npm run golden:capture`: plays the golden game (golden-game.ts) and writes what the room would
 * store at each golden point to engine/golden/pecking-order@1/<point>.json. Run it once per
 * version, by hand: the files are fixtures that every later build must restore or migrate, so an
 * existing file is never overwritten.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { spotOf } from '../../machines/pecking-order/testing/stepping';
import { GOLDEN_POINTS, goldenRoom, movePlayers, type GoldenEnvelope, type GoldenPoint } from './golden-game';

const dir = 'engine/golden/pecking-order@1';
mkdirSync(dir, { recursive: true });
const room = goldenRoom();
const rng = new Map<string, () => number>();
const taken = new Map<GoldenPoint, GoldenEnvelope>();
const take = (point: GoldenPoint) => {
  if (!taken.has(point)) taken.set(point, { point, init: room.init, facts: room.facts, state: room.stored() });
};

take('pregame');
for (let phase = 0; !room.done && phase < 200; phase++) {
  const { day, spot } = spotOf(room);
  movePlayers(room, rng);
  const messages = room.emitted('room.message');
  if (spot === 'social' && day === 1 && room.persisted().children.activity) take('mid-activity');
  if (spot === 'social' && day === 2 && messages.some((m) => m.members !== null)) take('mid-day-with-dms');
  if ((spot === 'voting' || spot === 'election') && room.persisted().children.vote) take('mid-vote');
  if (spot === 'night') take('night');
  room.advance();
}
if (room.done) take('game-over');

for (const point of GOLDEN_POINTS) {
  const envelope = taken.get(point);
  if (!envelope) throw new Error(`the golden game never reached "${point}"`);
  const file = `${dir}/${point}.json`;
  if (existsSync(file)) {
    console.log(`kept ${file} (golden envelopes are never overwritten)`);
    continue;
  }
  writeFileSync(file, `${JSON.stringify(envelope, null, 2)}\n`);
  console.log(
    `wrote ${file}: seq ${envelope.state.seq}, ${envelope.state.timers.length} timers, ${envelope.state.snapshot.length} bytes of snapshot`,
  );
}

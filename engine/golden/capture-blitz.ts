/**
 * `npm run golden:capture:blitz`: writes the golden envelopes of blitz@1 (blitz-game.ts) to
 * engine/golden/blitz@1/. Run once, by hand; an existing file is never overwritten.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { BLITZ_GOLDEN_DIR, BLITZ_GOLDEN_POINTS, captureBlitzGoldens } from './blitz-game';

mkdirSync(BLITZ_GOLDEN_DIR, { recursive: true });
const taken = captureBlitzGoldens();
for (const point of BLITZ_GOLDEN_POINTS) {
  const envelope = taken.get(point);
  if (!envelope) throw new Error(`the golden blitz game never reached "${point}"`);
  const file = `${BLITZ_GOLDEN_DIR}/${point}.json`;
  if (existsSync(file)) {
    console.log(`kept ${file} (golden envelopes are never overwritten)`);
    continue;
  }
  writeFileSync(file, `${JSON.stringify(envelope, null, 2)}\n`);
  console.log(`wrote ${file}: seq ${envelope.state.seq}, ${envelope.state.timers.length} timers`);
}

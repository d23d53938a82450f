import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chartOf } from '../../machines/chart/chart-export';
import { makeBundle } from '../../machines/chart/version-bundle';
import { makeInit } from '../../machines/pecking-order/testing/fixtures';
import { playGame } from '../../machines/pecking-order/testing/play';
import { gameMachine, peckingOrderV1 } from '../../machines/pecking-order/v1';
import { SimulatedRoom } from '../testing/simulated-room';
import { main } from './replay';

const dir = mkdtempSync(join(tmpdir(), 'replay-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function historyFile(roomId: string, players: number): string {
  const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(players, { preset: 'FAST' }), room: { roomId, seed: roomId } });
  playGame(
    room,
    room.init.roster.map((p: { playerId: string }) => p.playerId),
    { botSeed: roomId },
  );
  const file = join(dir, `${roomId}.history.json`);
  writeFileSync(file, JSON.stringify(room.history()));
  return file;
}

function write(name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

const histories = [historyFile('room-a', 4), historyFile('room-b', 6)];
const sameChart = write('same.chart.json', chartOf(gameMachine));
const closedChat = JSON.parse(JSON.stringify(chartOf(gameMachine)));
closedChat.states.pregame.on['chat.post'] = { actions: { type: 'refuseWith', params: { code: 'CHAT_CLOSED' } } };
const closedChart = write('closed.chart.json', closedChat);

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out, err };
}

describe('npm run replay', () => {
  it('finds an unchanged chart the same on every room, and exits 0', () => {
    const { code, out, err } = run([sameChart, ...histories]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^\| room +\| entries \| result +\| input +\| state before +\| state after +\|$/);
    expect(
      out.slice(2).map((l) =>
        l
          .split('|')
          .map((c) => c.trim())
          .slice(1, 4),
      ),
    ).toEqual([
      ['room-a', expect.stringMatching(/^\d+$/), 'same'],
      ['room-b', expect.stringMatching(/^\d+$/), 'same'],
    ]);
  });

  it('reports where a draft diverges (entry, input, both sides), exits 0, and 1 with --strict', () => {
    const bundle = write('closed.bundle.json', makeBundle(peckingOrderV1, closedChat));
    for (const draft of [closedChart, bundle]) {
      const { code, out } = run([draft, ...histories]);
      expect(code).toBe(0);
      const row = out[2]!.split('|').map((c) => c.trim());
      expect(row[1]).toBe('room-a');
      expect(row[3]).toMatch(/^diverged at \d+: the refusals differ: none in the original, CHAT_CLOSED to p\d in the draft$/);
      expect(row[4]).toMatch(/^p\d: chat\.post$/);
      expect(row[5]).toBe('pregame.scheduled');
    }
    expect(run(['--strict', closedChart, ...histories]).code).toBe(1);
    expect(run(['--strict', sameChart, ...histories]).code).toBe(0);
  });

  it('refuses a draft that does not fit the base, naming the state, and unreadable arguments (exit 2)', () => {
    const typo = JSON.parse(JSON.stringify(closedChat));
    typo.states.pregame.on['chat.post'] = { actions: 'refuseWit' };
    const { code, err } = run([write('typo.chart.json', typo), histories[0]!]);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('State "game.pregame" on "chat.post" runs the action "refuseWit"');
    expect(run([sameChart]).code).toBe(2);
    expect(run([write('nothing.json', { hello: 1 }), histories[0]!]).code).toBe(2);
  });

  it('runs as the npm script', () => {
    const result = spawnSync('npm', ['run', '--silent', 'replay', '--', '--strict', closedChart, histories[0]!], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain('| room-a ');
    expect(result.stdout).toContain('diverged at');
  }, 60_000);
});

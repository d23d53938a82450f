/**
 * blitz@1 in a real browser against the whole system (wrangler dev, see global-setup.ts): a host
 * picks Blitz in the lobby's game-mode picker, five phones play it in the same player app, the
 * players cast their ballots in the browser, and the host advances every step (ADMIN scheduling
 * keeps it deterministic) to the final, where the jury crowns the winner.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { DESKTOP, PHONE as PHONE_2X, see } from './page-helpers';

/** Five phones at once: drawn at 1× to keep Chromium light. */
const PHONE = { ...PHONE_2X, deviceScaleFactor: 1 };
const NAMES = ['Ana', 'Bo', 'Cy', 'Dee', 'Eli'];

let browser: Browser;
const baseUrl = inject('baseUrl');
const lobbySecret = inject('lobbySecret');

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface Player {
  name: string;
  page: Page;
  context: BrowserContext;
  errors: string[];
}

async function openAsPlayer(name: string, invite: string): Promise<Player> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(invite);
  await page.getByRole('status', { name: 'Connection: Live' }).waitFor({ timeout: 10_000 });
  return { name, page, context, errors };
}

async function vote(player: Player, button: string): Promise<void> {
  await player.page.getByRole('tab', { name: 'Today' }).click();
  await player.page.getByRole('button', { name: button, exact: true }).click();
  await see(player.page.getByTestId('my-ballot-target'), `Your choice: ${button.split(' ').at(-1)}.`);
}

describe('blitz@1 in the browser', () => {
  it('is created in the lobby by picking Blitz, and played on five phones to a winner the jury crowns', async () => {
    const lobbyContext = await browser.newContext(DESKTOP);
    const lobby = await lobbyContext.newPage();
    await lobby.goto(`${baseUrl}/`);
    await lobby.getByLabel('Lobby secret').fill(lobbySecret);
    // The picker offers every mode; the lobby starts on the API's default, a day-plan game.
    const picker = lobby.getByTestId('mode-picker');
    await see(picker, 'Blitz (blitz@1, 5–12 players)');
    await see(picker, 'pecking-order@1');
    expect(await lobby.getByLabel(/^Blitz/).isChecked()).toBe(false);
    expect(await lobby.getByTestId('preset-manifest').count()).toBe(0);
    await lobby.getByLabel(/^Blitz/).check();
    // Blitz's own editor: its presets for this cast with their lengths, no day plan.
    await see(lobby.getByTestId('preset-description'), 'With 5 players the game lasts 21 minutes.');
    expect(await lobby.getByLabel('Length (preset)').inputValue()).toBe('SPRINT');
    expect(await lobby.locator('#field-preset option[value="MARATHON"]').isDisabled()).toBe(true);
    expect(await lobby.getByLabel('Day 1 vote').count()).toBe(0);
    for (const [i, name] of NAMES.entries()) await lobby.getByLabel(`Player ${i + 1} name`).fill(name);
    await lobby.getByLabel(/The host \(ADMIN\)/).check();
    await lobby.getByRole('button', { name: 'Create the game' }).click();
    const links = lobby.getByTestId('invite-link');
    await links.first().waitFor();
    const invites = await Promise.all((await links.all()).map((link) => link.inputValue()));
    expect(invites).toHaveLength(5);
    await see(lobby.getByTestId('game-start'), 'The game starts when you advance it from the host view.');
    const host = await lobbyContext.newPage();
    await host.goto(await lobby.getByTestId('host-link').inputValue());
    await see(host.getByTestId('dashboard-stage'), 'Before round 1');

    const players = await Promise.all(NAMES.map((name, i) => openAsPlayer(name, invites[i]!)));
    const [ana, bo, cy, dee, eli] = players as [Player, Player, Player, Player, Player];
    for (const player of players) {
      await see(player.page.getByTestId('day'), 'A 4-round game');
      await see(player.page.getByTestId('phase-hint'), 'DMs and silver open on round 1.');
    }

    const advance = async (phase: string, day: string) => {
      await host.getByRole('button', { name: 'Advance to the next phase' }).click();
      for (const player of players) {
        await see(player.page.getByTestId('phase'), phase);
        await see(player.page.getByTestId('day'), day);
      }
    };
    /** A round: chat, the vote with these ballots, the reveal of who is out. */
    const round = async (n: number, ballots: [Player, string][], out: string) => {
      await advance('Social', `Round ${n} of 4`);
      await advance('Voting', `Round ${n} of 4`);
      for (const [player, target] of ballots) await vote(player, `Vote out ${target}`);
      await see(ana.page.getByTestId('voted'), `Voted so far (${ballots.length})`);
      await see(host.getByTestId('dashboard-stage'), `Round ${n} · Voting`);
      await advance('Results', `Round ${n} of 4`);
      for (const player of players) await see(player.page.getByTestId('vote-outcome'), `${out} is out`);
    };

    await round(
      1,
      [
        [ana, 'Eli'],
        [bo, 'Eli'],
        [cy, 'Eli'],
        [dee, 'Eli'],
        [eli, 'Ana'],
      ],
      'Eli',
    );
    await see(eli.page.getByTestId('me'), 'Out · jury');
    await see(host.getByTestId('nights'), 'Round 1, Majority vote: Eli went out.');
    await round(
      2,
      [
        [ana, 'Dee'],
        [bo, 'Dee'],
        [cy, 'Dee'],
        [dee, 'Ana'],
      ],
      'Dee',
    );
    await round(
      3,
      [
        [ana, 'Cy'],
        [bo, 'Cy'],
        [cy, 'Ana'],
      ],
      'Cy',
    );

    // The final: the jury (Eli, Dee, Cy) crowns Ana or Bo; the finalists cannot vote.
    await advance('Social', 'Round 4 of 4');
    await advance('Voting', 'Round 4 of 4');
    await see(host.getByTestId('dashboard-stage'), 'Final · Voting');
    await see(ana.page.getByTestId('vote-card'), 'You are a finalist: the jury of eliminated players picks the winner.');
    for (const [juror, finalist] of [
      [eli, 'Ana'],
      [dee, 'Ana'],
      [cy, 'Bo'],
    ] as const) {
      await juror.page.getByRole('tab', { name: 'Today' }).click();
      await juror.page.getByRole('button', { name: `Crown ${finalist}`, exact: true }).click();
    }
    await see(eli.page.getByTestId('voted'), 'Voted so far (3)');
    await advance('Results', 'Round 4 of 4');
    await host.getByRole('button', { name: 'Advance to the next phase' }).click();
    for (const player of players) {
      await see(player.page.getByTestId('phase'), 'Game over');
      await see(player.page.getByTestId('winner'), 'Ana wins 30 gold');
    }
    await see(host.getByTestId('dashboard-stage'), 'Game over');
    await see(host.getByTestId('status'), 'Finished');

    for (const player of players) expect(player.errors).toEqual([]);
    await Promise.all([lobbyContext.close(), ...players.map((player) => player.context.close())]);
  });

  it('counts down to round 1 of a clock-run blitz game, and the phone counts down to it', async () => {
    const context = await browser.newContext(DESKTOP);
    const lobby = await context.newPage();
    await lobby.goto(`${baseUrl}/`);
    await lobby.getByLabel('Lobby secret').fill(lobbySecret);
    await lobby.getByLabel(/^Blitz/).check();
    for (const [i, name] of NAMES.entries()) await lobby.getByLabel(`Player ${i + 1} name`).fill(name);
    await lobby.getByRole('button', { name: 'Create the game' }).click();
    // Round 1 starts two minutes after creation (every preset's pregame).
    await see(lobby.getByTestId('game-start'), 'Round 1 starts');
    await see(lobby.getByTestId('start-countdown'), /^in [12]:\d\d$/);
    const invite = await lobby.getByTestId('invite-link').first().inputValue();
    const ana = await openAsPlayer('Ana', invite);
    await see(ana.page.getByTestId('day'), 'A 4-round game');
    await see(ana.page.getByTestId('countdown'), /^[12]:\d\d left$/);
    expect(ana.errors).toEqual([]);
    await Promise.all([context.close(), ana.context.close()]);
  });
});

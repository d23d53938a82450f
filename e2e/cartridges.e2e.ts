/**
 * pecking-order@2 in a real browser: the lobby creates an @2 game by default, with the day's prompt
 * and dilemma named in the day plan; three phones answer a WOULD_YOU_RATHER and pledge to a
 * SILVER_GAMBIT, see only their own answers until the vote opens, then everyone sees the results
 * and the silver moved; the game goes on to a winner.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { SHOTS } from './screenshots';
import { DESKTOP, PHONE, see } from './page-helpers';

const CAST = ['Ana', 'Bo', 'Cy'];

let browser: Browser;
const baseUrl = inject('baseUrl');
const lobbySecret = inject('lobbySecret');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
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

const today = (player: Player) => player.page.getByRole('tab', { name: 'Today' }).click();

describe('pecking-order@2 in a real browser', () => {
  it('plays a 3-player game with a prompt and a silver gambit answered on the phones', async () => {
    const lobbyContext = await browser.newContext(DESKTOP);
    const lobby = await lobbyContext.newPage();
    await lobby.goto(`${baseUrl}/`);
    await lobby.getByLabel('Lobby secret').fill(lobbySecret);
    await lobby.getByRole('button', { name: 'Remove player 5' }).click();
    await lobby.getByRole('button', { name: 'Remove player 4' }).click();
    for (const [i, name] of CAST.entries()) await lobby.getByLabel(`Player ${i + 1} name`).fill(name);
    await lobby.getByRole('button', { name: 'Use the default plan for 3 players' }).click();
    // The default plan names day 1's cartridges; the host may change them.
    expect(await lobby.getByLabel('Day 1 prompt').inputValue()).toBe('WOULD_YOU_RATHER');
    expect(await lobby.getByLabel('Day 1 dilemma').inputValue()).toBe('SILVER_GAMBIT');
    expect(await lobby.getByLabel('Day 2 prompt').inputValue()).toBe('');
    await lobby.getByLabel('Day 1 player pick activity').uncheck();
    await lobby.getByLabel('Pace (preset)').selectOption('TEST');
    await lobby.getByLabel(/The host \(ADMIN\)/).check();
    await lobby.getByRole('button', { name: 'Create the game' }).click();
    const links = lobby.getByTestId('invite-link');
    await links.first().waitFor();
    const invites = await Promise.all((await links.all()).map((link) => link.inputValue()));
    const hostLink = await lobby.getByTestId('host-link').inputValue();
    const roomId = new URLSearchParams(hostLink.split('#')[1]).get('room')!;
    const host = await lobbyContext.newPage();
    await host.goto(hostLink);
    await see(host.getByTestId('status'), 'Running');
    const status: { machine?: string } = await lobby.evaluate(
      async ([room, secret]) =>
        (await fetch(`/parties/game-server/${room}/status`, { headers: { Authorization: `Bearer ${secret}` } })).json(),
      [roomId, lobbySecret] as const,
    );
    expect(status.machine).toBe('pecking-order@2');

    const players = await Promise.all(CAST.map((name, i) => openAsPlayer(name, invites[i]!)));
    const [ana, bo, cy] = players as [Player, Player, Player];
    const advance = async (phase: string) => {
      await host.getByRole('button', { name: 'Advance to the next phase' }).click();
      for (const player of players) await see(player.page.getByTestId('phase'), phase);
    };

    await advance('Morning');
    await today(ana);
    await see(ana.page.getByTestId('prompt-card'), 'It opens in the social phase.');
    await advance('Social');

    // The prompt: Ana alone picks A, so A is the minority.
    for (const [player, option] of [
      [ana, 'A'],
      [bo, 'B'],
      [cy, 'B'],
    ] as const) {
      await today(player);
      const card = player.page.getByTestId('prompt-card');
      await card.locator(`[data-option="${option}"]`).click();
      await card.locator(`[data-option="${option}"][aria-pressed="true"]`).waitFor({ timeout: 10_000 });
      await see(player.page.getByTestId('my-answer'), 'Your answer:');
    }
    // The gambit: Ana and Bo pledge; two of three is enough.
    for (const player of [ana, bo]) {
      await player.page.getByRole('button', { name: 'Pledge 10 silver' }).click();
      await see(player.page.getByTestId('my-pledge'), 'You pledged 10 silver.');
    }
    // Secrets stay secret: Cy sees neither the answers nor the pledges of the others.
    expect(await cy.page.getByRole('button', { name: 'Pledge 10 silver' }).isVisible()).toBe(true);
    expect(await cy.page.getByTestId('prompt-result').count()).toBe(0);
    for (const player of players) await see(player.page.getByTestId('my-silver'), '50 silver');
    await ana.page.screenshot({ path: `${SHOTS}/cartridges-open.png`, fullPage: true, animations: 'disabled' });

    await advance('Voting');
    for (const player of players) {
      await see(player.page.getByTestId('prompt-result'), 'was the minority: Ana +5 each.');
      await see(player.page.getByTestId('dilemma-result'), /2 pledged \(2 needed\): (Ana|Bo) wins the pot of 20\./);
    }
    const result = await see(cy.page.getByTestId('dilemma-result'), 'wins the pot');
    const winner = /: (Ana|Bo) wins/.exec(result)![1];
    // Ana: +5 for the minority, −10 pledged, +20 if she won; Bo: −10, +20 if he won; Cy unchanged.
    await see(ana.page.getByTestId('my-silver'), `${50 + 5 - 10 + (winner === 'Ana' ? 20 : 0)} silver`);
    await see(bo.page.getByTestId('my-silver'), `${50 - 10 + (winner === 'Bo' ? 20 : 0)} silver`);
    await see(cy.page.getByTestId('my-silver'), '50 silver');
    await today(cy);
    await cy.page.screenshot({ path: `${SHOTS}/cartridges-results.png`, fullPage: true, animations: 'disabled' });

    // On to the end: Cy goes out, and crowns Ana as the jury.
    for (const [player, target] of [
      [ana, 'Cy'],
      [bo, 'Cy'],
      [cy, 'Ana'],
    ] as const) {
      await today(player);
      await player.page.getByRole('button', { name: `Vote out ${target}`, exact: true }).click();
      await player.page.getByRole('button', { name: `Vote out ${target}`, exact: true, pressed: true }).waitFor({ timeout: 10_000 });
    }
    await advance('Results');
    await see(ana.page.getByTestId('vote-outcome'), 'Cy is out');
    await advance('Night');
    await advance('Morning');
    await advance('Social');
    expect(await ana.page.getByTestId('prompt-card').count()).toBe(0);
    await advance('Voting');
    await today(cy);
    await cy.page.getByRole('button', { name: 'Crown Ana', exact: true }).click();
    await cy.page.getByRole('button', { name: 'Crown Ana', exact: true, pressed: true }).waitFor({ timeout: 10_000 });
    await advance('Results');
    await host.getByRole('button', { name: 'Advance to the next phase' }).click();
    for (const player of players) await see(player.page.getByTestId('winner'), 'Ana wins');

    for (const player of players) expect(player.errors).toEqual([]);
    await Promise.all([lobbyContext.close(), ...players.map((player) => player.context.close())]);
  });
});

/**
 * Gold that follows a player, in a real browser against the whole system (wrangler dev, D1): a host
 * creates a pecking-order@2 game in the lobby with an identity per cast member, advances it from
 * the host view to game over, sees the winner's gold in the lobby's wallet look-up once the room has
 * credited it, creates the next game with the same identities, and the player app's cast shows the
 * gold the winner carried in.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { DESKTOP, PHONE, see } from './page-helpers';

// Fresh identities each run, so the wallets start empty whatever the database holds.
const RUN = randomBytes(3).toString('hex');
const CAST = ['Ana', 'Bo', 'Cy'].map((name) => ({ name, userId: `${name.toLowerCase()}-${RUN}` }));

let browser: Browser;
const baseUrl = inject('baseUrl');
const lobbySecret = inject('lobbySecret');

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function createGame(lobby: Page): Promise<{ invites: string[]; hostLink: string }> {
  await lobby.getByRole('button', { name: 'Create the game' }).click();
  const links = lobby.getByTestId('invite-link');
  await links.first().waitFor();
  const invites = await Promise.all((await links.all()).map((link) => link.inputValue()));
  return { invites, hostLink: await lobby.getByTestId('host-link').inputValue() };
}

async function lookUp(lobby: Page, userId: string): Promise<string> {
  await lobby.getByLabel('Look up a wallet').fill(userId);
  await lobby.getByRole('button', { name: 'Look up' }).click();
  await see(lobby.getByTestId('wallet-balance'), userId);
  return (await lobby.getByTestId('wallet-balance').textContent()) ?? '';
}

describe('gold that follows a player (wallets)', () => {
  it('the winner’s gold reaches their wallet and shows in the next game’s cast', async () => {
    const lobbyContext = await browser.newContext(DESKTOP);
    const lobby = await lobbyContext.newPage();
    const errors: string[] = [];
    lobby.on('pageerror', (error) => errors.push(error.message));
    await lobby.goto(`${baseUrl}/`);
    await lobby.getByLabel('Lobby secret').fill(lobbySecret);
    await lobby.locator('input[name="machine"][value="pecking-order@2"]').check();
    await lobby.getByRole('button', { name: 'Remove player 5' }).click();
    await lobby.getByRole('button', { name: 'Remove player 4' }).click();

    // A malformed identity is refused beside its field, and nothing is created.
    for (const [i, member] of CAST.entries()) {
      await lobby.getByLabel(`Player ${i + 1} name`).fill(member.name);
      await lobby.getByLabel(`Player ${i + 1} identity (optional)`).fill(i === 2 ? 'Not A Slug' : member.userId);
    }
    await lobby.getByLabel('Pace (preset)').selectOption('TEST');
    await lobby.getByLabel(/The host \(ADMIN\)/).check();
    await lobby.getByRole('button', { name: 'Create the game' }).click();
    await see(lobby.getByTestId('lobby-failure'), 'An identity is not valid');
    await see(lobby.locator('#issue-cast-2-userId'), 'short slug');
    await lobby.getByLabel('Player 3 identity (optional)').fill(CAST[2]!.userId);

    // Every wallet is empty before the first game.
    expect(await lookUp(lobby, CAST[0]!.userId)).toContain('holds 0 gold');

    const first = await createGame(lobby);
    expect(first.invites).toHaveLength(3);

    // The host advances the game to its end; nobody votes, so the rules decide the winner.
    const host = await lobbyContext.newPage();
    await host.goto(first.hostLink);
    await see(host.getByTestId('status'), 'Running');
    const advance = host.getByRole('button', { name: 'Advance to the next phase' });
    // Each click waits for the last one's answer (the button is off while one is on its way).
    const until = Date.now() + 60_000;
    while (!(await host.getByTestId('status').textContent())?.includes('Finished') && Date.now() < until) {
      if (await advance.isEnabled()) await advance.click({ timeout: 2_000 }).catch(() => undefined);
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await see(host.getByTestId('status'), 'Finished');

    // The winner and their gold, as a player sees them.
    const phoneContext = await browser.newContext(PHONE);
    const phone = await phoneContext.newPage();
    phone.on('pageerror', (error) => errors.push(error.message));
    await phone.goto(first.invites[0]!);
    const headline = await see(phone.getByTestId('winner'), /wins \d+ gold/);
    const [, winnerName, goldText] = /^(\w+) wins (\d+) gold/.exec(headline.trim())!;
    const gold = Number(goldText);
    expect(gold).toBeGreaterThan(0);
    const winnerIndex = CAST.findIndex((member) => member.name === winnerName);
    const winner = CAST[winnerIndex]!;

    // The room credits the wallet through its outbox (a task due at once): the look-up shows it.
    await lobby.getByRole('button', { name: 'Create another game' }).click();
    const deadline = Date.now() + 20_000;
    let balance = '';
    while (!(balance = await lookUp(lobby, winner.userId)).includes(`holds ${gold} gold`) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(balance).toContain(`${winner.userId} holds ${gold} gold (last credit: ${gold} gold`);
    for (const other of CAST.filter((member) => member !== winner)) expect(await lookUp(lobby, other.userId)).toContain('holds 0 gold');

    // The next game, same identities: the form kept them.
    expect(await lobby.getByLabel(`Player ${winnerIndex + 1} identity (optional)`).inputValue()).toBe(winner.userId);
    const next = await createGame(lobby);
    // Another player's phone (a fresh page: the app takes its room from the first address it loads).
    const nextPhone = await phoneContext.newPage();
    nextPhone.on('pageerror', (error) => errors.push(error.message));
    await nextPhone.goto(next.invites[(winnerIndex + 1) % 3]!);
    await nextPhone.getByRole('tab', { name: 'Cast' }).click();
    await see(nextPhone.getByTestId(`cast-p${winnerIndex + 1}`).getByTestId('carried-gold'), `${gold} gold carried in`);
    for (const [i] of CAST.entries()) {
      if (i !== winnerIndex)
        expect(
          await nextPhone
            .getByTestId(`cast-p${i + 1}`)
            .getByTestId('carried-gold')
            .count(),
        ).toBe(0);
    }
    expect(errors).toEqual([]);
    await Promise.all([lobbyContext.close(), phoneContext.close()]);
  });
});

import { inject, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';

describe('the browser test harness', () => {
  it('serves the system on wrangler dev and drives Debian Chromium against it', async () => {
    const baseUrl = inject('baseUrl');
    const api = await fetch(`${baseUrl}/api/games`, { method: 'POST', body: '{}' });
    expect(api.status).toBe(401);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const response = await page.goto(`${baseUrl}/parties/game-server/nowhere/status`);
      expect(response?.status()).toBe(401);
      expect(await page.textContent('body')).toContain('UNAUTHORIZED');
    } finally {
      await browser.close();
    }
  });
});

/**
 * What every browser test does the same way: the devices it opens pages as, and waiting until a
 * locator's text says something (polled, because the app renders frames as they arrive).
 */
import type { Locator } from 'playwright-core';

/** A phone, as players hold the app. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** A desktop browser, as hosts and designers use the lobby, the host view and the inspector. */
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

/**
 * Waits until the first element of `locator` contains `expected` (or matches it) and answers its
 * text; fails with what it read instead after `timeout` ms.
 */
export async function see(locator: Locator, expected: string | RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let text = '';
  for (;;) {
    text =
      (await locator
        .first()
        .textContent({ timeout: 1_000 })
        .catch(() => null)) ?? '';
    if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`Expected ${expected} in ${locator}; it reads "${text}"`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

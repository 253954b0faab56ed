// Small steps a person takes in the browser, shared by the e2e tests.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotDir } from './stack';

export const PASSWORD = 'correct horse battery staple';

/** Waits until the app has asked the API whether there is a session. */
export async function sessionSettled(page: Page, status: 'signedIn' | 'signedOut'): Promise<void> {
  await page.waitForSelector(`html[data-session="${status}"]`, { state: 'attached' });
}

export async function signUpThroughForm(
  page: Page,
  person: { name: string; email: string; password?: string },
): Promise<void> {
  await page.getByLabel('Name', { exact: true }).fill(person.name);
  await page.getByLabel('Email', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password ?? PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await sessionSettled(page, 'signedIn');
}

export async function signInThroughForm(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await sessionSettled(page, 'signedIn');
}

export async function screenshot(
  page: Page,
  name: string,
  options: { toasts?: boolean; fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  // Pictures of the page itself: passing notifications are hidden unless asked for.
  const style = options.toasts
    ? null
    : await page.addStyleTag({ content: '[data-sonner-toaster]{visibility:hidden!important}' });
  const fullPage = options.fullPage ?? true;
  // From the top, so the sticky header is pictured where it belongs.
  if (fullPage) {
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0),
    );
  }
  await page.waitForTimeout(150);
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  await style?.evaluate((element) => element.remove());
  return path;
}

/** The JavaScript a first visit to the current URL downloads, compressed and not. */
export async function javascriptWeight(
  page: Page,
): Promise<{ files: number; transferred: number; decoded: number }> {
  return page.evaluate(() => {
    // Runs in the page (this file is type-checked without the DOM library).
    type Timing = { name: string; encodedBodySize: number; decodedBodySize: number };
    const entries = performance.getEntriesByType('resource') as unknown as Timing[];
    const scripts = entries.filter((entry) => entry.name.endsWith('.js'));
    return {
      files: scripts.length,
      transferred: scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
      decoded: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
    };
  });
}

/** True when nothing sticks out sideways (the page fits the viewport's width). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const { documentElement: root } = (
      globalThis as unknown as {
        document: { documentElement: { scrollWidth: number; clientWidth: number } };
      }
    ).document;
    return root.scrollWidth <= root.clientWidth;
  });
}

/** `expect.poll` with room for a real browser and server (vitest's default is 1 s). */
export function until<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}

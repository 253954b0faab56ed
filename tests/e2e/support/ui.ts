// Small steps a person takes in the browser, shared by the e2e tests.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { screenshotDir, type Stack } from './stack';

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

/** A fresh browser profile and a page in it, with time for a real browser and server. */
export async function freshPage(stack: Stack): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stack.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/** A fresh browser profile with a page signed in through the form. */
export async function signedInPage(
  stack: Stack,
  email: string,
  password = PASSWORD,
): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await freshPage(stack);
  await page.goto('/sign-in');
  await sessionSettled(page, 'signedOut');
  await signInThroughForm(page, email, password);
  return { context, page };
}

/**
 * A failed test leaves a picture of each page in test-results/ (git-ignored):
 * `<prefix>-<test name>-<key>.png`, or `<prefix>-<test name>.png` for the key ''.
 */
export function screenshotsOnFailure(
  prefix: string,
  pages: () => Record<string, Page | undefined>,
): void {
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    for (const [key, page] of Object.entries(pages())) {
      const path = `test-results/${prefix}-${name}${key ? `-${key}` : ''}.png`;
      await page?.screenshot({ path, fullPage: true });
    }
  });
}

/** A datetime-local value some days ago, in the browser's zone (Europe/London). */
export function daysAgo(days: number): string {
  const date = new Date(Date.now() - days * 86_400_000 - 3_600_000);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
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

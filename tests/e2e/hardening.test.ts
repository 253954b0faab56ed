// Fixes from the outside review (issue 9), each checked in a real browser
// against the production web build: redirects after sign-in stay on this
// origin, every page carries security headers and meets no CSP violation, a
// typed due date is saved once and whole, and a new project shows its
// progress in the portfolio without a reload.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, uniqueEmail, type ApiClient } from '../support/api-client';
import { watchCsp, type CspWatch } from './support/csp';
import { startStack, type Stack } from './support/stack';
import {
  screenshotsOnFailure,
  sessionSettled,
  signInThroughForm,
  signUpThroughForm,
  until,
} from './support/ui';

let stack: Stack;
let context: BrowserContext;
let page: Page;
let csp: CspWatch;
let ownerApi: ApiClient;
let ownerEmail = '';
let slug = '';
let projectId = '';

beforeAll(async () => {
  stack = await startStack();
  const owner = await signUp(stack.apiUrl, { name: 'Hana Hardening' });
  ownerApi = owner.client;
  ownerEmail = owner.user.email;
  const workspace = await ownerApi.ok('workspace.create', {
    name: 'Hardening',
  });
  slug = workspace.slug;
  const project = await ownerApi.ok('project.create', {
    workspaceId: workspace.id,
    name: 'Existing project',
  });
  projectId = project.id;
  // US English, so a date is typed month first, as in the report.
  context = await stack.newContext({ locale: 'en-US' });
  context.setDefaultTimeout(15_000);
  csp = await watchCsp(context);
  page = await context.newPage();
});

screenshotsOnFailure('hardening', () => ({ '': page }));

afterAll(async () => {
  await stack?.stop();
});

/** A fresh browser whose requests to evil.example are answered by a stub page. */
async function browserWithEvilSite(): Promise<BrowserContext> {
  const fresh = await stack.newContext();
  fresh.setDefaultTimeout(15_000);
  await fresh.route(
    (url) => url.hostname === 'evil.example',
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>evil</h1>' }),
  );
  return fresh;
}

/** Waits until the page has left the auth pages (to the app or elsewhere), then returns its URL. */
async function landing(target: Page): Promise<URL> {
  const web = new URL(stack.webUrl);
  await until(() => {
    const url = new URL(target.url());
    return url.host !== web.host || !['/', '/sign-in', '/sign-up'].includes(url.pathname);
  }).toBe(true);
  return new URL(target.url());
}

describe('[e2e][auth] redirect after sign-in', () => {
  it.each([
    ['sign-in with a tab', '/sign-in?next=%2F%09%2Fevil.example%2F'],
    ['sign-in with a newline', '/sign-in?next=%2F%0A%2Fevil.example%2F'],
    ['sign-in with a backslash', '/sign-in?next=%2F%5Cevil.example'],
  ])('%s stays on the app', async (_name, path) => {
    const fresh = await browserWithEvilSite();
    const visitor = await fresh.newPage();
    await visitor.goto(path);
    await sessionSettled(visitor, 'signedOut');
    await signInThroughForm(visitor, ownerEmail);
    const url = await landing(visitor);
    expect(url.origin).toBe(stack.webUrl);
    expect(url.pathname).toBe(`/w/${slug}`);

    // Signed in already (the back button): the same target is refused too.
    await visitor.goto(path.replace('%09', '%0D'));
    const again = await landing(visitor);
    expect(again.origin).toBe(stack.webUrl);
    await fresh.close();
  });

  it('sign-up with a tab in next stays on the app', async () => {
    const fresh = await browserWithEvilSite();
    const visitor = await fresh.newPage();
    await visitor.goto('/sign-up?next=%2F%09%2Fevil.example%2F');
    await sessionSettled(visitor, 'signedOut');
    await signUpThroughForm(visitor, { name: 'New Person', email: uniqueEmail('newbie') });
    const url = await landing(visitor);
    expect(url.origin).toBe(stack.webUrl);
    expect(url.pathname).toBe('/workspaces/new');
    await fresh.close();
  });

  it('an in-app next still works', async () => {
    const fresh = await stack.newContext();
    const visitor = await fresh.newPage();
    await visitor.goto(`/sign-in?next=${encodeURIComponent(`/w/${slug}/p/${projectId}`)}`);
    await sessionSettled(visitor, 'signedOut');
    await signInThroughForm(visitor, ownerEmail);
    await visitor.waitForURL(`**/w/${slug}/p/${projectId}`);
    await fresh.close();
  });
});

describe('[e2e][web] security headers', () => {
  it('every page sends a nonce CSP, frame, sniffing, referrer and permissions headers', async () => {
    const paths = [
      '/',
      '/sign-in',
      '/sign-up?next=%2Fw',
      '/workspaces/new',
      `/w/${slug}`,
      `/w/${slug}/p/${projectId}`,
      `/w/${slug}/settings`,
      '/invite/not-a-real-token',
      '/no-such-page',
    ];
    const nonces = new Set<string>();
    for (const path of paths) {
      const response = await fetch(`${stack.webUrl}${path}`, { redirect: 'manual' });
      const where = `${path} (${response.status})`;
      const headers = response.headers;
      expect(headers.get('x-frame-options'), where).toBe('DENY');
      expect(headers.get('x-content-type-options'), where).toBe('nosniff');
      expect(headers.get('referrer-policy'), where).toBe('strict-origin-when-cross-origin');
      expect(headers.get('permissions-policy'), where).toMatch(/camera=\(\)/);
      const policy = headers.get('content-security-policy') ?? '';
      const directives = new Map(
        policy
          .split(';')
          .map((part) => part.trim().split(/\s+/))
          .filter((words) => words[0])
          .map(([name, ...values]) => [name!, values]),
      );
      expect(directives.get('frame-ancestors'), where).toEqual(["'none'"]);
      expect(directives.get('object-src'), where).toEqual(["'none'"]);
      expect(directives.get('base-uri'), where).toBeDefined();
      expect(directives.get('default-src'), where).toEqual(["'self'"]);
      const scripts = directives.get('script-src') ?? [];
      expect(scripts, where).not.toContain("'unsafe-inline'");
      expect(scripts, where).not.toContain("'unsafe-eval'");
      const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
      expect(nonce, where).toBeTruthy();
      nonces.add(nonce!);
      // Next puts the nonce on every script it renders.
      const html = await response.text();
      const tags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length, where).toBeGreaterThan(0);
      for (const tag of tags) expect(tag, where).toContain(`nonce="${nonce}"`);
    }
    // A fresh nonce per response.
    expect(nonces.size).toBe(paths.length);
  });
});

/** Two leaf items of one stage of the existing project. */
async function twoLeafItems() {
  const stages = await stack.db.projectStage.findMany({
    where: { projectId },
    orderBy: { position: 'asc' },
    select: {
      key: true,
      items: {
        where: { children: { none: {} } },
        orderBy: [{ depth: 'asc' }, { position: 'asc' }],
        select: { id: true },
        take: 2,
      },
    },
  });
  const stage = stages.find((s) => s.items.length === 2);
  if (!stage) throw new Error('e2e: no stage with two leaf items');
  return { stageKey: stage.key, first: stage.items[0]!.id, second: stage.items[1]!.id };
}

function itemActivity(itemId: string) {
  return stack.db.activityLog.count({ where: { entityType: 'item', entityId: itemId } });
}

async function storedDueDate(itemId: string): Promise<string | null> {
  const row = await stack.db.projectItem.findUniqueOrThrow({
    where: { id: itemId },
    select: { dueDate: true },
  });
  return row.dueDate ? row.dueDate.toISOString().slice(0, 10) : null;
}

describe('[e2e][web] journeys under the CSP', () => {
  it('signs in, sees the portfolio and a dialog, with no CSP violation', async () => {
    await page.goto('/sign-in');
    await sessionSettled(page, 'signedOut');
    await signInThroughForm(page, ownerEmail);
    await page.waitForURL(`**/w/${slug}`);
    await page.getByTestId('portfolio-row').first().waitFor();
    await page.getByRole('button', { name: 'New project' }).first().click();
    await page.getByRole('dialog', { name: 'New project' }).getByLabel('Name').waitFor();
    await page.keyboard.press('Escape');
    expect(csp.violations).toEqual([]);
  });

  it('[items] a typed due date is saved once, whole, and a bad year is refused inline', async () => {
    const { stageKey, first, second } = await twoLeafItems();
    const item = { id: first };
    const before = await itemActivity(item.id);
    await page.goto(`/w/${slug}/p/${projectId}/s/${stageKey}`);
    await page.getByTestId('checklist').waitFor();
    const row = page.locator(`[data-testid="item"][data-item-id="${item.id}"]`);
    await row.getByTestId('item-title').first().click();
    const details = page.locator(`#item-details-${item.id}`);
    const due = details.getByLabel('Due date');
    await due.focus();
    await page.keyboard.type('12/20/2026');
    await page.keyboard.press('Enter');

    await until(() => storedDueDate(item.id)).toBe('2026-12-20');
    await page.waitForTimeout(1_000);
    expect(await storedDueDate(item.id)).toBe('2026-12-20');
    expect((await itemActivity(item.id)) - before).toBe(1);
    expect(await due.inputValue()).toBe('2026-12-20');
    await page.reload();
    await row.getByTestId('item-title').first().click();
    expect(await details.getByLabel('Due date').inputValue()).toBe('2026-12-20');

    // The opened item is a sheet over the list: close it to reach the next item.
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'hidden' });

    // A year out of range (typed as "2", then the field left) shows an error and saves nothing.
    const other = { id: second };
    const otherBefore = await itemActivity(other.id);
    const otherRow = page.locator(`[data-testid="item"][data-item-id="${other.id}"]`);
    await otherRow.getByTestId('item-title').first().click();
    const otherDue = page.locator(`#item-details-${other.id}`).getByLabel('Due date');
    await otherDue.focus();
    await page.keyboard.type('12/20/2');
    // Leaving the field (for its notes) checks the date.
    await page.locator(`#item-details-${other.id}`).getByLabel('Notes').click();
    await until(() =>
      page.locator(`#item-details-${other.id}`).getByRole('alert').textContent(),
    ).toMatch(/year/i);
    await page.waitForTimeout(500);
    expect(await storedDueDate(other.id)).toBeNull();
    expect(await itemActivity(other.id)).toBe(otherBefore);
    expect(csp.violations).toEqual([]);
  });

  it('[portfolio] a new project shows its progress without a reload', async () => {
    await page.goto(`/w/${slug}`);
    await page.getByTestId('portfolio-row').first().waitFor();
    // The portfolio's data is now cached; create a project from the dialog.
    await page.getByRole('button', { name: 'New project' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Name', { exact: true }).fill('Brand new');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/p\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Projects' }).first().click();
    await page.waitForURL(`**/w/${slug}`);

    const row = page.getByTestId('portfolio-row').filter({ hasText: 'Brand new' });
    await row.waitFor();
    const quickly = { timeout: 3_000, interval: 100 };
    await expect
      .poll(() => row.getByTestId('portfolio-percent').textContent(), quickly)
      .toMatch(/^\d+\s?%$/);
    await expect.poll(() => row.locator('[data-stage-state="unknown"]').count(), quickly).toBe(0);
    expect(await row.locator('[data-stage-state]').count()).toBeGreaterThan(3);
    expect(csp.violations).toEqual([]);
  });
});

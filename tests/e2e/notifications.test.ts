// Notifications in the browser, with two people in two browser profiles: A
// assigns an item to B and mentions B in a comment (typed with the @ list);
// B's bell counts both without a reload, the inbox lists them under the
// project and its links open the item; B marks all read. Then B's settings
// (email is off here) and the watch toggle.
// The background job that turns activity into notifications runs here as its
// step (deriveAll) on a short timer, as each API process runs it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../support/api-client';
import { deriveAll } from '../support/notifications';
import { joinByInvitation } from '../support/teams';
import { startStack, type Stack } from './support/stack';
import {
  screenshot,
  screenshotsOnFailure,
  sessionSettled,
  signedInPage,
  until,
} from './support/ui';

let stack: Stack;
let pageA: Page;
let pageB: Page;
let deriving: ReturnType<typeof setInterval> | undefined;

const a = { name: 'Ada Assigner', email: '', id: '' };
const b = { name: 'Bea Builder', email: '', id: '' };
let slug = '';
let projectId = '';
let stageKey = '';
let item = { id: '', title: '' };

beforeAll(async () => {
  stack = await startStack();
  const accountA = await signUp(stack.apiUrl, { name: a.name });
  const accountB = await signUp(stack.apiUrl, { name: b.name });
  Object.assign(a, { email: accountA.user.email, id: accountA.user.id });
  Object.assign(b, { email: accountB.user.email, id: accountB.user.id });
  const workspace = await accountA.client.ok('workspace.create', { name: 'Team Loop' });
  slug = workspace.slug;
  await joinByInvitation(accountA.client, workspace.id, accountB, 'MEMBER');
  const project = await accountA.client.ok('project.create', {
    workspaceId: workspace.id,
    name: 'Churn model',
  });
  projectId = project.id;
  const leaf = await stack.db.projectItem.findFirstOrThrow({
    where: { projectId, children: { none: {} } },
    orderBy: [{ depth: 'asc' }, { position: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true, stage: { select: { key: true } } },
  });
  item = { id: leaf.id, title: leaf.title };
  stageKey = leaf.stage.key;
  // Everything A did so far (creating, inviting) is already in B's past.
  await deriveAll(stack.db);
  deriving = setInterval(() => void deriveAll(stack.db).catch(() => {}), 400);

  ({ page: pageA } = await signedInPage(stack, a.email));
  ({ page: pageB } = await signedInPage(stack, b.email));
});

screenshotsOnFailure('notifications', () => ({ a: pageA, b: pageB }));

afterAll(async () => {
  if (deriving) clearInterval(deriving);
  await stack?.stop();
});

const bell = (page: Page) => page.getByTestId('notification-bell');
const itemPath = () =>
  `/w/${slug}/p/${projectId}/s/${encodeURIComponent(stageKey)}#item-${item.id}`;

/** B's bell count, as a screen reader hears it. */
const bellName = (page: Page) => bell(page).getAttribute('aria-label');

async function openItem(page: Page) {
  await page.goto(itemPath());
  await sessionSettled(page, 'signedIn');
  const details = page.locator(`#item-details-${item.id}`);
  await details.waitFor();
  return details;
}

describe('[e2e][notifications] bell and inbox', () => {
  it('tells B of an assignment and a mention without a reload, and marks them read', async () => {
    // B waits on the workspace's home page; nothing is unread.
    await pageB.goto(`/w/${slug}`);
    await sessionSettled(pageB, 'signedIn');
    await until(() => bellName(pageB)).toBe('Notifications, 0 unread');
    const loadedAt = await pageB.evaluate(() => performance.timeOrigin);

    // A assigns the item to B, then mentions B with the @ list (keyboard only).
    const details = await openItem(pageA);
    await details.getByLabel('Assignee').selectOption(b.id);
    await until(() =>
      stack.db.projectItem.findUniqueOrThrow({ where: { id: item.id } }).then((i) => i.assigneeId),
    ).toBe(b.id);
    const box = details.getByLabel('New comment');
    await box.click();
    await box.pressSequentially('Over to you @');
    const list = details.getByRole('listbox', { name: 'Mention a member' });
    await list.waitFor();
    const options = list.getByRole('option');
    expect(await options.allTextContents()).toEqual([
      expect.stringContaining(a.name),
      expect.stringContaining(b.name),
    ]);
    await box.press('ArrowDown');
    await until(() => options.nth(1).getAttribute('aria-selected')).toBe('true');
    // Esc closes the list, not the item's sheet around it.
    await box.press('Escape');
    await until(() => list.count()).toBe(0);
    expect(await details.isVisible()).toBe(true);
    await box.pressSequentially('Be');
    await list.waitFor();
    expect(await list.getByRole('option').allTextContents()).toEqual([
      expect.stringContaining(b.name),
    ]);
    await box.press('Enter');
    await until(() => list.count()).toBe(0);
    await box.pressSequentially('please review.');
    expect(await box.inputValue()).toBe(`Over to you @[${b.name}](${b.id}) please review.`);
    await details.getByRole('button', { name: 'Comment', exact: true }).click();
    const comment = details.getByTestId('comment');
    await until(() => comment.textContent()).toContain(`Over to you @${b.name} please review.`);

    // B's bell rises to 2 on the page B already had open.
    await expect
      .poll(() => bellName(pageB), { timeout: 30_000, interval: 200 })
      .toBe('Notifications, 2 unread');
    expect(await pageB.evaluate(() => performance.timeOrigin)).toBe(loadedAt);

    // The inbox lists both under the project, newest first, each linking to the item.
    await bell(pageB).click();
    const inbox = pageB.getByTestId('inbox');
    const entries = inbox.getByTestId('inbox-entry');
    await until(() => entries.count()).toBe(2);
    const group = inbox.getByRole('region', { name: 'Churn model' });
    expect(await group.getByTestId('inbox-entry').count()).toBe(2);
    // (Both may come from one run of the job, at the same instant: order aside.)
    const texts = (await entries.allTextContents()).sort();
    expect(texts).toEqual([
      expect.stringContaining(`${a.name} assigned you “${item.title}”.`),
      expect.stringContaining(`${a.name} mentioned you in a comment on “${item.title}”.`),
    ]);
    for (const link of await inbox.getByRole('link').filter({ hasText: item.title }).all()) {
      expect(await link.getAttribute('href')).toBe(itemPath());
    }
    await screenshot(pageB, 'notifications-inbox', { fullPage: false });

    // Opening one shows the item and marks that one read.
    await entries.filter({ hasText: 'mentioned you' }).getByRole('link').click();
    await pageB.waitForURL((url) => url.hash === `#item-${item.id}`);
    await pageB.locator(`#item-details-${item.id}`).waitFor();
    await until(() => bellName(pageB)).toBe('Notifications, 1 unread');

    // Unread only leaves the assignment; Mark all read empties the bell.
    await pageB.keyboard.press('Escape');
    await until(() => pageB.locator(`#item-details-${item.id}`).count()).toBe(0);
    await bell(pageB).click();
    await inbox.getByRole('button', { name: 'Unread only' }).click();
    await until(() => entries.allTextContents()).toEqual([
      expect.stringContaining(`assigned you “${item.title}”`),
    ]);
    await inbox.getByRole('button', { name: 'Mark all read' }).click();
    await until(() => bellName(pageB)).toBe('Notifications, 0 unread');
    await until(() => inbox.getByText('All caught up').count()).toBe(1);
    expect(await stack.db.notification.count({ where: { recipientId: b.id, readAt: null } })).toBe(
      0,
    );
    await pageB.keyboard.press('Escape');
  });

  it('shows B’s settings with email off, and keeps a kind turned off', async () => {
    await pageB.goto('/account/notifications');
    await sessionSettled(pageB, 'signedIn');
    await pageB.getByTestId('email-off').waitFor();
    expect(await pageB.getByTestId('email-off').textContent()).toContain('Email is off');
    const zone = pageB.getByLabel('Time zone');
    expect(await zone.inputValue()).toBe('Europe/London');
    await pageB.getByLabel('Someone accepts your invitation').selectOption('OFF');
    await pageB.getByLabel('Hour').selectOption('7');
    await pageB.getByRole('button', { name: 'Save settings' }).click();
    await until(() =>
      stack.db.notificationSettings
        .findUnique({ where: { userId: b.id } })
        .then((s) => [s?.timeZone, s?.digestHour]),
    ).toEqual(['Europe/London', 7]);
    const off = await stack.db.notificationPreference.findMany({ where: { userId: b.id } });
    expect(off.find((p) => p.kind === 'INVITATION_ACCEPTED')?.channel).toBe('OFF');
  });

  it('turns email back on for B after an unsubscribe, and refuses a forged link', async () => {
    await stack.db.notificationSettings.update({
      where: { userId: b.id },
      data: { unsubscribedAt: new Date() },
    });
    await pageB.goto('/account/notifications');
    await sessionSettled(pageB, 'signedIn');
    await pageB.getByRole('button', { name: 'Turn email back on' }).click();
    await until(() =>
      stack.db.notificationSettings
        .findUnique({ where: { userId: b.id } })
        .then((row) => row?.unsubscribedAt ?? null),
    ).toBeNull();
    await until(() => pageB.getByRole('button', { name: 'Turn email back on' }).count()).toBe(0);

    // The landing page of a mail's link: nothing happens until the click.
    await pageB.goto('/unsubscribe?token=bm90LWEtdXNlcg.bm90LWEtbWFj');
    await pageB.getByRole('button', { name: 'Unsubscribe from all email' }).click();
    await pageB
      .getByRole('alert')
      .filter({ hasText: 'This unsubscribe link is not valid' })
      .waitFor();
  });

  it('lets B stop watching the item and watch the project', async () => {
    const details = await openItem(pageB);
    const toggle = details.getByTestId('watch-toggle');
    // Assigned, so watching.
    await until(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await until(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await pageB.keyboard.press('Escape');
    await pageB.goto(`/w/${slug}/p/${projectId}`);
    const projectToggle = pageB.getByTestId('watch-toggle');
    await until(() => projectToggle.getAttribute('aria-pressed')).toBe('false');
    await projectToggle.click();
    await until(() => projectToggle.getAttribute('aria-pressed')).toBe('true');
    await pageB.reload();
    await until(() => pageB.getByTestId('watch-toggle').getAttribute('aria-pressed')).toBe('true');
  });
});

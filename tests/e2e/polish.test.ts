// Web polish (issue 10), checked in the browser: activity entries read as
// sentences that name the item and use human words; the invitation page says
// who invites you, to which workspace, as what, before you accept; a slow API
// says so after a few seconds and a failing one offers Retry; the favicon is
// there on a first visit; and "Make current" stays an action at phone width.
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortStageTitle } from '../../apps/web/lib/labels';
import { signUp, uniqueEmail } from '../support/api-client';
import { startStack, type Stack } from './support/stack';
import {
  PASSWORD,
  screenshot,
  screenshotsOnFailure,
  sessionSettled,
  signInThroughForm,
  signedInPage,
  until,
} from './support/ui';

let stack: Stack;
let page: Page;
const owner = { name: 'Ana Lead', email: '' };
const inviteeEmail = uniqueEmail('bob');
let workspaceId = '';
let workspacePath = '';
let projectPath = '';
let itemTitle = '';
let stageTitle = '';
let inviteToken = '';

beforeAll(async () => {
  stack = await startStack();
  const account = await signUp(stack.apiUrl, { name: owner.name });
  owner.email = account.user.email;
  const api = account.client;
  const workspace = await api.ok('workspace.create', {
    name: 'Polish Works',
  });
  workspaceId = workspace.id;
  workspacePath = `/w/${workspace.slug}`;
  const project = await api.ok('project.create', {
    workspaceId,
    name: 'Churn prediction',
  });
  projectPath = `${workspacePath}/p/${project.id}`;

  // A leaf item set to "not applicable", then the project moved to its third stage.
  const item = await stack.db.projectItem.findFirstOrThrow({
    where: { projectId: project.id, children: { none: {} } },
    orderBy: [{ depth: 'asc' }, { position: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true, version: true },
  });
  itemTitle = item.title;
  await api.ok('item.update', {
    itemId: item.id,
    expectedVersion: item.version,
    status: 'NOT_APPLICABLE',
    notApplicableReason: 'No labelled data yet',
  });
  const stages = await stack.db.projectStage.findMany({
    where: { projectId: project.id },
    orderBy: { position: 'asc' },
    select: { key: true, title: true },
  });
  const target = stages[2]!;
  stageTitle = shortStageTitle(target.title);
  const current = await stack.db.project.findUniqueOrThrow({
    where: { id: project.id },
    select: { version: true },
  });
  await api.ok('project.setStage', {
    projectId: project.id,
    expectedVersion: current.version,
    stageKey: target.key,
  });
  const invitation = await api.ok('workspace.invite', {
    workspaceId,
    email: inviteeEmail,
    role: 'MEMBER',
  });
  inviteToken = invitation.token;

  ({ page } = await signedInPage(stack, owner.email));
});

screenshotsOnFailure('polish', () => ({ '': page }));

afterAll(async () => {
  await stack?.stop();
});

/** The feed's sentences, one a line. */
async function feed(target: Page): Promise<string> {
  const entries = await target.getByTestId('activity-sentence').allTextContents();
  return entries.map((text) => text.replace(/\s+/g, ' ').trim()).join('\n');
}

/** Requests to a tRPC procedure (alone or in a batch), e.g. "activity.list". */
function procedure(name: string) {
  return (url: URL) => url.pathname.startsWith('/trpc/') && url.pathname.includes(name);
}

describe('[e2e] web polish', () => {
  it('[activity] says in one sentence who did what to which item, in human words', async () => {
    await page.goto(`${projectPath}/activity`);
    await sessionSettled(page, 'signedIn');
    // Stage titles and member names arrive with their own queries: wait for the sentence.
    await until(() => feed(page)).toContain(
      `${owner.name} set “${itemTitle}” to Not applicable (No labelled data yet)`,
    );
    await until(() => feed(page)).toContain(`${owner.name} moved the project to ${stageTitle}`);
    await until(() => feed(page)).toContain(`${owner.name} created the project`);
    // No raw values or field names.
    expect(await feed(page)).not.toMatch(/NOT_APPLICABLE|TODO|stageKey|currentStageKey|→/);
    await screenshot(page, 'activity', { fullPage: false });

    // The workspace's feed names the projects, and says whom an admin invited as what.
    await page.goto(`${workspacePath}/activity`);
    await until(() => feed(page)).toContain(`${owner.name} invited ${inviteeEmail} as Member`);
    await until(() => feed(page)).toContain(
      `${owner.name} moved “Churn prediction” to ${stageTitle}`,
    );
    await until(() => feed(page)).toContain(
      `${owner.name} set “${itemTitle}” to Not applicable (No labelled data yet) in Churn prediction`,
    );
  });

  it('[invite] names the workspace, the inviter and the role before Accept', async () => {
    const guestContext = await stack.newContext();
    const guest = await guestContext.newPage();
    try {
      const path = `/invite/${inviteToken}`;
      await guest.goto(path);
      await sessionSettled(guest, 'signedOut');
      const summary = guest.getByTestId('invitation-summary');
      await until(() => summary.textContent()).toContain(
        `${owner.name} invited you to join Polish Works as Member.`,
      );

      // Signed in with the invited address: the same summary, above the Accept button.
      await signUp(stack.apiUrl, { name: 'Bob Builder', email: inviteeEmail });
      await guest.goto(`/sign-in?next=${encodeURIComponent(path)}`);
      await sessionSettled(guest, 'signedOut');
      await signInThroughForm(guest, inviteeEmail, PASSWORD);
      await guest.waitForURL(`**${path}`);
      const accept = guest.getByRole('button', { name: 'Accept invitation' });
      await accept.waitFor();
      await until(() => summary.textContent()).toContain(
        `${owner.name} invited you to join Polish Works as Member.`,
      );
      const [summaryBox, acceptBox] = [await summary.boundingBox(), await accept.boundingBox()];
      expect(summaryBox!.y + summaryBox!.height).toBeLessThanOrEqual(acceptBox!.y);
      await screenshot(guest, 'invite', { fullPage: false });
    } finally {
      await guestContext.close();
    }
  });

  it('[loading] says "Still loading… the server is slow" when the API is slow, then shows the data', async () => {
    const delay = async (route: Route) => {
      await new Promise((resolve) => setTimeout(resolve, 7_000));
      await route.continue().catch(() => undefined);
    };
    const activityList = procedure('activity.list');
    await page.route(activityList, delay);
    try {
      await page.goto(`${projectPath}/activity`);
      await sessionSettled(page, 'signedIn');
      await page.getByTestId('loading-state').waitFor();
      expect(await page.getByTestId('slow-note').count()).toBe(0);
      const slow = page.getByTestId('slow-note');
      await slow.waitFor({ timeout: 7_000 });
      expect(await slow.textContent()).toContain('Still loading… the server is slow.');
      // The answer arrives: the note goes and the entries show.
      await page.getByTestId('activity-entry').first().waitFor({ timeout: 10_000 });
      expect(await slow.count()).toBe(0);
    } finally {
      await page.unroute(activityList, delay);
    }
  });

  it('[error] says what could not be loaded when the API is down, and Retry recovers', async () => {
    const down = (route: Route) => route.abort('connectionrefused');
    const activityList = procedure('activity.list');
    await page.route(activityList, down);
    try {
      await page.goto(`${projectPath}/activity`);
      await sessionSettled(page, 'signedIn');
      const error = page.getByTestId('query-error');
      // A couple of quick retries first, then the message.
      await error.waitFor({ timeout: 20_000 });
      expect(await error.textContent()).toContain('Activity could not be loaded');
      expect(await error.textContent()).toContain('could not reach the server');
    } finally {
      await page.unroute(activityList, down);
    }
    await page.getByTestId('query-error').getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('activity-entry').first().waitFor();
    expect(await page.getByTestId('query-error').count()).toBe(0);
  });

  it('[favicon] a first visit finds its icon (no 404)', async () => {
    const fresh = await stack.newContext();
    const visitor = await fresh.newPage();
    try {
      const missing: string[] = [];
      visitor.on('response', (response) => {
        if (response.status() === 404) missing.push(response.url());
      });
      await visitor.goto('/sign-in');
      await sessionSettled(visitor, 'signedOut');
      const icons = await visitor
        .locator('link[rel~="icon"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(icons.length).toBeGreaterThan(0);
      // What browsers ask for by default, and what the page declares.
      for (const href of ['/favicon.ico', ...icons]) {
        const response = await visitor.request.get(href);
        expect(response.status(), href).toBe(200);
        expect(response.headers()['content-type'], href).toMatch(/^image\//);
      }
      expect(missing).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('[dashboard] "Make current" stays an action, not a state, on a 375 px phone', async () => {
    const phoneContext = await stack.newContext({ viewport: { width: 375, height: 812 } });
    const phone = await phoneContext.newPage();
    try {
      await phone.goto('/sign-in');
      await sessionSettled(phone, 'signedOut');
      await signInThroughForm(phone, owner.email, PASSWORD);
      await phone.goto(projectPath);
      const buttons = phone.getByRole('button', { name: /^Make “.+” the current stage$/ });
      await until(() => buttons.count()).toBeGreaterThan(0);
      const button = buttons.first();
      const visible = (await button.innerText()).trim();
      // Either the action in words, or an icon alone (its name is then the aria-label).
      expect(visible === '' || /make current/i.test(visible), `visible text: "${visible}"`).toBe(
        true,
      );
      expect(visible).not.toBe('Current');
    } catch (error) {
      await phone.screenshot({
        path: 'test-results/polish-make-current-phone.png',
        fullPage: true,
      });
      throw error;
    } finally {
      await phoneContext.close();
    }
  });
});

// Live updates in the browser: two people in two browser profiles. A marks an
// item done on the stage view; B, with the same stage view and the project
// dashboard open, sees both change within 2 s, without a reload.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../support/api-client';
import { joinByInvitation } from '../support/teams';
import { startStack, type Stack } from './support/stack';
import { screenshotsOnFailure, sessionSettled, signedInPage, until } from './support/ui';

let stack: Stack;
let a: Page;
let bStage: Page;
let bDashboard: Page;
let projectPath = '';
let stageKey = '';
let item = { id: '', title: '' };
let total = 0;

beforeAll(async () => {
  stack = await startStack();
  const alice = await signUp(stack.apiUrl, { name: 'Alice Analyst' });
  const bob = await signUp(stack.apiUrl, { name: 'Bob Builder' });
  const workspace = await alice.client.ok('workspace.create', { name: 'Live Lab' });
  await joinByInvitation(alice.client, workspace.id, bob, 'MEMBER');
  const project = await alice.client.ok('project.create', {
    workspaceId: workspace.id,
    name: 'Live checks',
  });
  projectPath = `/w/${workspace.slug}/p/${project.id}`;
  const leaf = await stack.db.projectItem.findFirstOrThrow({
    where: { projectId: project.id, children: { none: {} }, depth: 0 },
    orderBy: [{ stage: { position: 'asc' } }, { position: 'asc' }],
    select: { id: true, title: true, stage: { select: { key: true, id: true } } },
  });
  item = { id: leaf.id, title: leaf.title };
  stageKey = leaf.stage.key;
  total = await stack.db.projectItem.count({ where: { stageId: leaf.stage.id } });

  ({ page: a } = await signedInPage(stack, alice.user.email));
  const bob1 = await signedInPage(stack, bob.user.email);
  bStage = bob1.page;
  bDashboard = await bob1.context.newPage();
  for (const page of [bStage, bDashboard]) {
    page.on('request', (request) => {
      if (request.url().includes('/trpc/live.workspace'))
        streams.set(page, (streams.get(page) ?? 0) + 1);
    });
  }
});

/** Live streams each of B's pages opened (an EventSource through the web app's /trpc). */
const streams = new Map<Page, number>();

screenshotsOnFailure('live', () => ({ a, bStage, bDashboard }));

afterAll(async () => {
  await stack?.stop();
});

function row(page: Page) {
  return page.locator(`[data-testid="item"][data-item-id="${item.id}"]`);
}

async function openStage(page: Page): Promise<void> {
  await page.goto(`${projectPath}/s/${stageKey}`);
  await sessionSettled(page, 'signedIn');
  await page.getByTestId('checklist').waitFor();
}

/** Set on the page now; still there later only if the page was never reloaded. */
async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => ((globalThis as unknown as { noReload: boolean }).noReload = true));
}
async function wasReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => !(globalThis as unknown as { noReload?: boolean }).noReload);
}

describe('[e2e] live updates', () => {
  it("B's open stage view and project dashboard show A's change within 2 s, without a reload", async () => {
    await openStage(bStage);
    await bDashboard.goto(projectPath);
    await bDashboard.locator('[data-testid="project-dashboard"][data-ready="true"]').waitFor();
    const progress = bDashboard
      .locator(`[data-stage-key="${stageKey}"]`)
      .getByTestId('stage-progress');
    await until(() => progress.textContent()).toMatch(new RegExp(`^0/${total} done`));
    expect(await row(bStage).getAttribute('data-status')).toBe('TODO');
    await markNoReload(bStage);
    await markNoReload(bDashboard);
    // Both of B's pages hold their stream before A acts.
    await bStage.waitForTimeout(500);

    await openStage(a);
    await row(a).getByLabel(`Status of “${item.title}”`, { exact: true }).selectOption('DONE');
    await until(
      async () => (await stack.db.projectItem.findUniqueOrThrow({ where: { id: item.id } })).status,
    ).toBe('DONE');
    const saved = Date.now();

    await expect
      .poll(() => row(bStage).getAttribute('data-status'), { timeout: 2_000, interval: 50 })
      .toBe('DONE');
    await expect
      .poll(() => progress.textContent(), {
        timeout: Math.max(100, 2_000 - (Date.now() - saved)),
        interval: 50,
      })
      .toMatch(new RegExp(`^1/${total} done`));
    const seenAfterMs = Date.now() - saved;
    console.log(
      `live updates: B saw A's change on both pages ${seenAfterMs} ms after it was stored`,
    );
    expect(seenAfterMs).toBeLessThan(2_000);
    expect(await wasReloaded(bStage)).toBe(false);
    expect(await wasReloaded(bDashboard)).toBe(false);
    // It came over each page's live stream, opened once.
    expect([streams.get(bStage), streams.get(bDashboard)]).toEqual([1, 1]);
    // A's own page keeps the edit (its echo does not undo it).
    expect(await row(a).getAttribute('data-status')).toBe('DONE');
  });

  it('a closed page ends its stream on the API too (through the web proxy)', async () => {
    const open = stack.live.size;
    expect(open).toBeGreaterThanOrEqual(3);
    await bDashboard.close();
    await until(() => stack.live.size).toBe(open - 1);
  });
});

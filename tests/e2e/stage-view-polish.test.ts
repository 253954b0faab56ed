// The stage view's polish, checked in the browser: a brief, announced "Saved"
// after a change; an opened item as a side sheet (a dialog) rather than a
// panel inside the list; item titles that keep the row's width on a 375 px
// phone; and an evidence "Kind" select wide enough for its longest option.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../support/api-client';
import { joinByInvitation } from '../support/teams';
import { startStack, type Stack } from './support/stack';
import {
  fitsWidth,
  screenshot,
  screenshotsOnFailure,
  sessionSettled,
  signedInPage,
  until,
} from './support/ui';

let stack: Stack;
let page: Page;
const owner = { name: 'Priya Lead', email: '' };
const member = { name: 'Sam Analyst', email: '' };
let projectPath = '';
let projectId = '';
/** Stage keys, most items first. */
let stageKeys: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  const ownerAccount = await signUp(stack.apiUrl, { name: owner.name });
  const memberAccount = await signUp(stack.apiUrl, { name: member.name });
  owner.email = ownerAccount.user.email;
  member.email = memberAccount.user.email;
  const workspace = await ownerAccount.client.ok('workspace.create', {
    name: 'Polish Lab',
  });
  await joinByInvitation(ownerAccount.client, workspace.id, memberAccount, 'MEMBER');
  const project = await ownerAccount.client.ok('project.create', {
    workspaceId: workspace.id,
    name: 'Polish checks',
  });
  projectId = project.id;
  projectPath = `/w/${workspace.slug}/p/${projectId}`;
  const stages = await stack.db.projectStage.findMany({
    where: { projectId },
    select: { key: true, _count: { select: { items: true } } },
  });
  stageKeys = stages.sort((x, y) => y._count.items - x._count.items).map((s) => s.key);

  ({ page } = await signedInPage(stack, owner.email));
});

screenshotsOnFailure('stage-polish', () => ({ '': page }));

afterAll(async () => {
  await stack?.stop();
});

async function openStage(stageKey: string): Promise<void> {
  await page.goto(`${projectPath}/s/${stageKey}`);
  await sessionSettled(page, 'signedIn');
  await page.getByTestId('checklist').waitFor();
}

/** Leaf items of a stage, in checklist order. */
async function leaves(stageKey: string, count: number) {
  const items = await stack.db.projectItem.findMany({
    where: { projectId, stage: { key: stageKey }, children: { none: {} } },
    orderBy: [{ depth: 'asc' }, { position: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true },
    take: count,
  });
  expect(items).toHaveLength(count);
  return items;
}

function itemRow(itemId: string): Locator {
  return page.locator(`[data-testid="item"][data-item-id="${itemId}"]`);
}

describe('[e2e] stage view polish', () => {
  it('opens an item in a side sheet (a dialog), and Escape closes it', async () => {
    const stageKey = stageKeys[1]!;
    const [item] = await leaves(stageKey, 1);
    await openStage(stageKey);
    // The title button (by CSS: while the sheet is open the list is hidden from the a11y tree).
    const title = itemRow(item!.id).locator('button[aria-expanded]').first();
    expect(await title.textContent()).toBe(item!.title);
    await title.click();

    const sheet = page.getByRole('dialog', { name: item!.title });
    await sheet.waitFor();
    expect(await sheet.getAttribute('id')).toBe(`item-details-${item!.id}`);
    expect(await title.getAttribute('aria-expanded')).toBe('true');
    // At the right edge, the full height of the window; not a panel in the list.
    const box = (await sheet.boundingBox())!;
    const viewport = page.viewportSize()!;
    // (The page reserves a scrollbar's gutter at the right: `scrollbar-gutter: stable`.)
    const gap = viewport.width - (box.x + box.width);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThanOrEqual(20);
    expect(Math.round(box.y)).toBe(0);
    expect(Math.round(box.height)).toBe(viewport.height);
    expect(box.width).toBeGreaterThanOrEqual(400);
    // The list behind is out of reach while it is open.
    expect(await page.getByRole('button', { name: 'Add item' }).count()).toBe(0);
    await screenshot(page, 'stage-view-item-sheet', { fullPage: false });

    await page.keyboard.press('Escape');
    await until(() => sheet.count()).toBe(0);
    expect(await title.getAttribute('aria-expanded')).toBe('false');
    // Focus goes back to the title that opened it.
    expect(await title.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
  });

  it('opens the item named in the address once, not again after later saves', async () => {
    const stageKey = stageKeys[4]!;
    const [linked, other] = await leaves(stageKey, 2);
    await page.goto(`${projectPath}/s/${stageKey}#item-${linked!.id}`);
    await sessionSettled(page, 'signedIn');
    const sheet = page.getByRole('dialog', { name: linked!.title });
    await sheet.waitFor();
    await page.keyboard.press('Escape');
    await until(() => sheet.count()).toBe(0);

    await itemRow(other!.id)
      .getByLabel(`Status of “${other!.title}”`, { exact: true })
      .selectOption('IN_PROGRESS');
    await until(() => page.getByTestId('stage-saved').textContent()).toBe('Saved');
    await page.waitForTimeout(500);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('says "Saved" (politely, to screen readers too) after status, assignee and due date changes', async () => {
    const stageKey = stageKeys[2]!;
    const [item] = await leaves(stageKey, 1);
    await openStage(stageKey);
    const stageSaved = page.getByTestId('stage-saved');
    expect(await stageSaved.getAttribute('role')).toBe('status');
    expect(await stageSaved.getAttribute('aria-live')).toBe('polite');
    expect(await stageSaved.textContent()).toBe('');

    // A status change in the list.
    await itemRow(item!.id)
      .getByLabel(`Status of “${item!.title}”`, { exact: true })
      .selectOption('IN_PROGRESS');
    await until(() => stageSaved.textContent()).toBe('Saved');
    expect((await stack.db.projectItem.findUniqueOrThrow({ where: { id: item!.id } })).status).toBe(
      'IN_PROGRESS',
    );
    // It is brief.
    await until(() => stageSaved.textContent()).toBe('');

    // Assignee and due date in the opened item's sheet.
    await itemRow(item!.id).getByTestId('item-title').click();
    const sheet = page.getByRole('dialog', { name: item!.title });
    const sheetSaved = sheet.getByTestId('item-saved');
    expect(await sheetSaved.getAttribute('role')).toBe('status');
    expect(await sheetSaved.getAttribute('aria-live')).toBe('polite');
    await sheet.getByLabel('Assignee').selectOption({ label: member.name });
    await until(() => sheetSaved.textContent()).toBe('Saved');
    await until(async () => {
      const row = await stack.db.projectItem.findUniqueOrThrow({
        where: { id: item!.id },
        select: { assignee: { select: { email: true } } },
      });
      return row.assignee?.email;
    }).toBe(member.email);
    await until(() => sheetSaved.textContent()).toBe('');

    const due = sheet.getByLabel('Due date');
    await due.fill('2031-03-14');
    await due.press('Tab');
    await until(() => sheetSaved.textContent()).toBe('Saved');
    await until(async () =>
      (await stack.db.projectItem.findUniqueOrThrow({ where: { id: item!.id } })).dueDate
        ?.toISOString()
        .slice(0, 10),
    ).toBe('2031-03-14');

    // The sheet's status select saves and says so too.
    await until(() => sheetSaved.textContent()).toBe('');
    await sheet.getByLabel('Status', { exact: true }).selectOption('BLOCKED');
    await until(() => sheetSaved.textContent()).toBe('Saved');
    await until(() => itemRow(item!.id).getAttribute('data-status')).toBe('BLOCKED');
  });

  it('shows the evidence kind select wide enough for its longest option', async () => {
    const stageKey = stageKeys[3]!;
    const [item] = await leaves(stageKey, 1);
    await openStage(stageKey);
    await itemRow(item!.id).getByTestId('item-title').click();
    const kind = page.getByRole('dialog').getByTestId('evidence').getByLabel('Kind');
    await kind.waitFor();
    const fit = await kind.evaluate((select) => {
      const el = select as unknown as {
        options: ArrayLike<{ text: string }>;
        clientWidth: number;
        scrollWidth: number;
        ownerDocument: {
          defaultView: { getComputedStyle(e: unknown): Record<string, string> };
          createElement(tag: 'canvas'): {
            getContext(kind: '2d'): { font: string; measureText(t: string): { width: number } };
          };
        };
      };
      const style = el.ownerDocument.defaultView.getComputedStyle(el);
      const ctx = el.ownerDocument.createElement('canvas').getContext('2d');
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const texts = Array.from(el.options, (o) => o.text);
      const widest = Math.max(...texts.map((t) => ctx.measureText(t).width));
      const room =
        el.clientWidth - parseFloat(style.paddingLeft!) - parseFloat(style.paddingRight!);
      return { texts, widest, room, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
    });
    expect(fit.texts).toContain('Experiment run');
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    expect(fit.room).toBeGreaterThanOrEqual(fit.widest);
  });

  it('gives every item title the row width on a 375 px phone', async () => {
    const stageKey = stageKeys[0]!;
    await page.setViewportSize({ width: 375, height: 740 });
    try {
      await openStage(stageKey);
      const count = await stack.db.projectItem.count({
        where: { projectId, stage: { key: stageKey } },
      });
      // The first screen of items paints first; the rest follow right after.
      await until(() => page.getByTestId('item-title').count()).toBe(count);
      const widths = await page
        .getByTestId('item-title')
        .evaluateAll((els) =>
          els.map(
            (el) =>
              (
                el as unknown as { getBoundingClientRect(): { width: number } }
              ).getBoundingClientRect().width,
          ),
        );
      expect(widths).toHaveLength(count);
      expect(count).toBeGreaterThan(50);
      const narrow = widths.filter((w) => w < 250);
      expect(narrow, `${narrow.length} of ${count} titles narrower than 250 px`).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'stage-view-375', { fullPage: false });

      // The opened item fills the phone's screen.
      await page.getByTestId('item-title').first().click();
      const box = (await page.getByRole('dialog').boundingBox())!;
      expect(box.x).toBe(0);
      expect(box.width).toBeGreaterThanOrEqual(375 - 20);
      await page.keyboard.press('Escape');
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }
  });
});

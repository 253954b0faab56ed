// The stage view beyond the happy path: not applicable with a reason,
// evidence and comments, custom items, bulk edits, a version conflict on an
// item, a refused change rolled back, and the read-only view of a viewer.
// Each step checks what the person sees and the row stored in the database.
// The workspace, project and people are set up through the API; everything
// on the stage itself is done in the browser.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type ApiClient } from '../support/api-client';
import { joinByInvitation } from '../support/teams';
import { startStack, type Stack } from './support/stack';
import {
  PASSWORD,
  freshPage,
  screenshotsOnFailure,
  sessionSettled,
  signInThroughForm,
  until,
} from './support/ui';

let stack: Stack;
let owner: Page;
let otherContext: BrowserContext;
let other: Page;

const people = {
  owner: { name: 'Priya Lead', email: '', id: '' },
  member: { name: 'Sam Analyst', email: '', id: '' },
  viewer: { name: 'Val Viewer', email: '', id: '' },
};
/** The API as the owner and the member: other people's changes go through it, as they
 * would (writing to the database directly would skip the API's data version). */
let ownerApi: ApiClient;
let memberApi: ApiClient;
let workspaceId = '';
let projectId = '';
let projectPath = '';
/** Stages with at least four leaf items, smallest first: one per test, so counts stay apart. */
let stageKeys: string[] = [];

beforeAll(async () => {
  stack = await startStack();

  // The owner, a member and a viewer, through the API.
  const ownerAccount = await signUp(stack.apiUrl, { name: people.owner.name });
  const member = await signUp(stack.apiUrl, { name: people.member.name });
  const viewer = await signUp(stack.apiUrl, { name: people.viewer.name });
  for (const [person, account] of [
    [people.owner, ownerAccount],
    [people.member, member],
    [people.viewer, viewer],
  ] as const) {
    person.email = account.user.email;
    person.id = account.user.id;
  }
  ownerApi = ownerAccount.client;
  memberApi = member.client;
  const workspace = await ownerAccount.client.ok('workspace.create', {
    name: 'Stage Lab',
  });
  workspaceId = workspace.id;
  for (const [account, role] of [
    [member, 'MEMBER'],
    [viewer, 'VIEWER'],
  ] as const) {
    await joinByInvitation(ownerAccount.client, workspaceId, account, role);
  }
  const project = await ownerAccount.client.ok('project.create', {
    workspaceId,
    name: 'Stage checks',
  });
  projectId = project.id;
  projectPath = `/w/${workspace.slug}/p/${projectId}`;

  const stages = await stack.db.projectStage.findMany({
    where: { projectId },
    select: {
      key: true,
      _count: { select: { items: true } },
      items: { where: { children: { none: {} } }, select: { id: true } },
    },
  });
  stageKeys = stages
    .filter((stage) => stage.items.length >= 4)
    .sort((x, y) => x._count.items - y._count.items)
    .map((stage) => stage.key);
  if (stageKeys.length < 5) throw new Error(`e2e: too few stages with leaf items: ${stageKeys}`);

  ({ page: owner } = await freshPage(stack));
  ({ context: otherContext, page: other } = await freshPage(stack));
  await owner.goto('/sign-in');
  await sessionSettled(owner, 'signedOut');
  await signInThroughForm(owner, people.owner.email, PASSWORD);
});

screenshotsOnFailure('stage', () => ({ owner, other }));

afterAll(async () => {
  await stack?.stop();
});

/** Leaf items (no sub-items) of a stage, in checklist order. */
async function leaves(stageKey: string, count: number) {
  const items = await stack.db.projectItem.findMany({
    where: { projectId, stage: { key: stageKey }, children: { none: {} } },
    orderBy: [{ depth: 'asc' }, { position: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true, version: true },
    take: count,
  });
  expect(items).toHaveLength(count);
  return items;
}

async function openStage(page: Page, stageKey: string): Promise<void> {
  await page.goto(`${projectPath}/s/${stageKey}`);
  await sessionSettled(page, 'signedIn');
  await page.getByTestId('checklist').waitFor();
}

function itemRow(page: Page, itemId: string): Locator {
  return page.locator(`[data-testid="item"][data-item-id="${itemId}"]`);
}

function statusSelect(page: Page, item: { id: string; title: string }): Locator {
  return itemRow(page, item.id).getByLabel(`Status of “${item.title}”`, { exact: true });
}

/** Opens an item's details (title click) and returns them. */
async function openDetails(page: Page, itemId: string): Promise<Locator> {
  const row = itemRow(page, itemId);
  await row.getByTestId('item-title').first().click();
  const details = page.locator(`#item-details-${itemId}`);
  await details.waitFor();
  return details;
}

function stored(itemId: string) {
  return stack.db.projectItem.findUniqueOrThrow({
    where: { id: itemId },
    include: { assignee: { select: { email: true } } },
  });
}

/** Percent done as the stage header and dashboard show it (en-GB), for 0 < done < applicable. */
function percentText(done: number, applicable: number): string {
  const shown = Math.min(99.9, Math.max(0.1, Math.round((done * 1000) / applicable) / 10));
  return new Intl.NumberFormat('en-GB', {
    style: 'percent',
    maximumFractionDigits: shown > 0 && shown < 1 ? 1 : 0,
  }).format(shown / 100);
}

describe('[e2e] stage view', () => {
  it('marks an item not applicable only with a reason, and leaves it out of percent done', async () => {
    const stageKey = stageKeys[0]!;
    const [done, skipped] = await leaves(stageKey, 2);
    const total = await stack.db.projectItem.count({
      where: { projectId, stage: { key: stageKey } },
    });
    // One item is already done, so the percentage moves when the denominator does.
    await memberApi.ok('item.update', {
      itemId: done!.id,
      expectedVersion: done!.version,
      status: 'DONE',
    });

    await openStage(owner, stageKey);
    const summary = owner.getByTestId('stage-summary');
    await until(() => summary.textContent()).toMatch(
      new RegExp(`^1 of ${total} applicable items done · ${percentText(1, total)} `),
    );

    // Choosing "Not applicable" asks why; without a reason nothing can be confirmed.
    await statusSelect(owner, skipped!).selectOption('NOT_APPLICABLE');
    const dialog = owner.getByRole('dialog', { name: 'Not applicable' });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Mark not applicable' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Reason').fill('   ');
    expect(await confirm.isDisabled()).toBe(true);
    // Submitting anyway (as Enter would) keeps the dialog open and saves nothing.
    await dialog
      .locator('form')
      .evaluate((form) => (form as unknown as { requestSubmit(): void }).requestSubmit());
    await owner.waitForTimeout(300);
    expect(await dialog.isVisible()).toBe(true);
    expect((await stored(skipped!.id)).status).toBe('TODO');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await until(() => dialog.count()).toBe(0);
    expect(await itemRow(owner, skipped!.id).getAttribute('data-status')).toBe('TODO');
    expect(await statusSelect(owner, skipped!).inputValue()).toBe('TODO');
    expect((await stored(skipped!.id)).status).toBe('TODO');

    // With a reason it is saved, and the stage counts one applicable item fewer.
    const reason = 'We reuse the feature store of the fraud project.';
    await statusSelect(owner, skipped!).selectOption('NOT_APPLICABLE');
    await dialog.getByLabel('Reason').fill(reason);
    await confirm.click();
    await until(() => itemRow(owner, skipped!.id).getAttribute('data-status')).toBe(
      'NOT_APPLICABLE',
    );
    await until(async () => {
      const row = await stored(skipped!.id);
      return [row.status, row.notApplicableReason];
    }).toEqual(['NOT_APPLICABLE', reason]);
    await until(() => summary.textContent()).toMatch(
      new RegExp(`^1 of ${total - 1} applicable items done · ${percentText(1, total - 1)} `),
    );
    const details = await openDetails(owner, skipped!.id);
    expect(await details.textContent()).toContain(`Not applicable: ${reason}`);

    // The project dashboard agrees.
    await owner.goto(projectPath);
    await owner.locator('[data-testid="project-dashboard"][data-ready="true"]').waitFor();
    expect(
      await owner
        .locator(`[data-stage-key="${stageKey}"]`)
        .getByTestId('stage-progress')
        .textContent(),
    ).toMatch(new RegExp(`^1/${total - 1} done · ${percentText(1, total - 1)}`));
  });

  it('adds and removes evidence, and adds, edits and deletes a comment', async () => {
    const stageKey = stageKeys[1]!;
    const [item] = await leaves(stageKey, 1);
    await openStage(owner, stageKey);
    const details = await openDetails(owner, item!.id);

    // Evidence: kind, link and label.
    const evidence = details.getByTestId('evidence');
    await evidence.getByLabel('Kind').selectOption('PULL_REQUEST');
    await evidence.getByLabel('Evidence link').fill('https://git.example.test/ml/pull/42');
    await evidence.getByLabel('Evidence label').fill('PR 42: holdout split');
    await evidence.getByRole('button', { name: 'Add evidence' }).click();
    const link = evidence.getByRole('link', { name: 'PR 42: holdout split' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://git.example.test/ml/pull/42');
    expect(await evidence.textContent()).toContain('Pull request');
    await until(() => evidence.getByLabel('Evidence link').inputValue()).toBe('');
    const saved = await stack.db.evidenceLink.findMany({ where: { itemId: item!.id } });
    expect(saved.map((e) => [e.kind, e.url, e.label])).toEqual([
      ['PULL_REQUEST', 'https://git.example.test/ml/pull/42', 'PR 42: holdout split'],
    ]);
    await until(() => itemRow(owner, item!.id).getByText('1 evidence links').count()).toBe(1);

    await evidence.getByRole('button', { name: 'Remove evidence “PR 42: holdout split”' }).click();
    await until(() => link.count()).toBe(0);
    await until(() => evidence.getByText('No evidence linked yet.').isVisible()).toBe(true);
    await until(() => stack.db.evidenceLink.count({ where: { itemId: item!.id } })).toBe(0);

    // A comment, edited, then deleted: a tombstone stays in the thread.
    const comments = details.getByTestId('comments');
    await comments.getByLabel('New comment').fill('Is the split stratified by store?');
    await comments.getByRole('button', { name: 'Comment', exact: true }).click();
    const comment = comments.getByTestId('comment');
    await until(() => comment.count()).toBe(1);
    await until(() => comment.textContent()).toContain('Is the split stratified by store?');
    expect(await comment.textContent()).toContain(people.owner.name);
    await until(() => comments.getByLabel('New comment').inputValue()).toBe('');

    await comment.getByRole('button', { name: 'Edit' }).click();
    await comment.getByLabel('Edit comment').fill('Is the split stratified by store and week?');
    await comment.getByRole('button', { name: 'Save' }).click();
    await until(() => comment.getByLabel('Edit comment').count()).toBe(0);
    await until(() => comment.textContent()).toContain('stratified by store and week?');
    expect(await comment.textContent()).toContain('· edited');
    await until(async () => {
      const row = await stack.db.comment.findFirstOrThrow({ where: { itemId: item!.id } });
      return [row.body, row.editedAt !== null, row.deletedAt];
    }).toEqual(['Is the split stratified by store and week?', true, null]);

    await comment.getByRole('button', { name: 'Delete' }).click();
    await until(() => comment.getByText('Comment deleted').isVisible()).toBe(true);
    expect(await comment.textContent()).not.toContain('stratified');
    expect(await comment.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await until(async () => {
      const rows = await stack.db.comment.findMany({ where: { itemId: item!.id } });
      return rows.map((row) => row.deletedAt !== null);
    }).toEqual([true]);
  });

  it('adds a custom item that shows in the tree and is stored as custom', async () => {
    const stageKey = stageKeys[2]!;
    const before = await stack.db.projectItem.count({
      where: { projectId, stage: { key: stageKey } },
    });
    await openStage(owner, stageKey);
    const title = 'Agree on a shadow-mode period with the store managers';
    await owner.getByLabel('New item', { exact: true }).fill(title);
    await owner.getByRole('button', { name: 'Add item' }).click();

    const added = owner.getByTestId('item').filter({
      has: owner.getByTestId('item-title').getByText(title, { exact: true }),
    });
    await until(() => added.count()).toBe(1);
    expect(await added.getByText('Custom', { exact: true }).count()).toBe(1);
    expect(await added.getAttribute('data-status')).toBe('TODO');
    await until(() => owner.getByLabel('New item', { exact: true }).inputValue()).toBe('');
    await until(() => owner.getByTestId('stage-summary').textContent()).toMatch(
      new RegExp(`^0 of ${before + 1} applicable items done`),
    );

    const row = await stack.db.projectItem.findFirstOrThrow({
      where: { projectId, title },
      include: { stage: { select: { key: true } } },
    });
    expect(row).toMatchObject({ isCustom: true, status: 'TODO', parentId: null, depth: 0 });
    expect(row.stage.key).toBe(stageKey);
    expect(await added.getAttribute('data-item-id')).toBe(row.id);
  });

  it('sets status and assignee of three selected items at once', async () => {
    const stageKey = stageKeys[3]!;
    const items = await leaves(stageKey, 3);
    await openStage(owner, stageKey);
    for (const item of items) {
      await itemRow(owner, item.id).getByLabel(`Select “${item.title}”`, { exact: true }).check();
    }
    const bar = owner.getByTestId('bulk-bar');
    await until(() => bar.textContent()).toContain('3 selected');
    await bar.getByLabel('Set status').selectOption('IN_PROGRESS');
    await bar.getByLabel('Assign to').selectOption({ label: people.member.name });
    await bar.getByRole('button', { name: 'Apply to selected' }).click();

    await owner.locator('[data-sonner-toast]').filter({ hasText: '3 items updated' }).waitFor();
    await until(() => bar.count()).toBe(0);
    for (const item of items) {
      const row = itemRow(owner, item.id);
      expect(await row.getAttribute('data-status')).toBe('IN_PROGRESS');
      expect(await row.getByTestId('item-assignee').first().textContent()).toBe(people.member.name);
      expect(await row.getByLabel(`Select “${item.title}”`, { exact: true }).isChecked()).toBe(
        false,
      );
    }
    const rows = await stack.db.projectItem.findMany({
      where: { id: { in: items.map((i) => i.id) } },
      include: { assignee: { select: { email: true } } },
    });
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.status).toBe('IN_PROGRESS');
      expect(row.assignee?.email).toBe(people.member.email);
    }
  });

  it('shows their value when an item changed meanwhile, and applies mine again', async () => {
    const stageKey = stageKeys[4]!;
    const [item] = await leaves(stageKey, 1);
    await openStage(owner, stageKey);
    const details = await openDetails(owner, item!.id);
    const notes = details.getByLabel('Notes', { exact: true });
    await notes.fill('mine: baseline is last year same week');

    // Sam saves the item after this page loaded it.
    const theirs = await memberApi.ok('item.update', {
      itemId: item!.id,
      expectedVersion: item!.version,
      notes: 'theirs: baseline is a 4-week mean',
    });
    await details.getByRole('button', { name: 'Save notes' }).click();

    const panel = itemRow(owner, item!.id).getByTestId('item-conflict');
    await panel.waitFor();
    expect(await panel.getByTestId('theirs-notes').textContent()).toBe(
      'theirs: baseline is a 4-week mean',
    );
    expect(await panel.getByTestId('mine-notes').textContent()).toBe(
      'mine: baseline is last year same week',
    );
    // The page now shows their version; nothing of mine was stored.
    await until(() => notes.inputValue()).toBe('theirs: baseline is a 4-week mean');
    expect(await stored(item!.id)).toMatchObject({
      notes: 'theirs: baseline is a 4-week mean',
      version: theirs.version,
    });

    await panel.getByRole('button', { name: 'Apply my change again' }).click();
    await until(() => panel.count()).toBe(0);
    await until(() => notes.inputValue()).toBe('mine: baseline is last year same week');
    await until(async () => {
      const row = await stored(item!.id);
      return [row.notes, row.version];
    }).toEqual(['mine: baseline is last year same week', theirs.version + 1]);
  });

  it('asks before marking a parent done while its sub-items are open', async () => {
    const parent = await stack.db.projectItem.findFirstOrThrow({
      where: {
        projectId,
        stage: { key: { notIn: stageKeys.slice(0, 5) } },
        children: { some: { status: { in: ['TODO', 'IN_PROGRESS', 'BLOCKED'] } } },
      },
      orderBy: [{ depth: 'asc' }, { position: 'asc' }],
      include: { stage: { select: { key: true } }, children: { select: { id: true } } },
    });
    await openStage(owner, parent.stage.key);
    await statusSelect(owner, parent).selectOption('DONE');
    const ask = owner.getByRole('alertdialog', { name: 'Mark done with open sub-items?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await until(() => ask.count()).toBe(0);
    expect(await itemRow(owner, parent.id).getAttribute('data-status')).toBe('TODO');
    expect((await stored(parent.id)).status).toBe('TODO');

    await statusSelect(owner, parent).selectOption('DONE');
    await ask.getByRole('button', { name: 'Mark done anyway' }).click();
    await until(() => itemRow(owner, parent.id).getAttribute('data-status')).toBe('DONE');
    await until(async () => (await stored(parent.id)).status).toBe('DONE');
    // The sub-items stay as they were.
    const children = await stack.db.projectItem.findMany({
      where: { parentId: parent.id },
      select: { status: true },
    });
    expect(children.some((c) => c.status !== 'DONE')).toBe(true);
  });

  it('rolls a status change back when the API refuses it', async () => {
    const stageKey = stageKeys[0]!;
    const [, , item] = await leaves(stageKey, 3);
    await other.goto('/sign-in');
    await sessionSettled(other, 'signedOut');
    await signInThroughForm(other, people.member.email);
    await openStage(other, stageKey);
    const select = statusSelect(other, item!);
    expect(await select.isEnabled()).toBe(true);

    // The member is made a viewer while the page is open.
    await ownerApi.ok('workspace.setRole', {
      workspaceId,
      userId: people.member.id,
      role: 'VIEWER',
    });
    await select.selectOption('IN_PROGRESS');
    const toast = other.locator('[data-sonner-toast]').filter({ hasText: 'not allowed' });
    await toast.waitFor();
    await until(() => itemRow(other, item!.id).getAttribute('data-status')).toBe('TODO');
    await until(() => select.inputValue()).toBe('TODO');
    expect((await stored(item!.id)).status).toBe('TODO');
    // Having learnt the new role, the page turns read-only.
    await until(() => select.isDisabled()).toBe(true);

    await ownerApi.ok('workspace.setRole', {
      workspaceId,
      userId: people.member.id,
      role: 'MEMBER',
    });
  });

  it('shows a viewer the stage read-only', async () => {
    const stageKey = stageKeys[3]!;
    const items = await leaves(stageKey, 3);
    await otherContext.clearCookies();
    await other.goto('/sign-in');
    await sessionSettled(other, 'signedOut');
    await signInThroughForm(other, people.viewer.email);
    await openStage(other, stageKey);
    await other.getByTestId('read-only-banner').waitFor();

    // What others did is visible…
    const row = itemRow(other, items[0]!.id);
    expect(await row.getAttribute('data-status')).toBe('IN_PROGRESS');
    expect(await row.getByTestId('item-assignee').first().textContent()).toBe(people.member.name);

    // …but nothing can be changed.
    const selects = other.getByTestId('checklist').getByRole('combobox');
    const count = await selects.count();
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) expect(await selects.nth(i).isDisabled()).toBe(true);
    expect(await other.getByTestId('checklist').getByRole('checkbox').count()).toBe(0);
    expect(await other.getByLabel('New item', { exact: true }).count()).toBe(0);
    expect(await other.getByRole('button', { name: 'Log a lesson' }).count()).toBe(0);

    const details = await openDetails(other, items[0]!.id);
    expect(await details.getByLabel('Assignee').isDisabled()).toBe(true);
    expect(await details.getByLabel('Due date').isDisabled()).toBe(true);
    expect(await details.getByLabel('Notes', { exact: true }).isDisabled()).toBe(true);
    expect(await details.getByRole('button', { name: 'Add evidence' }).count()).toBe(0);
    expect(await details.getByLabel('New comment').count()).toBe(0);
    await until(() => details.getByText('No comments yet.').isVisible()).toBe(true);

    // The database is untouched by the visit.
    const rows = await stack.db.projectItem.findMany({
      where: { id: { in: items.map((i) => i.id) } },
      select: { status: true },
    });
    expect(rows.map((r) => r.status)).toEqual(['IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS']);
  });
});

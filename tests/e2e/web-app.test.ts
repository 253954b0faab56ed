// The web app as people use it: a real browser, the production web build, the
// real API and a fresh Postgres. The tests run in order and share one story:
// an owner sets up a workspace and a project, invites a colleague, demotes them
// to viewer, imports a checklist, meets a rename conflict, and has their
// session end under them.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signUp, uniqueEmail } from '../support/api-client';
import { joinByInvitation } from '../support/teams';
import { startStack, type Stack } from './support/stack';
import {
  PASSWORD,
  until,
  fitsWidth,
  freshPage,
  javascriptWeight,
  screenshot,
  screenshotsOnFailure,
  sessionSettled,
  signInThroughForm,
  signUpThroughForm,
} from './support/ui';

let stack: Stack;
let ownerContext: BrowserContext;
let owner: Page;
let invitee: Page;

const ownerEmail = uniqueEmail('priya');
const inviteeEmail = uniqueEmail('sam');
let workspacePath = '';
let projectPath = '';
let projectId = '';

beforeAll(async () => {
  stack = await startStack();
  ({ context: ownerContext, page: owner } = await freshPage(stack));
  ({ page: invitee } = await freshPage(stack));
});

// A failed step leaves pictures of both browsers in test-results/ (git-ignored).
screenshotsOnFailure('e2e', () => ({ owner, invitee }));

afterAll(async () => {
  await stack?.stop();
});

async function v2Stages() {
  const template = await stack.db.checklistTemplate.findFirstOrThrow({
    where: { workspaceId: null, versionLabel: '2' },
    select: { id: true },
  });
  return stack.db.templateStage.findMany({
    where: { templateId: template.id },
    orderBy: { position: 'asc' },
    select: { key: true, title: true },
  });
}

describe('[e2e] web app', () => {
  it('signs up, creates a workspace and a project from the v2 checklist, and shows its stages', async () => {
    await owner.goto('/');
    await sessionSettled(owner, 'signedOut');
    await owner.getByRole('link', { name: 'Create an account' }).click();
    await signUpThroughForm(owner, { name: 'Priya Lead', email: ownerEmail });

    await owner.waitForURL('**/workspaces/new');
    await owner.getByLabel('Name', { exact: true }).fill('Fraud ML');
    await owner.getByRole('button', { name: 'Create workspace' }).click();
    await owner.waitForURL('**/w/fraud-ml');
    workspacePath = new URL(owner.url()).pathname;
    await until(() => owner.getByText('No projects yet').isVisible()).toBe(true);

    await owner.getByRole('button', { name: 'New project' }).first().click();
    const dialog = owner.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Name', { exact: true }).fill('Churn prediction');
    await until(() =>
      dialog.getByLabel('Checklist template').locator('option').first().textContent(),
    ).toMatch(/v2 \(default\)/);
    await dialog.getByLabel('Phase').selectOption('MVP');
    await dialog.getByLabel('Approach').selectOption('DATA_CENTRIC');
    await dialog.getByLabel('Inference').selectOption('BATCH');
    await dialog.getByRole('button', { name: 'Create project' }).click();

    await owner.waitForURL(/\/w\/fraud-ml\/p\/[0-9a-f-]{36}$/);
    projectPath = new URL(owner.url()).pathname;
    projectId = projectPath.split('/').at(-1) ?? '';
    await until(() => owner.getByTestId('project-name').textContent()).toBe('Churn prediction');

    const stages = await v2Stages();
    expect(stages.length).toBeGreaterThan(3);
    const shown = owner.getByTestId('stage-title');
    await until(() => shown.count()).toBe(stages.length);
    expect(await shown.allTextContents()).toEqual(stages.map((s) => s.title));
    // A new project starts at its first stage.
    const current = owner.locator('[data-testid="stage"][aria-current="step"]');
    expect(await current.getByTestId('stage-title').textContent()).toBe(stages[0]!.title);

    // Moving the current stage shows at once and is saved.
    const third = stages[2]!;
    await owner.getByRole('button', { name: `Make “${third.title}” the current stage` }).click();
    await until(() => current.getByTestId('stage-title').textContent()).toBe(third.title);
    await until(async () => {
      const row = await stack.db.project.findUniqueOrThrow({
        where: { id: projectId },
        select: { currentStage: { select: { key: true } } },
      });
      return row.currentStage?.key;
    }).toBe(third.key);
    await screenshot(owner, 'project-page');

    // A first visit straight to the project page: measure the JavaScript it needs.
    const fresh = await ownerContext.newPage();
    await fresh.goto(projectPath);
    await sessionSettled(fresh, 'signedIn');
    await fresh.getByTestId('stage-list').waitFor();
    const weight = await javascriptWeight(fresh);
    console.log(
      `e2e: project page first load: ${weight.files} JS files, ${(weight.transferred / 1024).toFixed(1)} kB transferred (gzip), ${(weight.decoded / 1024).toFixed(1)} kB uncompressed`,
    );
    await fresh.close();

    // The portfolio lists the project with its current stage marked.
    await owner.getByRole('link', { name: 'Projects' }).first().click();
    await owner.waitForURL(`**${workspacePath}`);
    const row = owner.getByTestId('portfolio-row');
    await until(() => row.count()).toBe(1);
    await until(() => row.getByRole('link').first().textContent()).toBe('Churn prediction');
    expect(await row.locator('[data-current="true"]').count()).toBe(1);
    await screenshot(owner, 'workspace-home-first-project');

    // Ctrl-K jumps anywhere from the keyboard.
    await owner.keyboard.press('Control+k');
    const palette = owner.getByRole('dialog');
    await palette.getByPlaceholder('Search workspaces, projects, stages…').fill('churn');
    await palette.getByRole('option', { name: /Churn prediction/ }).waitFor();
    await owner.keyboard.press('Enter');
    await owner.waitForURL(`**${projectPath}`);
    await owner.getByTestId('stage-list').waitFor();
    await owner.getByRole('link', { name: 'Projects' }).first().click();
    await owner.waitForURL(`**${workspacePath}`);

    // Search filters the portfolio.
    await owner.getByLabel('Search projects').fill('nothing like it');
    await until(() => owner.getByText('No projects match').isVisible()).toBe(true);
    await owner.getByLabel('Search projects').fill('churn');
    await until(() => row.count()).toBe(1);
  });

  it('keeps the session when several tabs load at once', async () => {
    // Each load trades the shared refresh cookie for a new one; two at the same
    // moment must not look like a stolen cookie to the API.
    const tabs = await Promise.all([1, 2, 3].map(() => ownerContext.newPage()));
    await Promise.all(tabs.map((tab, i) => tab.goto(i % 2 ? projectPath : workspacePath)));
    await Promise.all(tabs.map((tab) => sessionSettled(tab, 'signedIn')));
    await Promise.all(tabs.map((tab) => tab.close()));
    const later = await ownerContext.newPage();
    await later.goto(workspacePath);
    await sessionSettled(later, 'signedIn');
    await later.close();
  });

  it('works on a 375 px phone screen without sideways scrolling', async () => {
    const phone = await ownerContext.newPage();
    await phone.setViewportSize({ width: 375, height: 740 });
    await phone.goto(workspacePath);
    await sessionSettled(phone, 'signedIn');
    await phone.getByTestId('portfolio-row').first().waitFor();
    expect(await fitsWidth(phone)).toBe(true);
    await screenshot(phone, 'workspace-home-375');
    await phone.goto(projectPath);
    await phone.getByTestId('stage-list').waitFor();
    expect(await fitsWidth(phone)).toBe(true);
    await screenshot(phone, 'project-page-375');
    for (const path of [`${projectPath}/settings`, `${workspacePath}/settings/members`]) {
      await phone.goto(path);
      await phone.getByRole('heading', { level: 2 }).first().waitFor();
      expect(await fitsWidth(phone), path).toBe(true);
    }
    await phone.close();
  });

  it('invites a second person, who signs up from the link, accepts, and appears in members', async () => {
    await owner.goto(`${workspacePath}/settings/invitations`);
    await sessionSettled(owner, 'signedIn');
    await owner.getByLabel('Email address').fill(inviteeEmail);
    await owner.getByLabel('Role', { exact: true }).selectOption('MEMBER');
    await owner.getByRole('button', { name: 'Create invitation link' }).click();
    const linkField = owner.getByTestId('invite-link');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${stack.webUrl}/invite/[A-Za-z0-9_-]{43}$`));
    await until(() => owner.getByTestId('pending-invitations').textContent()).toContain(
      inviteeEmail,
    );

    // The invitee is signed out: sign up first, then come back to accept.
    await invitee.goto(link);
    await sessionSettled(invitee, 'signedOut');
    await invitee.getByRole('link', { name: 'Create an account' }).click();
    await signUpThroughForm(invitee, { name: 'Sam Analyst', email: inviteeEmail });
    await invitee.waitForURL(`**${new URL(link).pathname}`);
    await invitee.getByRole('button', { name: 'Accept invitation' }).click();
    await invitee.waitForURL(`**${workspacePath}`);
    await until(() => invitee.getByTestId('portfolio-row').count()).toBe(1);
    // Members can create projects.
    expect(await invitee.getByRole('button', { name: 'New project' }).count()).toBe(1);

    await owner.getByRole('link', { name: 'Members' }).click();
    const members = owner.getByTestId('member-row');
    await until(() => members.count()).toBe(2);
    const sam = members.filter({ hasText: 'Sam Analyst' });
    expect(await sam.textContent()).toContain(inviteeEmail);
    expect(await sam.getByLabel('Role of Sam Analyst').inputValue()).toBe('MEMBER');
    await screenshot(owner, 'members');
  });

  it('shows a viewer the read-only state and a clear message when an action is refused', async () => {
    // Sam opens the project settings while still a member, on a page that
    // cannot hear live updates (as after a dropped connection): it learns of
    // the new role only from the refusal…
    const liveStream = '**/trpc/live.workspace**';
    await invitee.route(liveStream, (route) => route.abort());
    await invitee.goto(`${projectPath}/settings`);
    await sessionSettled(invitee, 'signedIn');
    const nameField = invitee.getByLabel('Project name');
    await nameField.waitFor();
    expect(await nameField.isEditable()).toBe(true);

    // …then the owner makes Sam a viewer.
    await owner
      .getByTestId('member-row')
      .filter({ hasText: 'Sam Analyst' })
      .getByLabel('Role of Sam Analyst')
      .selectOption('VIEWER');
    await until(async () => {
      const membership = await stack.db.membership.findFirst({
        where: { user: { email: inviteeEmail } },
        select: { role: true },
      });
      return membership?.role;
    }).toBe('VIEWER');

    // Sam's rename is refused: the message says why, and nothing changed.
    await nameField.fill('Renamed by a viewer');
    await invitee.getByRole('button', { name: 'Save changes' }).click();
    const toast = invitee.locator('[data-sonner-toast]').filter({ hasText: 'not allowed' });
    await toast.waitFor();
    expect(await toast.textContent()).toMatch(
      /Your role \(VIEWER\) cannot do this; it needs MEMBER/,
    );
    await until(() => invitee.getByTestId('project-name').textContent()).toBe('Churn prediction');
    // The page turns read-only once it learns the new role.
    await invitee.getByTestId('read-only-banner').waitFor();
    await invitee.getByTestId('read-only-note').waitFor();
    expect(await nameField.isEditable()).toBe(false);
    expect(await nameField.inputValue()).toBe('Churn prediction');
    const row = await stack.db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(row.name).toBe('Churn prediction');

    // With live updates, the page follows a role change without any action:
    // made a member again, Sam's open page becomes editable, no reload.
    await invitee.unroute(liveStream);
    await invitee.reload();
    await sessionSettled(invitee, 'signedIn');
    await invitee.getByTestId('read-only-banner').waitFor();
    await owner
      .getByTestId('member-row')
      .filter({ hasText: 'Sam Analyst' })
      .getByLabel('Role of Sam Analyst')
      .selectOption('MEMBER');
    await invitee.getByTestId('read-only-banner').waitFor({ state: 'detached', timeout: 5_000 });
    expect(await nameField.isEditable()).toBe(true);
    await owner
      .getByTestId('member-row')
      .filter({ hasText: 'Sam Analyst' })
      .getByLabel('Role of Sam Analyst')
      .selectOption('VIEWER');
    await invitee.getByTestId('read-only-banner').waitFor({ timeout: 5_000 });

    // On the portfolio, a viewer gets no "New project".
    await invitee.getByRole('link', { name: 'Projects' }).first().click();
    await invitee.getByTestId('portfolio-row').first().waitFor();
    expect(await invitee.getByRole('button', { name: 'New project' }).count()).toBe(0);
    await screenshot(invitee, 'viewer-read-only', { toasts: true });
  });

  it('previews an imported Markdown checklist (stages and items) before saving it', async () => {
    const markdown = [
      '# Fraud team checklist',
      '',
      '## Scoping',
      '- Define the business problem | [Notes](https://example.com/scoping)',
      '- Agree on a success metric',
      '  - Offline metric',
      '  - Online metric',
      '',
      '## Data',
      '- Find the data sources',
      '- Check data quality',
      '',
      '## Deployment',
      '- Choose batch or real-time serving',
      '',
    ].join('\n');
    const countTemplates = () =>
      stack.db.checklistTemplate.count({ where: { name: 'Fraud team checklist' } });

    await owner.goto(`${workspacePath}/settings/templates`);
    await sessionSettled(owner, 'signedIn');
    await owner.getByRole('link', { name: 'Import Markdown' }).click();
    await owner.getByLabel('Template name').fill('Fraud team checklist');

    // Something that is not a checklist is explained, not saved.
    await owner.getByLabel('Checklist Markdown').fill('Just a sentence, no stages.');
    await owner.getByTestId('preview-error').waitFor();
    expect(await owner.getByRole('button', { name: 'Save template' }).isDisabled()).toBe(true);

    await owner.getByLabel('Checklist Markdown').fill(markdown);
    await until(() => owner.getByTestId('preview-summary').textContent()).toBe('3 stages, 7 items');
    const stages = owner.getByTestId('tree-stage-title');
    expect(await stages.allTextContents()).toEqual(['Scoping', 'Data', 'Deployment']);
    const preview = owner.getByTestId('preview-tree');
    expect(await preview.textContent()).toContain('Define the business problem');
    expect(await preview.textContent()).toContain('Online metric');
    expect(await countTemplates()).toBe(0);
    await screenshot(owner, 'template-import-preview');

    await owner.getByRole('button', { name: 'Save template' }).click();
    await owner.waitForURL(`**${workspacePath}/settings/templates`);
    await until(() => owner.getByTestId('templates').textContent()).toContain(
      'Fraud team checklist v1',
    );
    expect(await countTemplates()).toBe(1);
  });

  it("shows the other person's change when a project rename meets a version conflict", async () => {
    // Another member, working through the API.
    const ownerApi = new ApiClient(stack.apiUrl);
    const session = await ownerApi.ok('auth.login', {
      email: ownerEmail,
      password: PASSWORD,
    });
    ownerApi.accessToken = session.accessToken;
    const workspace = await stack.db.workspace.findFirstOrThrow({ where: { slug: 'fraud-ml' } });
    const alex = await signUp(stack.apiUrl, { name: 'Alex Engineer' });
    await joinByInvitation(ownerApi, workspace.id, alex, 'MEMBER');

    await owner.goto(`${projectPath}/settings`);
    await sessionSettled(owner, 'signedIn');
    const nameField = owner.getByLabel('Project name');
    await nameField.waitFor();
    await nameField.fill('Churn prediction (Priya)');

    // Meanwhile Alex renames the project.
    const current = await alex.client.ok('project.get', { projectId });
    await alex.client.ok('project.update', {
      projectId,
      expectedVersion: current.version,
      name: 'Churn prediction (Alex)',
    });

    await owner.getByRole('button', { name: 'Save changes' }).click();
    const panel = owner.getByTestId('conflict-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('theirs-name').textContent()).toBe('Churn prediction (Alex)');
    expect(await panel.getByTestId('mine-name').textContent()).toBe('Churn prediction (Priya)');
    await until(() => owner.getByTestId('project-name').textContent()).toBe(
      'Churn prediction (Alex)',
    );
    await screenshot(owner, 'project-rename-conflict');

    await panel.getByRole('button', { name: 'Apply my change again' }).click();
    await until(() => owner.getByTestId('project-name').textContent()).toBe(
      'Churn prediction (Priya)',
    );
    await until(() => panel.count()).toBe(0);
    // The change shows at once (optimistic); the server has it a moment later.
    await until(
      async () => (await stack.db.project.findUniqueOrThrow({ where: { id: projectId } })).name,
    ).toBe('Churn prediction (Priya)');
  });

  it('previews and applies a move of the project to another checklist version', async () => {
    await owner.goto(`${projectPath}/settings`);
    await sessionSettled(owner, 'signedIn');
    await owner.getByLabel('Compare with').selectOption({ label: 'ML end-to-end checklist v1' });
    const preview = owner.getByTestId('upgrade-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/Items carried over\s*\d+/);
    await owner.getByRole('button', { name: 'Move to v1' }).click();
    await owner.getByRole('alertdialog').getByRole('button', { name: 'Move project' }).click();
    await until(async () => {
      const row = await stack.db.project.findUniqueOrThrow({
        where: { id: projectId },
        select: { template: { select: { versionLabel: true } } },
      });
      return row.template?.versionLabel;
    }).toBe('1');
    await until(() => owner.getByText('ML end-to-end checklist v1').first().isVisible()).toBe(true);
  });

  it('sends a person whose session ended to sign in, then back to where they were', async () => {
    await owner.goto(projectPath);
    await sessionSettled(owner, 'signedIn');
    await owner.getByTestId('stage-list').waitFor();

    // Every session of the owner ends (e.g. "sign out everywhere" on another device).
    const elsewhere = new ApiClient(stack.apiUrl);
    const session = await elsewhere.ok('auth.login', {
      email: ownerEmail,
      password: PASSWORD,
    });
    elsewhere.accessToken = session.accessToken;
    await elsewhere.ok('auth.logoutAll', {});

    // The page learns it at the click, or before it from a read of its own in the
    // background (the inbox count, a live refetch): either way, back to that page.
    await owner
      .getByRole('link', { name: 'Settings' })
      .last()
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    await owner.waitForURL('**/sign-in?**');
    const url = new URL(owner.url());
    const next = url.searchParams.get('next');
    expect([projectPath, `${projectPath}/settings`]).toContain(next);
    await owner.getByText('Your session has ended').waitFor();
    await screenshot(owner, 'session-ended-sign-in');

    await signInThroughForm(owner, ownerEmail);
    await owner.waitForURL(`**${next}`);
    if (next === projectPath) await owner.getByTestId('stage-list').waitFor();
    else await owner.getByLabel('Project name').waitFor();
  });
});

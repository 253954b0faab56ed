// Settings → API tokens in the browser (issue 13): a person makes a token in
// the page, sees it once (copied with the Copy button, gone once the dialog
// closes; the list shows only its last four characters), uses it as a script
// would (a plain `fetch` through the web origin: the OpenAPI document the page
// links to, then an authenticated REST call), revokes it in the page, and the
// same call is refused with 401. Then Settings → Webhooks: an admin adds an
// endpoint served by this test on loopback (the stack runs the webhook jobs
// with WEBHOOK_ALLOW_PRIVATE's transport), sees its `whsec_` secret once,
// sends a test event and finds its delivery (status 200) in the log; the
// receiver checks the signature with its own HMAC; then off, on and delete.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../support/api-client';
import { joinByInvitation } from '../support/teams';
import {
  startReceiver,
  verifyStandardWebhook,
  type TestReceiver,
} from '../support/webhook-receiver';
import { startStack, type Stack } from './support/stack';
import {
  screenshot,
  screenshotsOnFailure,
  sessionSettled,
  signedInPage,
  until,
} from './support/ui';

let stack: Stack;
let page: Page;
let workspaceId = '';
let settingsPath = '';
let projectName = '';
let memberEmail = '';
let receiver: TestReceiver;

beforeAll(async () => {
  stack = await startStack({ webhooks: { allowPrivate: true } });
  receiver = await startReceiver();
  const account = await signUp(stack.apiUrl, { name: 'Tara Token' });
  const workspace = await account.client.ok('workspace.create', { name: 'Pipelines' });
  workspaceId = workspace.id;
  settingsPath = `/w/${workspace.slug}/settings`;
  const project = await account.client.ok('project.create', { workspaceId, name: 'Fraud model' });
  projectName = project.name;
  const member = await signUp(stack.apiUrl, { name: 'Milo Member' });
  await joinByInvitation(account.client, workspaceId, member, 'MEMBER');
  memberEmail = member.user.email;
  const signedIn = await signedInPage(stack, account.user.email);
  page = signedIn.page;
  await signedIn.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: stack.webUrl,
  });
});

screenshotsOnFailure('api-tokens', () => ({ '': page }));

afterAll(async () => {
  await stack?.stop();
  await receiver?.close();
});

/** What the clipboard holds, read in the page (this file has no DOM types). */
const clipboardText = () =>
  page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  );

/** A script's request through the web origin, with the token as its only credential. */
const callApi = (path: string, token: string) =>
  fetch(`${stack.webUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('[api-tokens] settings page', () => {
  let token = '';
  const row = () => page.getByTestId('api-tokens').getByRole('row', { name: /CI pipeline/ });

  it('[api-tokens][member] creates a token and sees it once, with a Copy button', async () => {
    await page.goto(settingsPath);
    await sessionSettled(page, 'signedIn');
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'API tokens' })
      .click();
    await page.getByRole('heading', { name: 'API tokens', exact: true }).waitFor();
    await page.getByText('No API tokens').waitFor();

    await page.getByRole('button', { name: 'New token' }).click();
    const dialog = page.getByRole('dialog');
    // No scope at all is refused in the form, before any request.
    await dialog.getByRole('checkbox', { name: /^Read/ }).uncheck();
    await dialog.getByLabel('Name').fill('CI pipeline');
    await dialog.getByRole('button', { name: 'Create token' }).click();
    await dialog.getByText('Needs at least one scope').waitFor();

    await dialog.getByRole('checkbox', { name: /^Read/ }).check();
    await dialog.getByRole('checkbox', { name: /^Write/ }).check();
    await dialog.getByLabel('Expires').selectOption('30');
    await dialog.getByRole('button', { name: 'Create token' }).click();

    const field = dialog.getByLabel('API token', { exact: true });
    await until(() => field.inputValue()).toMatch(/^shp_/);
    token = await field.inputValue();
    await dialog.getByText("you won't see it again").waitFor();
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await dialog.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await clipboardText()).toBe(token);
    await screenshot(page, 'api-token-created');

    await dialog.getByRole('button', { name: 'I have copied it' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row().waitFor();
    const cells = await row().getByRole('cell').allInnerTexts();
    expect(cells[0]).toBe('CI pipeline');
    expect(cells[1]).toMatch(/read\s*write/);
    expect(cells[2]).toContain(`…${token.slice(-4)}`);
    expect(await page.content()).not.toContain(token);

    // Opened again, the dialog is a fresh form: the token is not shown twice.
    await page.getByRole('button', { name: 'New token' }).click();
    await dialog.getByLabel('Name').waitFor();
    expect(await dialog.getByLabel('API token', { exact: true }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('[api-tokens][script] reads the OpenAPI document and calls the REST API with it', async () => {
    const raw = page.getByRole('link', { name: 'OpenAPI document' });
    const href = await raw.getAttribute('href');
    expect(href).toBe('/api/v1/openapi.json');
    const openapi = await fetch(`${stack.webUrl}${href}`);
    expect(openapi.status).toBe(200);
    const document = (await openapi.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\.1/);
    expect(Object.keys(document.paths)).toContain('/workspaces/{workspaceId}/projects');
    expect(await page.getByTestId('api-curl-example').innerText()).toContain(
      `Authorization: Bearer shp_`,
    );

    const projects = await callApi(`/api/v1/workspaces/${workspaceId}/projects`, token);
    expect(projects.status).toBe(200);
    expect(JSON.stringify(await projects.json())).toContain(projectName);

    // The reference page reads the same document: every route, with its parameters.
    await page.getByRole('link', { name: 'API reference' }).click();
    const reference = page.getByTestId('api-docs');
    await reference.waitFor();
    const operations = reference.getByTestId('api-operation');
    const methods = Object.values(document.paths)
      .flatMap((item) => Object.keys(item as object))
      .filter((key) => ['get', 'post', 'put', 'patch', 'delete'].includes(key));
    expect(await operations.count()).toBe(methods.length);
    await operations
      .filter({ hasText: '/api/v1/kpis/{kpiId}/measurements' })
      .filter({ hasText: 'POST' })
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'API tokens' }).first().click();
    await page.getByTestId('api-curl-example').waitFor();

    // The list now says when it was last used.
    await page.reload();
    await sessionSettled(page, 'signedIn');
    await until(async () => (await row().getByRole('cell').allInnerTexts())[5]).not.toBe('Never');
  });

  it('[api-tokens][member] revokes the token in the page, and the script gets 401', async () => {
    await screenshot(page, 'api-tokens');
    await row().getByRole('button', { name: 'Revoke the token “CI pipeline”' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('Revoke “CI pipeline”?').waitFor();
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await row().waitFor({ state: 'detached' });
    await page.getByText('No API tokens').waitFor();

    const refused = await callApi(`/api/v1/workspaces/${workspaceId}/projects`, token);
    expect(refused.status).toBe(401);
  });
});

describe('[webhooks] settings page', () => {
  let secret = '';
  const card = () => page.getByTestId('webhook').filter({ hasText: receiver.url });

  it('[webhooks][owner] creates a webhook and sees its signing secret once', async () => {
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Webhooks' })
      .click();
    await page.getByRole('heading', { name: 'Webhooks', exact: true }).waitFor();
    await page.getByText('No webhooks').waitFor();

    await page.getByRole('button', { name: 'New webhook' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Endpoint URL').fill(receiver.url);
    await dialog.getByRole('checkbox', { name: /^kpi\.off_track/ }).uncheck();
    await dialog.getByRole('button', { name: 'Create webhook' }).click();
    const field = dialog.getByLabel('Signing secret', { exact: true });
    await until(() => field.inputValue()).toMatch(/^whsec_/);
    secret = await field.inputValue();
    await dialog.getByText("you won't see it again").waitFor();
    await dialog.getByRole('button', { name: 'I have copied it' }).click();
    await dialog.waitFor({ state: 'detached' });

    await card().waitFor();
    expect(await card().innerText()).toContain('8 events');
    expect(await page.content()).not.toContain(secret);
  });

  it('[webhooks][owner] sends a test event and sees its delivery in the log', async () => {
    receiver.answer({ status: 200, body: 'thanks, got it' });
    await card().getByRole('button', { name: 'Send test event' }).click();
    const log = card().getByTestId('webhook-deliveries');
    const delivery = log.getByRole('row', { name: /webhook\.test/ });
    await until(() => delivery.count()).toBe(1);
    const cells = await delivery.getByRole('cell').allInnerTexts();
    expect(cells.slice(1, 4)).toEqual(['webhook.test', '1', '200']);
    expect(cells[4]).toMatch(/^\d[\d,]* ms$/);
    expect(cells[5]).toBe('thanks, got it');
    await screenshot(page, 'webhook-delivery-log');

    // The receiver got it, signed with the secret shown once (checked from the spec).
    expect(receiver.received).toHaveLength(1);
    const [hook] = receiver.received;
    expect(hook!.json.type).toBe('webhook.test');
    expect(verifyStandardWebhook(secret, hook!)).toBe(true);
  });

  it('[webhooks][owner] turns the webhook off and on, then deletes it', async () => {
    await card().getByRole('button', { name: 'Disable' }).click();
    await card().getByText('Disabled', { exact: true }).waitFor();
    expect(await card().getByRole('button', { name: 'Send test event' }).isDisabled()).toBe(true);
    await card().getByRole('button', { name: 'Enable' }).click();
    await card().getByText('Enabled', { exact: true }).waitFor();

    await card()
      .getByRole('button', { name: `Delete the webhook to ${receiver.url}` })
      .click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No webhooks').waitFor();
  });

  it('[webhooks][member] sees a note instead of the webhooks', async () => {
    const { context, page: memberPage } = await signedInPage(stack, memberEmail);
    try {
      await memberPage.goto(`${settingsPath}/webhooks`);
      await memberPage.getByText('Only admins and owners manage webhooks').waitFor();
      expect(await memberPage.getByRole('button', { name: 'New webhook' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

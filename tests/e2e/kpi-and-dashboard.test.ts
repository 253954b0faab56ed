// The KPI page and the project dashboard in a real browser: numbers are read
// as the API reads them, the change against the baseline says what each number
// is, "Measured at" goes back to now after a value is recorded, the chart's
// y-axis falls on round values, and a stage change that meets someone else's
// edit is rolled back to their version and can be made again.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from '../support/api-client';
import { startStack, type Stack } from './support/stack';
import {
  daysAgo,
  freshPage,
  screenshotsOnFailure,
  sessionSettled,
  signUpThroughForm,
  until,
} from './support/ui';

let stack: Stack;
let page: Page;
let projectPath = '';
let projectId = '';

beforeAll(async () => {
  stack = await startStack();
  ({ page } = await freshPage(stack));
});

screenshotsOnFailure('kpi', () => ({ '': page }));

afterAll(async () => {
  await stack?.stop();
});

/** 1, 2, 2.5 or 5 times a power of ten. */
function isRoundStep(step: number): boolean {
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  return [1, 2, 2.5, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-9);
}

describe('[e2e][kpi] KPI page and project dashboard', () => {
  it('[setup] a lead signs up and creates a workspace and a project', async () => {
    await page.goto('/sign-up');
    await sessionSettled(page, 'signedOut');
    await signUpThroughForm(page, { name: 'Kim Lead', email: uniqueEmail('kim-kpi') });
    await page.waitForURL('**/workspaces/new');
    await page.getByLabel('Name', { exact: true }).fill('Metrics Lab');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL('**/w/metrics-lab');
    await page.getByRole('button', { name: 'New project' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Name', { exact: true }).fill('Churn model');
    await until(() =>
      dialog.getByLabel('Checklist template').locator('option').first().textContent(),
    ).toMatch(/\(default\)/);
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/w\/metrics-lab\/p\/[0-9a-f-]{36}$/);
    projectPath = new URL(page.url()).pathname;
    projectId = projectPath.split('/').at(-1) ?? '';
    await page.getByTestId('stage-list').waitFor();
  });

  it('[kpi][form] refuses "1,234" as the API does, then creates the KPI', async () => {
    await page.goto(`${projectPath}/kpis`);
    await sessionSettled(page, 'signedIn');
    await page.getByRole('button', { name: 'New KPI' }).click();
    const form = page.getByRole('form', { name: 'New KPI' });
    await form.getByLabel('KPI name').fill('Recall at 10');
    await form.getByLabel('Unit').fill('%');
    await form.getByLabel('Baseline').fill('1,234');
    await form.getByLabel('Target').fill('79.1');
    await form.getByRole('button', { name: 'Create KPI' }).click();
    const baselineError = form.getByRole('alert').filter({ hasText: 'not a number' });
    await until(() => baselineError.textContent()).toMatch(/no thousands separators/);
    expect(await form.getByLabel('Baseline').getAttribute('aria-invalid')).toBe('true');
    expect(await stack.db.kpi.count({ where: { projectId } })).toBe(0);

    await form.getByLabel('Baseline').fill('61.3');
    await form.getByRole('button', { name: 'Create KPI' }).click();
    await until(() => page.getByTestId('kpi-title').textContent()).toBe('Recall at 10');
    const saved = await stack.db.kpi.findFirstOrThrow({ where: { projectId } });
    expect([saved.baseline, saved.target]).toEqual([61.3, 79.1]);
  });

  it('[kpi][record] refuses a decimal comma, and resets "Measured at" to now after each value', async () => {
    const value = page.getByLabel('Value (%)');
    const at = page.getByLabel('Measured at');
    const record = page.getByRole('button', { name: 'Record value' });

    await value.fill('0,5');
    await record.click();
    await until(() =>
      page.getByRole('form', { name: 'Record a value' }).getByRole('alert').first().textContent(),
    ).toMatch(/use a dot for decimals/);
    expect(await stack.db.kpiMeasurement.count()).toBe(0);

    const values = ['63.4', '70.9', '73.25'];
    for (const [index, text] of values.entries()) {
      await value.fill(text);
      await at.fill(daysAgo(values.length + 1 - index));
      await record.click();
      await until(() => value.inputValue()).toBe('');
      // Not the time just used: empty, which means "now".
      expect(await at.inputValue()).toBe('');
    }
    // One more with the field left empty: recorded at (about) now.
    await value.fill('74');
    await record.click();
    await until(() => value.inputValue()).toBe('');
    const latest = await stack.db.kpiMeasurement.findFirstOrThrow({
      orderBy: { recordedAt: 'desc' },
    });
    expect(Math.abs(latest.recordedAt.getTime() - Date.now())).toBeLessThan(5 * 60_000);
    await until(() => page.getByTestId('kpi-chart').getAttribute('data-points')).toBe('4');
  });

  it('[kpi][figures] names each number of the change against the baseline', async () => {
    // Latest 74 % against a baseline of 61.3 %: 12.7 percentage points, 20.7 % relative.
    await until(() => page.getByTestId('kpi-detail-latest').textContent()).toBe('74 %');
    expect(await page.getByTestId('kpi-detail-change').textContent()).toBe('+12.7 pp');
    expect(await page.getByTestId('kpi-detail-change').getAttribute('title')).toMatch(
      /percentage points/,
    );
    expect(await page.getByTestId('kpi-detail-change-relative').textContent()).toBe(
      '+20.7 % relative to the baseline',
    );
    const row = page.getByTestId('kpi-row').first();
    expect(await row.textContent()).toContain('+20.7 % relative to the baseline');
  });

  it('[kpi][chart] puts y-axis ticks on round values', async () => {
    const chart = page.getByTestId('kpi-chart');
    const ticks = (await chart.getAttribute('data-y-ticks'))?.split(' ').map(Number) ?? [];
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
    expect(isRoundStep(step)).toBe(true);
    for (const tick of ticks)
      expect(Math.abs(tick / step - Math.round(tick / step))).toBeLessThan(1e-9);
    // The data (61.3…79.1) sits inside the axis.
    expect(ticks[0]).toBeLessThanOrEqual(61.3);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(79.1);
    // What the reader sees are those values, none like "60.2".
    // (Of all tick labels the numeric ones; the x-axis shows dates like "25 Nov".)
    const labels = chart.locator('.recharts-cartesian-axis-tick-value');
    await until(async () =>
      (await labels.allTextContents())
        .map((text) => Number(text.replace(/,/g, '')))
        .filter((value) => !Number.isNaN(value)),
    ).toEqual(ticks);
  });

  it('[dashboard][stage] a stage change meeting an edit by someone else rolls back, then applies again', async () => {
    await page.goto(projectPath);
    await sessionSettled(page, 'signedIn');
    await page.locator('[data-testid="project-dashboard"][data-ready="true"]').waitFor();
    expect(await page.getByTestId('kpi-latest').first().textContent()).toBe('74 %');
    const before = await page.locator('[data-current="true"]').getAttribute('data-stage-key');
    const target = page.locator('[data-testid="stage"]:not([data-current="true"])').nth(1);
    const targetKey = await target.getAttribute('data-stage-key');
    const title = (await target.getByTestId('stage-title').textContent()) ?? '';

    // Someone else saves the project meanwhile: the version the page holds is stale.
    await stack.db.project.update({
      where: { id: projectId },
      data: { version: { increment: 1 } },
    });
    await page.getByRole('button', { name: `Make “${title}” the current stage` }).click();
    const toast = page.getByText('Someone else changed this project first');
    await toast.waitFor();
    await until(() => page.locator('[data-current="true"]').getAttribute('data-stage-key')).toBe(
      before,
    );

    await page.getByRole('button', { name: 'Set stage again' }).click();
    await until(() => page.locator('[data-current="true"]').getAttribute('data-stage-key')).toBe(
      targetKey,
    );
    await until(async () => {
      const project = await stack.db.project.findUniqueOrThrow({
        where: { id: projectId },
        select: { currentStage: { select: { key: true } } },
      });
      return project.currentStage?.key;
    }).toBe(targetKey);
  });
});

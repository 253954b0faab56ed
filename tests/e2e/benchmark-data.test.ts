// The dashboard budgets with the benchmark's data set (200 projects × 150
// items, 20 KPIs × 1 000 points, 2 000 lessons): how long the portfolio and a
// project dashboard take to be fully rendered in the browser, on loopback.
// The figures are printed for bench/results/, not asserted: timing assertions
// on a shared machine would fail for the machine's reasons, not the product's.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_PASSWORD, seedBenchWorld, type BenchWorld } from '../../bench/seed';
import { startStack, type Stack } from './support/stack';
import { signInThroughForm } from './support/ui';

let stack: Stack;
let page: Page;
let world: BenchWorld;
let workspacePath: string;

beforeAll(async () => {
  stack = await startStack();
  world = await seedBenchWorld(stack.db);
  const workspace = await stack.db.workspace.findUniqueOrThrow({
    where: { id: world.workspaceId },
  });
  workspacePath = `/w/${workspace.slug}`;
  const context = await stack.newContext();
  context.setDefaultTimeout(30_000);
  page = await context.newPage();
  await page.goto(`${stack.webUrl}/sign-in`);
  await signInThroughForm(page, world.email, BENCH_PASSWORD);
}, 300_000);

afterAll(async () => {
  await stack?.stop();
});

describe('[e2e][budget] dashboards with the benchmark data set', () => {
  it('renders the 200-project portfolio and navigates to a project dashboard', async () => {
    const timings: number[] = [];
    for (let run = 0; run < 3; run++) {
      const portfolioStart = Date.now();
      await page.goto(`${stack.webUrl}${workspacePath}`);
      const rows = page.getByTestId('portfolio-row');
      await rows.first().waitFor();
      const portfolioMs = Date.now() - portfolioStart;
      expect(await rows.count()).toBeGreaterThan(0);

      const started = Date.now();
      await rows.getByRole('link', { name: `Project 00${run}` }).click();
      await page.locator('[data-testid="project-dashboard"][data-ready="true"]').waitFor();
      const navigationMs = Date.now() - started;
      timings.push(navigationMs);
      console.log(
        `e2e budget (benchmark data): portfolio rendered in ${portfolioMs} ms; portfolio → dashboard of "Project 00${run}" fully rendered in ${navigationMs} ms`,
      );
      expect(await page.getByTestId('project-percent').textContent()).toMatch(/%/);
    }
    console.log(
      `e2e budget (benchmark data): navigation median ${timings.sort((a, b) => a - b)[1]} ms (budget 1000 ms)`,
    );
  });
});

// Content-Security-Policy violations a browser context meets, from the page's
// own `securitypolicyviolation` events and from the console.
import type { BrowserContext, Page } from 'playwright-core';

export interface CspWatch {
  /** Every violation so far, as "directive blocked-uri (page)". */
  violations: string[];
}

export async function watchCsp(context: BrowserContext): Promise<CspWatch> {
  const watch: CspWatch = { violations: [] };
  await context.exposeBinding('__reportCspViolation', ({ page }, text: string) => {
    watch.violations.push(`${text} (${page.url()})`);
  });
  await context.addInitScript(() => {
    const report = (globalThis as unknown as { __reportCspViolation: (text: string) => void })
      .__reportCspViolation;
    (globalThis as unknown as { document: EventTarget }).document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const violation = event as unknown as { violatedDirective: string; blockedURI: string };
        report(`${violation.violatedDirective} ${violation.blockedURI}`);
      },
    );
  });
  const onPage = (page: Page) =>
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) {
        watch.violations.push(`console: ${message.text()} (${page.url()})`);
      }
    });
  context.pages().forEach(onPage);
  context.on('page', onPage);
  return watch;
}

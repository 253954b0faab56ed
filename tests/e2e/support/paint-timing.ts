// Paint timing in the real page: how long from a person's action (the event's
// own timestamp) until what they expect is in the document and a frame has
// been drawn with it. A MutationObserver checks the condition on every change
// to the document; the frame after the change counts as painted (the next
// requestAnimationFrame, then the task after it, which runs once the frame is
// committed). Everything is measured on the page's own clock (performance.now).
import type { BrowserContext, Page } from 'playwright-core';

/** What the person expects to see. */
export interface PaintCondition {
  selector: string;
  /** The element's attribute has this value. */
  attribute?: { name: string; value: string };
  /** The element's text contains this. */
  text?: string;
  /** True when no element matches (with `text`: when none contains it). */
  absent?: boolean;
}

export interface PaintTiming {
  /** The action's event timestamp (ms on the page's clock). */
  start: number;
  /** When the condition first held in the document. */
  dom: number;
  /** When the frame showing it was committed. */
  painted: number;
}

/** Firsts since the document started, whatever the action: page loads are timed from 0. */
const FIRSTS = ['[data-testid="portfolio-row"]', '[data-testid="item"]'];

// Runs in the page, before the app's code. Kept as a string: this file is
// type-checked without the DOM library.
const PAGE_SCRIPT = `(() => {
  const holds = (c) => {
    const all = Array.from(document.querySelectorAll(c.selector));
    const matching = all.filter((el) =>
      (!c.attribute || el.getAttribute(c.attribute.name) === c.attribute.value) &&
      (c.text === undefined || (el.textContent || '').includes(c.text)));
    return c.absent ? matching.length === 0 : matching.length > 0;
  };
  const afterPaint = (done) =>
    requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
  const watches = new Map();
  const firsts = {};
  const check = () => {
    for (const selector of ${JSON.stringify(FIRSTS)}) {
      if (firsts[selector] || !document.querySelector(selector)) continue;
      const entry = { dom: performance.now() };
      firsts[selector] = entry;
      afterPaint((t) => (entry.painted = t));
    }
    for (const w of watches.values()) {
      if (w.start === undefined || w.dom !== undefined || !holds(w.condition)) continue;
      w.dom = performance.now();
      afterPaint((t) => (w.painted = t));
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
  const onEvent = (event) => {
    for (const w of watches.values()) {
      if (w.start === undefined && w.events.includes(event.type)) {
        w.start = event.timeStamp;
        // The condition may hold at once (nothing to wait for): checked after this event.
        queueMicrotask(check);
      }
    }
  };
  for (const type of ['click', 'change', 'input', 'keydown', 'submit']) {
    window.addEventListener(type, onEvent, true);
  }
  window.__paint = {
    arm(id, events, condition) { watches.set(id, { events, condition }); },
    result(id) {
      const w = watches.get(id);
      return w && w.painted !== undefined ? { start: w.start, dom: w.dom, painted: w.painted } : null;
    },
    firsts() { return firsts; },
    /** Requests that started in [from, to]: where the time went. */
    requests(from, to) {
      return performance.getEntriesByType('resource')
        .filter((e) => e.startTime >= from && e.startTime <= to)
        .map((e) => ({
          name: ((path) => (path.startsWith('/_next/') ? '(script)' : path))(new URL(e.name).pathname),
          start: Math.round(e.startTime - from),
          end: Math.round(e.responseEnd - from),
        }));
    },
  };
})();`;

/** Installs the timing script in every page of the context. */
export async function installPaintTiming(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: PAGE_SCRIPT });
}

interface PaintApi {
  arm(id: string, events: readonly string[], condition: PaintCondition): void;
  result(id: string): PaintTiming | null;
  firsts(): Record<string, { dom: number; painted?: number }>;
  requests(from: number, to: number): PageRequest[];
}

/** A request the page made, in ms after the action. */
export interface PageRequest {
  name: string;
  start: number;
  end: number;
}

/** The page's timing script, as functions run in the page see it (they cannot close over
 * anything here: Playwright sends their source). */
type PaintWindow = { __paint: PaintApi };

let counter = 0;

/**
 * Times `action`: from the first of `events` it causes until `condition` is
 * painted. Throws when it is not painted within `timeoutMs`.
 */
export async function timePaint(
  page: Page,
  events: string[],
  condition: PaintCondition,
  action: () => Promise<void>,
  timeoutMs = 15_000,
): Promise<PaintTiming & { ms: number }> {
  const id = `w${++counter}`;
  await page.evaluate(([i, e, c]) => (globalThis as unknown as PaintWindow).__paint.arm(i, e, c), [
    id,
    events,
    condition,
  ] as const);
  await action();
  // Polled from here: waitForFunction evaluates its predicate with eval in the page,
  // which the app's Content-Security-Policy refuses.
  const deadline = Date.now() + timeoutMs;
  let timing: PaintTiming | null = null;
  while (!timing) {
    if (Date.now() > deadline)
      throw new Error(`not painted within ${timeoutMs} ms: ${JSON.stringify(condition)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    timing = await page.evaluate(
      (i) => (globalThis as unknown as PaintWindow).__paint.result(i),
      id,
    );
  }
  return { ...timing, ms: timing.painted - timing.start };
}

/** The requests between an action and its paint ("/trpc/dashboard.stage 12→48 ms"). */
export async function requestsDuring(page: Page, timing: PaintTiming): Promise<string> {
  const requests = await page.evaluate(
    ([from, to]) => (globalThis as unknown as PaintWindow).__paint.requests(from, to),
    [timing.start, timing.painted] as const,
  );
  return requests.map((r) => `${r.name} ${r.start}→${r.end} ms`).join(', ') || 'none';
}

/** When the first portfolio row and the first checklist item were painted since the page loaded. */
export async function firstsSinceLoad(
  page: Page,
): Promise<{ portfolioRow?: number; item?: number }> {
  const firsts = await page.evaluate(() => (globalThis as unknown as PaintWindow).__paint.firsts());
  return {
    portfolioRow: firsts[FIRSTS[0]!]?.painted,
    item: firsts[FIRSTS[1]!]?.painted,
  };
}

/** Median, minimum and maximum, rounded to whole ms, for the report. */
export function summarise(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median =
    sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return {
    median: Math.round(median),
    min: Math.round(sorted[0] ?? 0),
    max: Math.round(sorted[sorted.length - 1] ?? 0),
  };
}

/**
 * The shared test fixture: every page a test opens fails the test if it logs a console error or warning, or
 * throws. Tests that expect a warning on purpose list it in `allowConsole`.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { createRequire } from 'node:module';

interface Fixtures {
  /** Console messages (regexps) this test expects and tolerates. */
  allowConsole: RegExp[];
  consoleProblems: string[];
}

export const test = base.extend<Fixtures>({
  allowConsole: [[], { option: true }],
  consoleProblems: async ({ page, allowConsole }, use) => {
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error' && msg.type() !== 'warning') return;
      const text = msg.text();
      // Playwright's own note when `serviceWorkers: 'block'` (playwright.config.ts) stops app/serviceWorker.ts.
      if (text === 'Service Worker registration blocked by Playwright') return;
      if (allowConsole.some((re) => re.test(text))) return;
      problems.push(`${msg.type()}: ${text}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    await use(problems);
    expect(problems, 'the page logged errors or warnings').toEqual([]);
  },
});

export { expect };

export const NEURON = '#/the-neuron';

/** Opens the neuron lesson (with optional query and hash parameters) and waits until its trainer is ready. */
export async function openNeuron(page: Page, { search = '', hashQuery = '' } = {}) {
  await page.goto(`./${search}${NEURON}/playground${hashQuery}`);
  const figure = page.getByTestId('neuron-figure');
  await expect(figure).toBeVisible();
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  return figure;
}

/** The number shown in the loss read-out (NaN before training). */
export async function readLoss(page: Page): Promise<number> {
  return Number(await page.getByTestId('loss').textContent());
}

export async function sliderValue(page: Page, id: string): Promise<number> {
  return Number(await page.getByTestId(id).inputValue());
}

const requireFromHere = createRequire(import.meta.url);

/**
 * Runs axe-core over the whole page and returns its serious and critical violations as "rule: targets" lines
 * (expect it to equal []).
 *
 * @example
 * expect(await seriousAxeViolations(page)).toEqual([]);
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: requireFromHere.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/**
 * Starts recording the page's main-thread tasks over 50 ms (a PerformanceObserver for long tasks); the returned
 * function reads the durations seen so far.
 *
 * @example
 * const longTasks = await watchLongTasks(page);
 * // … train …
 * expect(await longTasks()).toEqual([]);
 */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __long: number[] }).__long = seen;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(Math.round(e.duration)))).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { __long: number[] }).__long);
}

/** Proves the long-task observer works (so an empty list means something): a deliberate 80 ms task is seen. */
export async function expectLongTasksSeen(page: Page, longTasks: () => Promise<number[]>) {
  await page.evaluate(() => {
    // In a task of the page's own (a task started by the test driver is not reported).
    setTimeout(() => {
      const t = performance.now();
      while (performance.now() - t < 80);
    }, 0);
  });
  await expect.poll(async () => Math.max(0, ...(await longTasks()))).toBeGreaterThanOrEqual(80);
}

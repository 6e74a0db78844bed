import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures';

const LESSON = './#/limits-of-deep-learning';

const values = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluateAll((els) => els.map((e) => e.getAttribute('data-value') ?? '').map((v) => (v === '' ? NaN : Number(v))));
const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The canvas's pixels, as a data URL, and how many distinct colours it has (1 for a blank canvas). */
const canvasState = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((c: HTMLCanvasElement) => {
    // Read a copy, so the page's own canvas is never read back (Chrome warns after a few readbacks).
    const copy = document.createElement('canvas');
    [copy.width, copy.height] = [c.width, c.height];
    const ctx = copy.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(c, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return { url: c.toDataURL(), colours: colours.size, width: c.width };
  });

test.describe('the limits of deep learning', () => {
  test('the data-size sweep: points arrive one by one and the network gets better with more data', async ({ page, consoleProblems }) => {
    await page.goto(`${LESSON}/data-size?largest=1000`);
    const figure = page.getByTestId('data-size-figure');
    await expect(figure).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('sweep-sizes')).toHaveValue('1000');
    await page.getByTestId('sweep-run').click();
    await expect(page.getByTestId('sweep-row')).toHaveCount(3);
    // The first point lands before the last one is trained.
    await expect(page.getByTestId('sweep-points-centroid')).not.toHaveAttribute('data-count', '0', { timeout: 30_000 });
    await expect(page.getByTestId('sweep-run')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('sweep-points-network')).toHaveAttribute('data-count', '3');
    await expect(page.getByTestId('sweep-points-centroid')).toHaveAttribute('data-count', '3');
    const network = await values(page, 'sweep-network');
    const centroid = await values(page, 'sweep-centroid');
    expect(network[0]!).toBeGreaterThan(0.2);
    expect(network[1]!).toBeGreaterThan(network[0]! + 0.1);
    expect(network[2]!).toBeGreaterThan(network[1]! + 0.05);
    expect(network[2]!).toBeGreaterThan(0.8);
    // With 1,000 digits the network has passed the nearest centroid.
    expect(network[2]!).toBeGreaterThan(centroid[2]!);
    await expect(page.getByTestId('sweep-chart')).toHaveAttribute('aria-label', /1000 digits: network/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('bias in, bias out: the rare digit fails while overall accuracy stays high', async ({ page, consoleProblems }) => {
    await page.goto(`${LESSON}/bias?digit=3&keep=1`);
    await expect(page.getByTestId('bias-figure')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('bias-status')).toContainText('would see 8 of the');
    await page.getByTestId('bias-retrain').click();
    await expect(page.getByTestId('bias-overall')).not.toHaveAttribute('data-value', '', { timeout: 60_000 });
    const bars = await values(page, 'class-bar');
    expect(bars).toHaveLength(10);
    const others = bars.filter((_, k) => k !== 3);
    expect(Math.min(...others)).toBeGreaterThan(0.6);
    expect(bars[3]!).toBeLessThan(Math.min(...others) - 0.4);
    await expect(page.locator('[data-testid="class-bar"][data-rare="true"]')).toHaveAttribute('data-class', '3');
    const overall = Number(await page.getByTestId('bias-overall').getAttribute('data-value'));
    expect(overall).toBeGreaterThan(0.75);
    await expect(page.getByTestId('bias-seen')).toHaveText(/^8 of /);
    // Another digit: the figure says the bars are from the last run until it is retrained.
    await page.getByTestId('bias-digit').selectOption('5');
    await expect(page.getByTestId('bias-status')).toContainText('The bars show the last run');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('saliency: a non-blank map from the trained network that changes with the digit; bad input is refused', async ({ page, consoleProblems }) => {
    await page.goto(`${LESSON}/saliency`);
    await expect(page.getByTestId('saliency-figure')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('saliency-map')).toBeHidden();
    await page.getByTestId('saliency-train').click();
    await expect(page.getByTestId('saliency-model')).toContainText('of the test digits right', { timeout: 60_000 });
    await expect(page.getByTestId('saliency-map')).toBeVisible();
    await expect(page.getByTestId('saliency-status')).toContainText('The network says');
    const first = await canvasState(page, 'saliency-map');
    expect(first.width).toBe(112);
    expect(first.colours).toBeGreaterThan(20);
    expect((await canvasState(page, 'saliency-times')).colours).toBeGreaterThan(20);

    await page.getByTestId('saliency-next').click();
    await expect(page.getByTestId('saliency-map')).toHaveAttribute('data-digit', '1');
    await expect.poll(async () => (await canvasState(page, 'saliency-map')).url).not.toBe(first.url);

    // Another class changes the map of the same digit.
    const before = (await canvasState(page, 'saliency-map')).url;
    const status = await page.getByTestId('saliency-status').textContent();
    const predicted = Number(/says (\d)/.exec(status ?? '')?.[1]);
    await page.getByTestId('saliency-class').selectOption(String((predicted + 1) % 10));
    await expect(page.getByTestId('saliency-status')).toContainText(`explain class ${(predicted + 1) % 10}`);
    await expect.poll(async () => (await canvasState(page, 'saliency-map')).url).not.toBe(before);

    // A number outside the test set is refused with a message, and the figure keeps its digit.
    await page.getByTestId('saliency-index').fill('5000');
    await expect(page.getByRole('alert')).toContainText('Type a whole number from 0 to 1,999');
    await expect(page.getByTestId('saliency-map')).toHaveAttribute('data-digit', '1');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('fits a 360 px phone', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && m.text() !== 'Service Worker registration blocked by Playwright' && problems.push(m.text()));
    await page.goto(LESSON);
    for (const [anchor, id] of [['data-size', 'data-size-figure'], ['bias', 'bias-figure'], ['saliency', 'saliency-figure']]) {
      await page.locator(`#${anchor}`).scrollIntoViewIfNeeded();
      await expect(page.getByTestId(id!)).toBeVisible({ timeout: 30_000 });
    }
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

import type { Page } from '@playwright/test';
import { expect, test, seriousAxeViolations } from './fixtures';

const LESSON = '#/deep-networks-and-vanishing-gradients';

/** Opens the figure on the cpu backend (with optional settings) and waits until its trainer is ready. */
async function openFigure(page: Page, hashQuery = '') {
  await page.goto(`./?backend=cpu${LESSON}/gradients${hashQuery}`);
  const figure = page.getByTestId('deep-figure');
  await expect(figure).toBeVisible();
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  return figure;
}

/** Layer 1's gradient divided by the last layer's, as the figure measured it. */
async function gradRatio(page: Page): Promise<number> {
  return Number((await page.getByTestId('grad-ratio').getAttribute('data-ratio')) ?? NaN);
}

async function readNumber(page: Page, id: string): Promise<number> {
  return Number(((await page.getByTestId(id).textContent()) ?? '').replace('%', ''));
}

test.describe('the deep networks lesson', () => {
  test('loads with its math, figure and no console errors', async ({ page, consoleProblems }) => {
    await openFigure(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Deep networks and vanishing gradients' })).toBeVisible();
    await expect(page.locator('.katex').first()).toBeAttached();
    // The initial read shows the vanishing gradient before any training: layer 1 gets a tiny share.
    await expect.poll(() => gradRatio(page)).toBeLessThan(1e-4);
    await expect(page.locator('.grad-bar')).toHaveCount(10);
    expect(consoleProblems).toEqual([]);
  });

  test('with ReLU the loss falls and the accuracy climbs', async ({ page, consoleProblems }) => {
    const figure = await openFigure(page, '?act=relu');
    await expect.poll(() => readNumber(page, 'loss')).toBeGreaterThan(0.6);
    const first = await readNumber(page, 'loss');
    await page.getByTestId('train').click();
    await expect.poll(() => readNumber(page, 'loss'), { timeout: 60_000 }).toBeLessThan(first * 0.5);
    await expect.poll(() => readNumber(page, 'accuracy'), { timeout: 30_000 }).toBeGreaterThan(85);
    await page.getByTestId('train').click();
    await expect(figure).toHaveAttribute('data-status', 'paused');
    // The loss curve was drawn and ends lower than it starts (SVG y grows downwards).
    const d = (await page.locator('.loss-compare-chart .loss-line').getAttribute('d')) ?? '';
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys.length).toBeGreaterThan(10);
    expect(ys.at(-1)!).toBeGreaterThan(ys[0]!);
    expect(consoleProblems).toEqual([]);
  });

  test('switching on skip connections lifts layer 1’s gradient and keeps the last run as a reference', async ({
    page,
    consoleProblems,
  }) => {
    await openFigure(page);
    await page.getByTestId('step').click();
    await expect(page.locator('[data-step]')).toHaveText('1');
    const before = await gradRatio(page);
    expect(before).toBeLessThan(1e-4);
    await expect(page.getByTestId('ref-label')).toHaveCount(0);

    await page.getByTestId('skip').check();
    await expect(page.getByTestId('ref-label')).toContainText('sigmoid');
    await expect.poll(() => gradRatio(page)).toBeGreaterThan(1000 * before);
    // The sigmoid run is still drawn, dashed, beside this run's bars.
    await expect(page.locator('.grad-ref-dot')).toHaveCount(10);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('skip=on');
    expect(consoleProblems).toEqual([]);
  });

  test('the depth slider changes the number of layers measured', async ({ page, consoleProblems }) => {
    await openFigure(page);
    const depth = page.getByTestId('depth');
    await depth.focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowLeft');
    await expect(page.locator('.grad-bar')).toHaveCount(3);
    // Fewer factors in the product: a far larger share reaches layer 1.
    await expect.poll(() => gradRatio(page)).toBeGreaterThan(1e-2);
    await page.getByTestId('reset-defaults').click();
    await expect(page.locator('.grad-bar')).toHaveCount(10);
    await expect(page.getByTestId('ref-label')).toHaveCount(0);
    expect(consoleProblems).toEqual([]);
  });

  test('the prediction check reveals its answer after a guess', async ({ page, consoleProblems }) => {
    await page.goto(`./${LESSON}`);
    const check = page.locator('.check');
    await check.scrollIntoViewIfNeeded();
    const lock = check.getByRole('button', { name: 'Lock in my guess' });
    await expect(lock).toBeDisabled();
    await check.getByLabel('Layer 10, the output layer').check();
    await lock.click();
    await expect(check.getByRole('status')).toContainText('Not quite');
    await expect(check.getByRole('status')).toContainText('Layer 1, next to the input');
    await expect(check).toContainText('nine shrinking factors');
    expect(consoleProblems).toEqual([]);
  });

  test('the fixes work from the keyboard, and axe finds no serious violations', async ({ page, consoleProblems }) => {
    const figure = await openFigure(page);
    await page.getByTestId('norm').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('norm')).toBeChecked();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('norm=batch');
    await page.getByTestId('act').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('act')).toHaveValue('tanh');
    await page.getByTestId('train').focus();
    await page.keyboard.press('Space');
    await expect(figure).toHaveAttribute('data-status', 'playing');
    await page.keyboard.press('Space');
    await expect(figure).toHaveAttribute('data-status', 'paused');

    const violations = await seriousAxeViolations(page);
    expect(violations).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});

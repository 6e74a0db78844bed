import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures';

const LESSON = '#/train-a-cnn';

/** Opens the live CNN (hash settings optional) and waits until its model exists in the worker. */
async function openCnn(page: Page, { search = '', hashQuery = '' } = {}) {
  await page.goto(`./${search}${LESSON}/train${hashQuery}`);
  const figure = page.getByTestId('cnn-figure');
  await expect(figure).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  return figure;
}

const loss = async (page: Page) => Number(await page.getByTestId('loss').textContent());
const step = async (page: Page) => Number(await page.getByTestId('step-count').textContent());

test.describe('train a CNN live', () => {
  test('loads with zero console errors and trains in a Web Worker on the backend the badge names', async ({ page, consoleProblems }) => {
    await openCnn(page, { search: '?debug=1' });
    expect(await page.evaluate(() => (window as unknown as { __dllImages: { inWorker(): boolean } }).__dllImages.inWorker())).toBe(true);
    // Here (no GPU) the calibration picks WebAssembly, which can train a conv net only with the course's gradients.
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
    await expect(page.getByTestId('runs-on')).toHaveText('WebAssembly, in a background thread');
    expect(consoleProblems).toEqual([]);
  });

  test('a fixed seed trains a few dozen batches and the loss falls; the maps and filters change', async ({ page, consoleProblems }) => {
    await openCnn(page, { hashQuery: '?seed=3&batch=32&lr=0.005' });
    await page.getByTestId('step').click();
    await expect.poll(() => step(page)).toBe(1);
    const first = await loss(page);
    expect(first).toBeGreaterThan(1.8); // ≈ ln 10 before any learning
    const maps = () => page.locator('[data-testid="maps-0"] canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL());
    const filters = () => page.locator('[data-testid="filters-1"] canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL());
    const [mapsBefore, filtersBefore] = [await maps(), await filters()];
    await page.getByTestId('train').click();
    await expect.poll(() => step(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(40);
    await page.getByTestId('train').click();
    await expect(page.getByTestId('train')).toHaveText('Train');
    expect(await loss(page)).toBeLessThan(first * 0.6);
    // After a pause, the test digits are evaluated: far above chance (10%).
    await expect.poll(async () => Number((await page.getByTestId('test-accuracy').getAttribute('data-value')) ?? 0)).toBeGreaterThan(0.5);
    expect(await maps()).not.toBe(mapsBefore);
    expect(await filters()).not.toBe(filtersBefore);
    expect(consoleProblems).toEqual([]);
  });

  test('a unit opens down to its arithmetic, by pointer and by keyboard', async ({ page, consoleProblems }) => {
    await openCnn(page);
    await page.getByTestId('step').click();
    await expect.poll(() => step(page)).toBe(1);
    const conv1 = page.locator('[data-testid="maps-0"] canvas');
    await conv1.scrollIntoViewIfNeeded();
    const box = (await conv1.boundingBox())!;
    // Maps sit 4 to a row with 2-cell gaps: (28 + 2) cells per map. Click map 1, row 14, column 14.
    const cell = box.width / (4 * 28 + 3 * 2);
    await page.mouse.click(box.x + 14.5 * cell, box.y + 14.5 * cell);
    const detail = page.getByTestId('unit-detail');
    await expect(detail.getByRole('heading')).toHaveText('Conv 1, map 1, row 15, column 15');
    await expect(detail).toContainText('the 5 × 5 window x');
    await expect(detail).toContainText('kernel weights w');
    // Keyboard: the arrows move the unit, Page Down changes map.
    await conv1.focus();
    await page.keyboard.press('ArrowRight');
    await expect(detail.getByRole('heading')).toHaveText('Conv 1, map 1, row 15, column 16');
    await page.keyboard.press('PageDown');
    await expect(detail.getByRole('heading')).toHaveText('Conv 1, map 2, row 15, column 16');
    // A conv 2 unit reads all eight pool 1 maps: one partial sum per input map.
    const conv2 = page.locator('[data-testid="maps-2"] canvas');
    await conv2.focus();
    await page.keyboard.press('ArrowDown');
    await expect(detail.getByRole('heading')).toHaveText(/^Conv 2, map 1/);
    await expect(page.getByTestId('unit-channel').locator('option')).toHaveCount(8);
    // A pooling unit shows its window and winner; an output bar opens the softmax.
    await page.locator('[data-testid="maps-1"] canvas').focus();
    await page.keyboard.press('ArrowDown');
    await expect(detail).toContainText('the window (winner in bold)');
    await page.getByRole('button', { name: 'Open the output unit for 7' }).click();
    await expect(detail.getByRole('heading')).toHaveText('Output unit for the digit 7');
    await expect(detail).toContainText('all other inputs');
    expect(consoleProblems).toEqual([]);
  });

  test('the confusion matrix opens the digits in a cell, and a digit opens in the layer views', async ({ page, consoleProblems }) => {
    await openCnn(page, { hashQuery: '?seed=2' });
    await page.getByTestId('step').click();
    await expect.poll(() => step(page)).toBe(1);
    const matrix = page.getByTestId('cnn-confusion');
    await expect(matrix.getByRole('button').first()).toBeVisible({ timeout: 30_000 });
    // Wait until the evaluation after the step has arrived (the matrix is redrawn with each one): the cells read
    // below must be the ones clicked.
    const version = () => page.locator('.cnn-mistakes').getAttribute('data-version');
    let seen = await version();
    await expect
      .poll(async () => {
        await page.waitForTimeout(1000);
        const now = await version();
        const settled = now === seen;
        seen = now;
        return settled;
      }, { timeout: 30_000 })
      .toBe(true);
    // The diagonal cell for 1s: true 1, read as 1 (after one step many digits are still read as one class, so
    // pick the fullest cell of row 1 instead of assuming the diagonal is filled).
    const row = matrix.locator('tbody tr').nth(1).getByRole('button');
    const counts = await row.allTextContents();
    const fullest = counts.map(Number).reduce((best, n, i, all) => (n > all[best]! ? i : best), 0);
    await row.nth(fullest).click();
    const thumbs = page.getByTestId('mistakes').getByRole('button');
    await expect(thumbs.first()).toBeVisible();
    const name = (await thumbs.first().getAttribute('aria-label'))!;
    const index = Number(/#(\d+)/.exec(name)![1]);
    await thumbs.first().click();
    await expect(page.getByTestId('digit')).toHaveValue(String(index));
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`digit=${index}`);
    expect(consoleProblems).toEqual([]);
  });

  test('a missing dataset file gives a clear error and Retry recovers', async ({ page, consoleProblems }) => {
    let fail = true;
    await page.route('**/datasets/mnist.bin.gz', (route) => (fail ? route.fulfill({ status: 503, body: '' }) : route.fallback()));
    await page.goto(`./${LESSON}/train`);
    await expect(page.getByTestId('cnn-error')).toContainText('HTTP 503', { timeout: 60_000 });
    fail = false;
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByTestId('train')).toBeEnabled({ timeout: 90_000 });
    expect(consoleProblems.filter((p) => !/503/.test(p))).toEqual([]);
  });

  test('keyboard reaches every control, and axe finds no serious violations', async ({ page, consoleProblems }) => {
    await openCnn(page);
    await page.getByTestId('step').click();
    await expect.poll(() => step(page)).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    for (const id of ['train', 'lr', 'batch', 'optimizer', 'digit']) {
      await page.getByTestId(id).focus();
      await expect(page.getByTestId(id)).toBeFocused();
    }
    expect(consoleProblems).toEqual([]);
  });
});

for (const backend of ['cpu', 'webgl', 'webgpu'] as const) {
  test(`the CNN trains on the ${backend} backend in the worker when asked for`, async ({ page, consoleProblems }) => {
    await openCnn(page, { search: `?backend=${backend}`, hashQuery: '?batch=16' });
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', backend);
    // Software GPUs are slow here: two steps are enough to prove the path works end to end.
    await page.getByTestId('step').click();
    await expect.poll(() => step(page), { timeout: 60_000 }).toBe(1);
    await page.getByTestId('step').click();
    await expect.poll(() => step(page), { timeout: 60_000 }).toBe(2);
    expect(await loss(page)).toBeGreaterThan(0);
    expect(consoleProblems).toEqual([]);
  });
}

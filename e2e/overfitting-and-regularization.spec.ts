import type { Page } from '@playwright/test';
import { expect, test, seriousAxeViolations } from './fixtures';

const LESSON = '#/overfitting-and-regularization';

/** Opens the figure on the cpu backend (with optional settings) and waits until its trainer is ready. */
async function openFigure(page: Page, hashQuery = '') {
  await page.goto(`./?backend=cpu${LESSON}/overfit${hashQuery}`);
  const figure = page.getByTestId('overfit-figure');
  await expect(figure).toBeVisible();
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  return figure;
}

async function readNumber(page: Page, id: string): Promise<number> {
  return Number((await page.getByTestId(id).textContent()) ?? NaN);
}

async function dataValue(page: Page, id: string): Promise<number> {
  return Number((await page.getByTestId(id).getAttribute('data-value')) ?? NaN);
}

test.describe('the overfitting lesson', () => {
  test('loads with its math, figure and no console errors', async ({ page, consoleProblems }) => {
    await openFigure(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Overfitting and regularization' })).toBeVisible();
    await expect(page.locator('.katex').first()).toBeAttached();
    // 2 + 16 + 16 + 16 + 1 neurons drawn, none switched off before training.
    await expect(page.locator('.dn-unit')).toHaveCount(51);
    await expect(page.locator('.dn-off')).toHaveCount(0);
    await expect(page.getByTestId('test-loss')).not.toHaveText('—');
    expect(consoleProblems).toEqual([]);
  });

  test('“Overfit me” trains: the training loss falls, the test loss rises past its minimum, early stop is marked', async ({
    page,
    consoleProblems,
  }) => {
    // Start from other settings: "Overfit me" restores the lesson's overfitting scenario (seed 1) and trains it.
    const figure = await openFigure(page, '?seed=3&points=300&penalty=l2');
    await expect(page.getByTestId('points')).toHaveValue('300');
    await expect.poll(() => readNumber(page, 'train-loss')).toBeGreaterThan(0.5); // about ln 2 at the start
    await page.getByTestId('overfit-me').click();
    await expect(page.getByTestId('points')).toHaveValue('30');
    await expect(page.getByTestId('penalty')).toHaveValue('none');
    await expect(figure).toHaveAttribute('data-status', 'playing');
    await expect.poll(() => readNumber(page, 'train-loss'), { timeout: 60_000 }).toBeLessThan(0.1);
    // Overfitting: the test loss ends well above the lowest it reached, and that lowest point is marked.
    await expect
      .poll(
        async () => {
          const stop = Number(/\(([\d.]+)\)/.exec((await page.getByTestId('early-stop').textContent()) ?? '')?.[1]);
          return (await readNumber(page, 'test-loss')) / stop;
        },
        { timeout: 60_000 },
      )
      .toBeGreaterThan(1.3);
    await expect(page.locator('.train-test-chart .lc-marker')).toHaveCount(1);
    await expect(page.locator('.train-test-chart .lc-marker-label')).toContainText('early stop: step');
    await page.getByTestId('train').click();
    await expect(figure).toHaveAttribute('data-status', 'paused');
    expect(consoleProblems).toEqual([]);
  });

  test('switching on L2 and dropout while training changes the network without a restart', async ({
    page,
    consoleProblems,
  }) => {
    const figure = await openFigure(page, '?seed=3');
    await page.getByTestId('train').click();
    await expect.poll(() => readNumber(page, 'step-count'), { timeout: 60_000 }).toBeGreaterThan(300);
    await page.getByTestId('train').click();
    await expect(figure).toHaveAttribute('data-status', 'paused');
    const stepBefore = await readNumber(page, 'step-count');
    const sizeBefore = await dataValue(page, 'weight-size');
    await expect(page.locator('.dn-off')).toHaveCount(0);

    // Dropout: the next single step switches neurons off, and the step count carries on.
    await page.getByTestId('dropout').check();
    await page.getByTestId('step').click();
    await expect.poll(() => readNumber(page, 'step-count')).toBe(stepBefore + 1);
    await expect.poll(() => page.locator('.dn-off').count()).toBeGreaterThan(3);
    expect(await dataValue(page, 'neurons-off')).toBeGreaterThan(3);
    await page.getByTestId('dropout').uncheck();

    // A strong L2 penalty, while playing: the weights shrink, and the run is never restarted.
    await page.getByTestId('penalty').selectOption('l2');
    const lambda = page.getByTestId('lambda');
    await lambda.focus();
    await page.keyboard.press('End');
    await page.getByTestId('train').click();
    await expect.poll(() => dataValue(page, 'weight-size'), { timeout: 60_000 }).toBeLessThan(sizeBefore * 0.7);
    expect(await readNumber(page, 'step-count')).toBeGreaterThan(stepBefore);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('penalty=l2');
    await page.getByTestId('train').click();
    expect(consoleProblems).toEqual([]);
  });

  test('the check reveals its answer only after a guess is locked in', async ({ page, consoleProblems }) => {
    await page.goto(`./?backend=cpu${LESSON}`);
    const check = page.locator('.check');
    await check.scrollIntoViewIfNeeded();
    const lock = check.getByRole('button', { name: 'Lock in my guess' });
    await expect(lock).toBeDisabled();
    await expect(check.getByText(/turns around and climbs/)).toHaveCount(0);
    await check.getByLabel('Fall towards zero too, just as fast').check();
    await lock.click();
    await expect(check.getByRole('status')).toContainText('Not quite');
    await expect(check).toContainText('turns around and climbs');
    await check.getByRole('button', { name: 'Try again' }).click();
    await check.getByLabel('Fall at first, then turn around and rise').check();
    await check.getByRole('button', { name: 'Lock in my guess' }).click();
    await expect(check.getByRole('status')).toContainText('Right');
    expect(consoleProblems).toEqual([]);
  });

  test('the controls work from the keyboard and the figure has no serious accessibility problems', async ({ page, consoleProblems }) => {
    const figure = await openFigure(page);
    await page.getByTestId('dropout').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('dropout')).toBeChecked();
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

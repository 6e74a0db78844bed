import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const LESSON = '#/gradient-descent-and-backpropagation';
const num = async (page: Page, id: string) => Number(((await page.getByTestId(id).textContent()) ?? '').replace('−', '-'));

test.describe('the gradient descent and backpropagation lesson', () => {
  test('loads both figures with no console errors', async ({ page, consoleProblems }) => {
    await page.goto(`./?backend=cpu${LESSON}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Gradient descent and backpropagation' })).toBeVisible();
    for (const [frame, id] of [['#backprop', 'backprop-figure'], ['#race', 'landscape-figure']]) {
      await page.locator(frame!).scrollIntoViewIfNeeded();
      await expect(page.getByTestId(id!)).toBeVisible({ timeout: 60_000 });
    }
    await expect(page.getByTestId('landscape-figure')).toHaveAttribute('data-ready', 'yes', { timeout: 60_000 });
    expect(consoleProblems).toEqual([]);
  });

  test('stepping forward, back and update reveals real gradients and lowers the loss', async ({ page, consoleProblems }) => {
    await page.goto(`./?backend=cpu${LESSON}/backprop`);
    const forward = page.getByTestId('bp-forward');
    await expect(forward).toBeEnabled({ timeout: 60_000 });
    await expect(page.getByTestId('node-h1')).toHaveText('?');
    // Keyboard: focus Forward and press Enter twice (values, then the loss).
    await forward.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('node-h1')).not.toHaveText('?');
    await page.keyboard.press('Enter');
    const loss1 = await num(page, 'bp-loss');
    expect(loss1).toBeGreaterThan(0);
    await expect(page.getByTestId('grad-c')).toHaveText('—');
    const back = page.getByTestId('bp-back');
    await back.click(); // ∂L/∂ŷ
    await back.click(); // through the sigmoid: ∂L/∂c appears
    await expect(page.getByTestId('grad-c')).not.toHaveText('—');
    await expect(page.getByTestId('bp-formula')).toContainText('0.');
    const formulaBefore = await page.getByTestId('bp-formula').textContent();
    await back.click();
    await expect(page.getByTestId('grad-v1')).not.toHaveText('—');
    expect(await page.getByTestId('bp-formula').textContent()).not.toBe(formulaBefore);
    while (await back.isEnabled()) await back.click();
    await expect(page.getByTestId('grad-w22')).not.toHaveText('—');
    // y = 1 and ŷ < 1: the output bias must go up, so its gradient is negative.
    expect(await num(page, 'grad-c')).toBeLessThan(0);
    await page.getByTestId('bp-update').click();
    const c0 = 0.05;
    expect(await num(page, 'next-c')).toBeCloseTo(c0 - 0.5 * (await num(page, 'grad-c')), 2);
    await forward.click(); // next round, from the updated weights
    await forward.click();
    await expect.poll(() => num(page, 'bp-loss')).toBeLessThan(loss1);
    expect(consoleProblems).toEqual([]);
  });

  test('a learning rate changes the race; a too-large SGD rate diverges', async ({ page, consoleProblems }) => {
    await page.goto(`./?backend=cpu${LESSON}/race`);
    const figure = page.getByTestId('landscape-figure');
    await expect(figure).toHaveAttribute('data-ready', 'yes', { timeout: 60_000 });
    const start = Number((await page.getByTestId('ls-start-loss').textContent())!.replace(/[^\d.]/g, ''));
    for (const id of ['final-sgd', 'final-momentum', 'final-adam']) expect(await num(page, id)).toBeLessThan(start * 0.2);
    const path = page.locator('.opt-path.path-sgd');
    const before = await path.getAttribute('d');
    const slider = page.getByTestId('lr-sgd');
    await slider.focus();
    await page.keyboard.press('End'); // 0.2, above the 2/15 limit
    await expect(page.getByTestId('final-sgd')).toHaveText('diverged');
    await expect.poll(() => path.getAttribute('d')).not.toBe(before);
    // Clicking the map moves the start and every path.
    const adam = await page.locator('.opt-path.path-adam').getAttribute('d');
    const box = (await page.getByTestId('landscape-plot').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.2);
    await expect.poll(() => page.locator('.opt-path.path-adam').getAttribute('d')).not.toBe(adam);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('sx=');
    expect(consoleProblems).toEqual([]);
  });

  test('the Check reveals its answer', async ({ page, consoleProblems }) => {
    await page.goto(`./${LESSON}`);
    const check = page.locator('.check').first();
    await check.getByText('Lower', { exact: true }).click();
    await check.getByRole('button', { name: 'Lock in my guess' }).click();
    await expect(check).toContainText('Every weight moved against its own gradient');
    expect(consoleProblems).toEqual([]);
  });
});

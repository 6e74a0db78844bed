import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const LESSON = '#/loss-functions';
const num = async (page: Page, id: string) => Number(((await page.getByTestId(id).textContent()) ?? '').replace('−', '-').replace('%', ''));

test.describe('the loss functions lesson', () => {
  test('loads with its three figures and no console errors', async ({ page, consoleProblems }) => {
    await page.goto(`./?backend=cpu${LESSON}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Loss functions' })).toBeVisible();
    // Each figure loads when the reader scrolls near its frame.
    for (const [frame, id] of [['#curves', 'loss-curves-figure'], ['#race', 'loss-race-figure'], ['#softmax', 'softmax-figure']]) {
      await page.locator(frame!).scrollIntoViewIfNeeded();
      await expect(page.getByTestId(id!)).toBeVisible({ timeout: 60_000 });
    }
    await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
    expect(consoleProblems).toEqual([]);
  });

  test('the prediction slider and the label move both losses, their slopes and the tangents', async ({ page, consoleProblems }) => {
    await page.goto(`./${LESSON}/curves`);
    const bce = page.getByTestId('formula-bce');
    // Defaults: y = 1, ŷ = 0.10. The numbers are the definitions' own: −log 0.1, 2(0.1 − 1)·0.1·0.9, 0.1 − 1.
    await expect(bce).toContainText('2.30');
    await expect(page.getByTestId('dz-mse')).toHaveText('−0.16');
    await expect(page.getByTestId('dz-bce')).toHaveText('−0.90');
    const tangent = page.locator('.tangent-bce');
    const before = await tangent.getAttribute('y1');

    const slider = page.getByTestId('pred');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(slider).toHaveValue('0.01');
    // Confidently wrong: squared error's push through the sigmoid has faded, cross-entropy's has not.
    await expect(page.getByTestId('dz-mse')).toHaveText('−0.020');
    await expect(page.getByTestId('dz-bce')).toHaveText('−0.99');
    await expect(bce).toContainText('4.61');
    await expect(page.getByTestId('ratio')).toContainText('Cross-entropy pushes 51× harder');
    await expect.poll(() => tangent.getAttribute('y1')).not.toBe(before);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('pred=0.01');

    // The same ŷ is now nearly right for the label 0: both losses and pushes shrink.
    await page.getByTestId('label-0').check();
    await expect(page.getByTestId('dz-bce')).toHaveText('0.010');
    await expect(page.getByTestId('formula-mse')).toContainText('0.000');

    // Dragging on the plot picks ŷ too.
    const box = (await page.getByTestId('loss-curves-plot').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(0.4);
    expect(consoleProblems).toEqual([]);
  });

  test('from a confidently wrong start, cross-entropy escapes while squared error crawls', async ({ page, consoleProblems }) => {
    await page.goto(`./?backend=cpu${LESSON}/race`);
    const figure = page.getByTestId('loss-race-figure');
    await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
    // Both start from the same weights: everything misclassified; cross-entropy's slope is far steeper.
    await expect(page.getByTestId('acc-mse')).toHaveText('0%');
    await expect(page.getByTestId('acc-bce')).toHaveText('0%');
    const start = { mse: await num(page, 'loss-mse'), bce: await num(page, 'loss-bce') };
    expect(await num(page, 'grad-bce')).toBeGreaterThan(10 * (await num(page, 'grad-mse')));

    await page.getByTestId('train').click();
    await expect(figure).toHaveAttribute('data-status', 'playing');
    await expect.poll(() => num(page, 'step-bce'), { timeout: 30_000 }).toBeGreaterThanOrEqual(70);
    await page.getByTestId('train').click();
    await expect(figure).toHaveAttribute('data-status', 'paused');
    const steps = await num(page, 'step-bce');
    expect(steps).toBeLessThan(160); // past this the squared-error neuron begins to move; keep the comparison fair

    expect(await num(page, 'loss-bce')).toBeLessThan(start.bce * 0.2);
    expect(await num(page, 'acc-bce')).toBeGreaterThanOrEqual(95);
    expect(await num(page, 'loss-mse')).toBeGreaterThan(start.mse * 0.9);
    expect(await num(page, 'acc-mse')).toBeLessThan(10);
    // Each side drew its loss curve: the cross-entropy one ends far lower than it starts.
    const d = (await page.getByTestId('race-bce').locator('.loss-line').getAttribute('d')) ?? '';
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys.length).toBeGreaterThan(10);
    expect(ys.at(-1)!).toBeGreaterThan(ys[0]! + 50);

    await page.getByTestId('reset').click();
    await expect.poll(() => num(page, 'step-bce')).toBe(0);
    expect(await num(page, 'loss-bce')).toBeCloseTo(start.bce, 3);
    expect(consoleProblems).toEqual([]);
  });

  test('the start control restarts both neurons from the new weights, and the link keeps it', async ({ page, consoleProblems }) => {
    await page.goto(`./?backend=cpu${LESSON}/race`);
    await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
    const wrong = await num(page, 'loss-mse');
    await page.getByTestId('start').selectOption('small');
    await expect.poll(() => num(page, 'loss-mse')).toBeLessThan(0.3);
    expect(wrong).toBeGreaterThan(0.9);
    await expect(page.getByTestId('acc-bce')).not.toHaveText('0%');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('start=small');

    await page.reload();
    await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
    await expect(page.getByTestId('start')).toHaveValue('small');
    await expect.poll(() => num(page, 'loss-mse')).toBeLessThan(0.3);
    await page.getByTestId('reset-defaults').click();
    await expect(page.getByTestId('start')).toHaveValue('wrong');
    await expect.poll(() => num(page, 'loss-mse')).toBeGreaterThan(0.9);
    expect(consoleProblems).toEqual([]);
  });

  test('softmax: raising the right class’s score raises its probability and lowers the loss', async ({ page, consoleProblems }) => {
    await page.goto(`./${LESSON}/softmax`);
    const loss = page.getByTestId('softmax-loss');
    await expect(loss).toContainText('1.35'); // −log(e¹ / (e¹ + e² + e⁻¹))
    await expect(loss).toContainText('top guess is wrong');
    const score = page.getByTestId('score-0');
    await score.focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    await expect(score).toHaveValue('3');
    await expect(page.getByTestId('prob-0')).toHaveText('72%');
    await expect(loss).toContainText('0.33');
    await expect(loss).toContainText('top guess is right');
    // Probabilities always add up to 100% (up to rounding).
    const total = (await Promise.all([0, 1, 2].map((k) => num(page, `prob-${k}`)))).reduce((a, b) => a + b, 0);
    expect(Math.abs(total - 100)).toBeLessThanOrEqual(1);
    await page.getByTestId('right-1').check();
    await expect(loss).toContainText('dog');
    expect(consoleProblems).toEqual([]);
  });

  test('the check reveals its answer only after a guess is locked in', async ({ page, consoleProblems }) => {
    await page.goto(`./${LESSON}`);
    const check = page.locator('.check');
    await check.scrollIntoViewIfNeeded();
    const lock = check.getByRole('button', { name: 'Lock in my guess' });
    await expect(lock).toBeDisabled();
    await expect(check.getByText(/fifty times/)).toHaveCount(0);
    await check.getByLabel('It grows the whole way: the more wrong, the harder the push').check();
    await lock.click();
    await expect(check.getByRole('status')).toContainText('Not quite');
    await expect(check).toContainText('fifty times');
    await expect(check.locator('.katex').first()).toBeVisible();
    expect(await check.textContent()).not.toContain('$');
    expect(consoleProblems).toEqual([]);
  });
});

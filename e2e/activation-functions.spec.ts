import type { Page } from '@playwright/test';
import { expect, sliderValue, test } from './fixtures';

const LESSON = '#/activation-functions';

const num = async (page: Page, id: string) => Number(await page.getByTestId(id).textContent());
const percent = async (page: Page, id: string) => Number((await page.getByTestId(id).textContent())?.replace('%', ''));

async function openExplorer(page: Page, hashQuery = '') {
  await page.goto(`./${LESSON}/explorer${hashQuery}`);
  const figure = page.getByTestId('act-explorer');
  await expect(figure).toBeVisible();
  return figure;
}

async function openCompare(page: Page, hashQuery = '') {
  await page.goto(`./?backend=cpu${LESSON}/compare${hashQuery}`);
  const figure = page.getByTestId('cmp-figure');
  await expect(figure).toBeVisible();
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  return figure;
}

test.describe('the activation functions lesson', () => {
  test('loads with its figures and no console errors', async ({ page, consoleProblems }) => {
    await openExplorer(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Activation functions' })).toBeVisible();
    // ReLU at the default x = 1: value 1, slope 1.
    await expect(page.getByTestId('fx')).toHaveText('1.0000');
    await expect(page.getByTestId('slope')).toHaveText('1.0000');
    await expect(page.locator('.act-f')).toHaveAttribute('d', /^M/);
    expect(consoleProblems).toEqual([]);
  });

  test('the function menu, the slider and a drag on the plot change the value, the slope and the tangent', async ({ page, consoleProblems }) => {
    await openExplorer(page);
    await page.getByTestId('fn').selectOption('sigmoid');
    // σ(1) = 0.7311, σ′(1) = σ(1)(1 − σ(1)) = 0.1966.
    await expect(page.getByTestId('fx')).toHaveText('0.7311');
    await expect(page.getByTestId('slope')).toHaveText('0.1966');
    const tangent = page.locator('.act-tangent');
    const before = await tangent.getAttribute('y1');

    // Keyboard: Home puts x at −4, deep in sigmoid's flat tail.
    await page.getByTestId('x').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => sliderValue(page, 'x')).toBe(-4);
    await expect(page.getByTestId('fx')).toHaveText('0.0180');
    await expect(page.getByTestId('slope')).toHaveText('0.0177');
    await expect.poll(() => tangent.getAttribute('y1')).not.toBe(before);

    // Dragging on the plot moves x to the pointer: the plot's middle is x = 0, where tanh has slope 1.
    await page.getByTestId('fn').selectOption('tanh');
    const box = (await page.locator('.act-plot').boundingBox())!;
    const plotLeft = box.x + (36 / 400) * box.width;
    const plotRight = box.x + ((400 - 12) / 400) * box.width;
    const midY = box.y + box.height / 2;
    await page.mouse.move(plotLeft + 5, midY);
    await page.mouse.down();
    await page.mouse.move((plotLeft + plotRight) / 2, midY, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => sliderValue(page, 'x')).toBeCloseTo(0, 1);
    await expect.poll(() => num(page, 'slope')).toBeGreaterThan(0.99);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('fn=tanh');
    expect(consoleProblems).toEqual([]);
  });

  test('ReLU is dead on the left; leaky ReLU keeps a slope there', async ({ page, consoleProblems }) => {
    await openExplorer(page, '?fn=relu&x=-2');
    await expect(page.getByTestId('fx')).toHaveText('0.0000');
    await expect(page.getByTestId('slope')).toHaveText('0.0000');
    await expect(page.locator('.act-flat')).toHaveCount(1);
    await page.getByTestId('fn').selectOption('leaky-relu');
    await expect(page.getByTestId('fx')).toHaveText('-0.2000');
    await expect(page.getByTestId('slope')).toHaveText('0.1000');
    await expect(page.locator('.act-flat')).toHaveCount(0);
    expect(consoleProblems).toEqual([]);
  });

  test('softmax bars are probabilities that sum to 1 and follow the scores and the temperature', async ({ page, consoleProblems }) => {
    await openExplorer(page, '?fn=softmax&x=2&z2=1&z3=0&temp=1');
    const bars = page.getByTestId('softmax-bars');
    await expect(bars).toBeVisible();
    // softmax(2, 1, 0) = (0.665, 0.245, 0.090).
    await expect(page.getByTestId('p1')).toHaveText('0.665');
    await expect(page.getByTestId('p2')).toHaveText('0.245');
    await expect(page.getByTestId('p3')).toHaveText('0.090');
    await expect(bars).toContainText('sum = 1.000');
    // Raising z₂ to the top takes probability from p₁.
    await page.getByTestId('z2').focus();
    await page.keyboard.press('End');
    await expect.poll(() => num(page, 'p2')).toBeGreaterThan(0.8);
    await expect.poll(() => num(page, 'p1')).toBeLessThan(0.2);
    // A high temperature evens the shares out.
    await page.getByTestId('temp').focus();
    await page.keyboard.press('End');
    await expect.poll(() => num(page, 'p3')).toBeGreaterThan(0.15); // from 0.016 at T = 1
    await expect(bars).toContainText('sum = 1.000');
    expect(consoleProblems).toEqual([]);
  });

  test('trained side by side, the ReLU net learns the circle and the all-linear one cannot', async ({ page, consoleProblems }) => {
    const figure = await openCompare(page);
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'cpu');
    await page.getByTestId('step').click();
    await expect.poll(() => num(page, 'loss-nonlinear')).toBeGreaterThan(0);
    const first = await num(page, 'loss-nonlinear');
    await page.getByTestId('train').click();
    await expect(figure).toHaveAttribute('data-status', 'playing');
    // The shown loss is the last batch's, which is noisy: wait for a snapshot where both have clearly improved.
    await expect
      .poll(async () => (await percent(page, 'acc-nonlinear')) >= 95 && (await num(page, 'loss-nonlinear')) < first * 0.5, {
        timeout: 60_000,
      })
      .toBe(true);
    await page.getByTestId('train').click(); // pause both
    await expect(figure).toHaveAttribute('data-status', 'paused');
    // The linear net trained just as long, but a line cannot separate a disc from a ring.
    expect(Number(await page.getByTestId('cmp-linear').locator('[data-step]').textContent())).toBeGreaterThan(20);
    expect(await percent(page, 'acc-linear')).toBeLessThan(75);
    await expect(page.getByTestId('collapsed')).toContainText('Multiplied out: z =');
    await expect(page.getByTestId('plane-linear').locator('.decision-line')).toBeVisible();
    await expect(page.getByTestId('plane-nonlinear').locator('.decision-line')).toBeHidden();
    // Each loss curve was drawn.
    for (const side of ['linear', 'nonlinear']) {
      const d = (await page.getByTestId(`loss-chart-${side}`).locator('.loss-line').getAttribute('d')) ?? '';
      expect(d.split('L').length).toBeGreaterThan(10);
    }
    expect(consoleProblems).toEqual([]);
  });

  test('choosing tanh for the right network starts both nets over', async ({ page, consoleProblems }) => {
    await openCompare(page);
    await page.getByTestId('step').click();
    await expect(page.getByTestId('cmp-nonlinear').locator('[data-step]')).toHaveText('1');
    await page.getByTestId('cmp-act').selectOption('tanh');
    await expect(page.getByTestId('cmp-nonlinear').locator('[data-step]')).toHaveText('0');
    await expect(page.getByTestId('cmp-linear').locator('[data-step]')).toHaveText('0');
    await expect(page.getByTestId('cmp-nonlinear')).toContainText('Hidden layers: tanh');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('act=tanh');
    expect(consoleProblems).toEqual([]);
  });

  test('the check reveals that the all-linear net draws a straight line', async ({ page, consoleProblems }) => {
    await page.goto(`./${LESSON}`);
    const check = page.locator('.check');
    await check.scrollIntoViewIfNeeded();
    const lock = check.getByRole('button', { name: 'Lock in my guess' });
    await expect(lock).toBeDisabled();
    await expect(check.getByText(/no line can separate/)).toHaveCount(0);
    await check.getByLabel('A single straight line, whatever it does').check();
    await lock.click();
    await expect(check.getByRole('status')).toContainText('Right');
    await expect(check).toContainText('no line can separate');
    await expect(check.locator('.katex').first()).toBeVisible();
    expect(consoleProblems).toEqual([]);
  });
});

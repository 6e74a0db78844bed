import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '#/what-is-deep-learning';

/** Opens one of the lesson's figures on the cpu backend and waits until its trainer is ready. */
async function openFigure(page: Page, id: 'rules' | 'small-data', testId: string, hashQuery = '') {
  await page.goto(`./?backend=cpu${LESSON}/${id}${hashQuery}`);
  const figure = page.getByTestId(testId);
  await expect(figure).toBeVisible();
  await expect(figure.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  return figure;
}

const percent = async (el: Locator) => Number((await el.textContent())?.replace('%', ''));

async function press(page: Page, slider: Locator, key: string, times: number) {
  await slider.focus();
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

test.describe('the "What is deep learning?" lesson', () => {
  test('loads with its nested diagram and no console errors', async ({ page, consoleProblems }) => {
    await page.goto(`./${LESSON}`);
    await expect(page.getByRole('heading', { level: 1, name: 'What is deep learning?' })).toBeVisible();
    const nesting = page.getByTestId('nesting-figure');
    await expect(nesting).toBeVisible({ timeout: 30_000 });
    // Deep learning sits inside machine learning, which sits inside AI.
    await expect(nesting.getByTestId('ring-ai').getByTestId('ring-ml').getByTestId('ring-dl')).toContainText('neural networks');
    expect(consoleProblems).toEqual([]);
  });

  test('a hand-written rule: a line cannot cut out the disc, a tuned circle can', async ({ page, consoleProblems }) => {
    const figure = await openFigure(page, 'rules', 'rules-figure');
    const accuracy = figure.getByTestId('hand-accuracy');
    const lineScore = await percent(accuracy);
    expect(lineScore).toBeLessThan(80);
    // Turning the line turns the drawn line and changes the rule's score.
    const line = figure.getByTestId('hand-plane').locator('.decision-line');
    const before = await line.getAttribute('y1');
    await press(page, figure.getByTestId('rule-angle'), 'ArrowRight', 30);
    await expect.poll(() => percent(accuracy)).not.toBe(lineScore);
    await expect.poll(() => line.getAttribute('y1')).not.toBe(before);

    await figure.getByTestId('rule-shape').selectOption('circle');
    const small = await percent(accuracy);
    await press(page, figure.getByTestId('rule-r'), 'ArrowRight', 30); // radius 0.30 → 0.60
    await expect.poll(() => percent(accuracy)).toBeGreaterThan(95);
    expect(small).toBeLessThan(90);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('rule=circle');

    // On the spiral, the same circle is barely better than guessing.
    await figure.getByTestId('data').selectOption('spiral');
    await expect.poll(() => percent(accuracy)).toBeLessThan(70);
    expect(consoleProblems).toEqual([]);
  });

  test('the network learns the circle from the points: the loss falls and accuracy rises', async ({ page, consoleProblems }) => {
    const figure = await openFigure(page, 'rules', 'rules-figure');
    const loss = figure.getByTestId('loss');
    await figure.getByTestId('step').click();
    await expect.poll(async () => Number(await loss.textContent())).toBeGreaterThan(0);
    const first = Number(await loss.textContent());
    await figure.getByTestId('train').click();
    await expect(figure).toHaveAttribute('data-status', 'playing');
    await expect.poll(async () => Number(await loss.textContent()), { timeout: 60_000 }).toBeLessThan(first * 0.3);
    await expect.poll(() => percent(figure.getByTestId('net-accuracy')), { timeout: 30_000 }).toBeGreaterThan(95);
    await figure.getByTestId('train').click();
    await expect(figure).toHaveAttribute('data-status', 'paused');
    const d = (await figure.locator('.loss-line').getAttribute('d')) ?? '';
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys.length).toBeGreaterThan(10);
    expect(ys.at(-1)!).toBeGreaterThan(ys[0]!); // SVG y grows downwards: a lower loss is a larger y

    // New data: the network starts again from scratch.
    await figure.getByTestId('data').selectOption('xor');
    await expect(figure.getByTestId('net-step')).toHaveText('0');
    expect(consoleProblems).toEqual([]);
  });

  test('ten noisy points: the big network gets them all right and many new ones wrong', async ({ page, consoleProblems }) => {
    const figure = await openFigure(page, 'small-data', 'overfit-figure');
    await figure.getByLabel('speed').selectOption({ label: 'as fast as possible' });
    await figure.getByTestId('train').click();
    const train = figure.getByTestId('train-accuracy').locator('output');
    const test_ = figure.getByTestId('test-accuracy').locator('output');
    await expect.poll(() => percent(train), { timeout: 60_000 }).toBe(100);
    await expect.poll(async () => Number(await figure.getByTestId('overfit-step').textContent())).toBeGreaterThan(300);
    await figure.getByTestId('train').click();
    const bigTest = await percent(test_);
    expect(bigTest).toBeLessThan(81); // below the best possible, marked on the bar

    // Showing the new points puts the 400 test points on the plane.
    await figure.getByTestId('show').selectOption('test');
    await expect(figure.locator('[data-testid="overfit-plane"] .dot')).toHaveCount(400);

    // One neuron, a straight line, starts afresh and does better on the new points.
    await figure.getByTestId('model').selectOption('neuron');
    await expect(figure.getByTestId('overfit-step')).toHaveText('0');
    await figure.getByTestId('train').click();
    await expect.poll(async () => Number(await figure.getByTestId('overfit-step').textContent())).toBeGreaterThan(300);
    await figure.getByTestId('train').click();
    expect(await percent(test_)).toBeGreaterThan(bigTest);
    expect(await percent(train)).toBeLessThan(100);
    expect(consoleProblems).toEqual([]);
  });

  test('the prediction check reveals its answer only after a guess is locked in', async ({ page, consoleProblems }) => {
    await page.goto(`./${LESSON}`);
    const check = page.locator('.check');
    await check.scrollIntoViewIfNeeded();
    const lock = check.getByRole('button', { name: 'Lock in my guess' });
    await expect(lock).toBeDisabled();
    await expect(check.getByText(/barely better than guessing/)).toHaveCount(0);
    await check.getByLabel('Neither: both stay stuck near 50%').check();
    await lock.click();
    await expect(check.getByRole('status')).toContainText('Not quite');
    await expect(check).toContainText('barely better than guessing');
    // Keyboard, not a pointer click: figures above may still be settling, and a layout shift between mouse-down and
    // mouse-up would swallow the click.
    await check.getByRole('button', { name: 'Try again' }).press('Enter');
    await check.getByLabel('The network: it gets nearly every dot right').check();
    await check.getByRole('button', { name: 'Lock in my guess' }).press('Enter');
    await expect(check.getByRole('status')).toContainText('Right');
    expect(consoleProblems).toEqual([]);
  });

  test('Reset to lesson default restores the hand rule and the data', async ({ page, consoleProblems }) => {
    const figure = await openFigure(page, 'rules', 'rules-figure', '?rule=box&w=0.8&data=spiral');
    await expect(figure.getByTestId('rule-shape')).toHaveValue('box');
    await figure.getByTestId('reset-defaults').click();
    await expect(figure.getByTestId('rule-shape')).toHaveValue('line');
    await expect(figure.getByTestId('data')).toHaveValue('circle');
    expect(consoleProblems).toEqual([]);
  });
});

import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures';

async function openRace(page: Page, hashQuery = '') {
  await page.goto(`./#/why-rnns-forget/race${hashQuery}`);
  await expect(page.getByTestId('recall-figure')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
}

const accuracy = async (page: Page, which: 'rnn' | 'lstm') => Number((await page.getByTestId(`${which}-accuracy`).getAttribute('data-value')) || 0);
const steps = async (page: Page, which: 'rnn' | 'lstm') => Number(await page.getByTestId(`${which}-steps`).textContent());

test.describe('why plain RNNs forget', () => {
  test.setTimeout(180_000);

  test('at distance 10 both networks learn the recall task', async ({ page, consoleProblems }) => {
    await openRace(page, '?length=10');
    await expect(page.getByTestId('task-example')).toContainText('each sequence has 10');
    await page.getByTestId('train').click();
    await expect.poll(() => accuracy(page, 'rnn'), { timeout: 90_000 }).toBeGreaterThan(0.9);
    await expect.poll(() => accuracy(page, 'lstm'), { timeout: 90_000 }).toBeGreaterThan(0.9);
    await page.getByTestId('train').click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('at distance 50 the LSTM learns, the plain RNN stays near chance, and its gradient at step 1 has all but vanished', async ({ page, consoleProblems }) => {
    await openRace(page);
    await expect(page.getByTestId('task-example')).toContainText('each sequence has 50');
    await page.getByTestId('train').click();
    await expect.poll(() => accuracy(page, 'lstm'), { timeout: 150_000, intervals: [2000] }).toBeGreaterThanOrEqual(0.95);
    await page.getByTestId('train').click();
    await expect(page.getByTestId('train')).toHaveText('Train');
    expect(await steps(page, 'rnn')).toBeGreaterThan(150);
    expect(await accuracy(page, 'rnn')).toBeLessThan(0.5);
    const ratio = Number(await page.getByTestId('rnn-first-gradient').getAttribute('data-ratio'));
    expect(ratio).toBeLessThan(0.01);
    // The gradient chart draws a line per network.
    await expect(page.locator('[data-testid="recall-gradients"] path.lc-series-rnn')).toHaveCount(1);
    expect(consoleProblems).toEqual([]);
  });

  test('moving the distance starts both networks afresh at the new length', async ({ page, consoleProblems }) => {
    await openRace(page, '?length=20');
    await page.getByTestId('step').click();
    await expect.poll(() => steps(page, 'lstm')).toBe(1);
    const slider = page.getByTestId('distance');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('task-example')).toContainText('each sequence has 21');
    await expect.poll(() => steps(page, 'lstm')).toBe(0);
    await expect(page.getByTestId('train')).toBeEnabled();
    expect(consoleProblems).toEqual([]);
  });
});

import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures';

/** The hidden-state map's pixels, as one string (equal strings: the same picture). */
const mapPixels = (page: Page) =>
  // toDataURL, not getImageData: repeated readbacks of one canvas make Chromium warn (a console problem).
  page.locator('[data-testid="hidden-map"] canvas').evaluate((c: HTMLCanvasElement) => {
    const blank = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height });
    const url = c.toDataURL();
    return `${c.width}x${c.height}:${url === blank.toDataURL() ? 'blank' : url}`;
  });

const readNumber = async (page: Page, id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));

test.describe('recurrent networks', () => {
  test.setTimeout(150_000);

  test('the unrolled RNN reads a typed word: the heatmap, the message and the formula follow', async ({ page, consoleProblems }) => {
    await page.goto('./#/recurrent-networks/unrolled');
    const figure = page.getByTestId('unrolled-figure');
    await expect(figure).toBeVisible({ timeout: 60_000 });
    const word = page.getByTestId('word');
    await expect(word).toHaveValue('hello');
    await expect(figure.locator('.ur-cell')).toHaveCount(5);
    // Wait for the map's first frame, then change the word and compare pixels.
    await expect.poll(() => mapPixels(page)).toMatch(/^100x160:data:/);
    const hello = await mapPixels(page);

    await word.fill('hullo');
    await expect.poll(() => mapPixels(page)).not.toBe(hello);
    await expect(page.getByTestId('word-message')).toHaveText('');

    // Capitals are lowered, anything outside a–z is left out and listed.
    await word.fill('Hi 1 there');
    await expect(page.getByTestId('word-message')).toContainText('Capitals were lowered.');
    await expect(page.getByTestId('word-message')).toContainText('Left out: ‘space’, ‘1’ — this network reads only the letters a–z.');
    await expect(figure.locator('.ur-cell')).toHaveCount(7);
    // Nothing readable: a message, no crash, no map.
    await word.fill('123 !');
    await expect(page.getByTestId('word-message')).toContainText('Type a word');
    await expect(page.getByTestId('hidden-map')).toBeHidden();

    // Choosing a step (button, box or the map's keys) rewrites the formula with that step's numbers.
    await word.fill('hello');
    const formula = page.getByTestId('step-formula');
    await expect(formula).toContainText('h_{1}[1]');
    const first = await formula.textContent();
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.getByTestId('chosen-step')).toHaveText('step 2 of 5, reads ‘e’');
    await expect(formula).toContainText('h_{2}[1]');
    expect(await formula.textContent()).not.toBe(first);
    await page.getByRole('button', { name: /^h4 from step 4, reading ‘l’/ }).click();
    await expect(formula).toContainText('h_{4}[1]');
    const map = page.locator('[data-testid="hidden-map"] canvas');
    await map.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('unit')).toHaveValue('2');
    await expect(formula).toContainText('h_{4}[3]');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('chosen-step')).toHaveText('step 5 of 5, reads ‘o’');

    // New weights: another picture for the same word.
    const before = await mapPixels(page);
    await page.getByTestId('new-weights').click();
    await expect(page.getByTestId('new-weights')).toHaveText('New weights (seed 2)');
    await expect.poll(() => mapPixels(page)).not.toBe(before);
    // The reversed word ends in another state (a palindrome in the same one).
    await expect(page.getByTestId('order')).toContainText('order matters');
    await word.fill('level');
    await expect(page.getByTestId('order')).toContainText('the same final state');

    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('the sine RNN trains: the step count rises, the loss falls and the predictions change', async ({ page, consoleProblems }) => {
    await page.goto('./#/recurrent-networks/sine');
    const figure = page.getByTestId('sine-figure');
    await expect(figure).toBeVisible({ timeout: 90_000 });
    const train = figure.getByTestId('train');
    await expect(train).toBeEnabled({ timeout: 60_000 });
    // The untrained model's held-out loss and continuation are drawn before any training.
    await expect.poll(() => readNumber(page, 'heldout-loss'), { timeout: 30_000 }).toBeGreaterThan(0);
    const untrainedLoss = await readNumber(page, 'heldout-loss');
    const wave = page.getByTestId('sine-wave');
    await expect(wave).toHaveAttribute('data-continued', /\d/);
    const untrained = await wave.getAttribute('data-continued');
    await expect(wave.locator('.lc-series-predicted')).toHaveCount(1);
    await expect(wave.locator('.lc-series-continued')).toHaveCount(1);

    await train.click();
    await expect(train).toHaveText('Pause');
    await expect.poll(() => readNumber(page, 'step-count'), { timeout: 60_000 }).toBeGreaterThan(150);
    await train.click();
    await expect(train).toHaveText('Train');
    // The evaluation on pause: held out, the loss has fallen far below the untrained network's.
    await expect.poll(async () => (await readNumber(page, 'heldout-loss')) < untrainedLoss * 0.3, { timeout: 30_000 }).toBe(true);
    expect(await readNumber(page, 'heldout-loss')).toBeLessThan(0.1);
    await expect(page.getByTestId('ms-per-batch')).toContainText('ms');
    await expect(page.getByTestId('runs-on')).toContainText('background thread');
    await expect(wave).not.toHaveAttribute('data-continued', untrained!);
    await expect(page.locator('[data-testid="sine-loss"] .loss-line')).toHaveCount(1);

    // Another wave redraws the chart from the same weights.
    const trained = await wave.getAttribute('data-continued');
    await page.getByTestId('new-wave').click();
    await expect(wave).not.toHaveAttribute('data-continued', trained!);

    // More noise is other training data: a fresh network starts, at step 0, and can train again.
    await page.getByTestId('noise').focus();
    await page.keyboard.press('ArrowRight');
    await expect(figure.locator('.slider output')).toHaveText('0.15');
    await expect.poll(() => readNumber(page, 'step-count'), { timeout: 30_000 }).toBe(0);
    await expect(train).toBeEnabled({ timeout: 30_000 });
    await expect.poll(() => readNumber(page, 'heldout-loss'), { timeout: 30_000 }).toBeGreaterThan(0.1);

    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});

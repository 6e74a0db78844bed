// The attention lessons' live figures: the reversal transformer trained in the sequence worker, its heads, the
// causal mask over its weights, and the same task with and without positions.
import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures';

const value = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));
const picture = (page: Page, testId: string) => page.getByTestId(testId).locator('svg').first().evaluate((s) => s.innerHTML);

async function open(page: Page, path: string, figure: string) {
  await page.goto(path);
  await expect(page.getByTestId(figure)).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId(figure).getByTestId('train')).toBeEnabled({ timeout: 60_000 });
}

test.describe('the reversal transformer', () => {
  test.setTimeout(180_000);

  test('learns to reverse held-out sequences in the worker: the loss falls and the heads find the mirror diagonal', async ({ page, consoleProblems }) => {
    await open(page, './#/attention/reverse', 'reverse-figure');
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
    const fig = page.getByTestId('reverse-figure');
    // Untrained: attention nearly even (1/8 on the mirror), no held-out sequence right.
    await expect(page.getByTestId('mirror-1')).toBeVisible();
    expect(await value(page, 'mirror-1')).toBeLessThan(0.3);
    const untrained = await picture(page, 'reverse-head-1');
    await fig.getByTestId('train').click();
    await expect.poll(() => value(page, 'reverse-exact'), { timeout: 120_000 }).toBeGreaterThanOrEqual(0.95);
    await fig.getByTestId('train').click();
    expect(Math.max(await value(page, 'mirror-1'), await value(page, 'mirror-2'))).toBeGreaterThan(0.8);
    expect(await picture(page, 'reverse-head-1')).not.toBe(untrained);
    await expect(page.getByTestId('strip-right')).toHaveText('8/8 right');
    // The loss chart's line falls: its last point is far below its first.
    const loss = Number(await fig.locator('[data-loss]').textContent());
    expect(loss).toBeLessThan(0.3);
    // Bad input is refused with a reason, and a digit typed elsewhere is listed.
    await page.getByTestId('reverse-digits').fill('123');
    await expect(page.getByTestId('digits-help')).toHaveText('Type exactly 8 digits (0–9): this has 3.');
    await page.getByTestId('reverse-digits').fill('1234-5678');
    await expect(page.getByTestId('digits-help')).toHaveText('Left out (not digits): “-”.');
    expect(consoleProblems).toEqual([]);
  });

  for (const backend of ['cpu', 'webgl', 'webgpu'] as const) {
    test(`trains on the ${backend} backend in the worker when asked for`, async ({ page, consoleProblems }) => {
      await page.goto(`./?backend=${backend}#/attention/reverse`);
      await expect(page.getByTestId('reverse-figure').getByTestId('train')).toBeEnabled({ timeout: 90_000 });
      await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', backend);
      const fig = page.getByTestId('reverse-figure');
      for (const n of [1, 2]) {
        await fig.getByTestId('step').click();
        await expect(fig.locator('[data-step]')).toHaveText(String(n), { timeout: 60_000 });
      }
      expect(Number(await fig.locator('[data-loss]').textContent())).toBeGreaterThan(1.5); // ≈ ln 10 after two steps
      expect(consoleProblems).toEqual([]);
    });
  }

  test('the head selector changes the large map; typed digits and the causal mask change every map', async ({ page, consoleProblems }) => {
    await open(page, './#/self-attention/heads', 'heads-figure');
    const fig = page.getByTestId('heads-figure');
    await fig.getByTestId('train').click();
    await expect(page.getByTestId('heads-accuracy')).toContainText(/^(9[5-9]|100)%/, { timeout: 120_000 });
    await fig.getByTestId('train').click();
    const head1 = await picture(page, 'heads-map');
    await page.getByTestId('head-3').click();
    await expect(page.getByTestId('heads-big')).toContainText('Head 3');
    expect(await picture(page, 'heads-map')).not.toBe(head1);
    const head3 = await picture(page, 'heads-map');
    await page.getByTestId('reverse-digits').fill('11112222');
    await expect.poll(() => picture(page, 'heads-map')).not.toBe(head3);
    // Repeated digits are still reversed (the positions tell them apart).
    await expect(page.getByTestId('strip-right')).toHaveText('8/8 right');
    // The causal mask over the same weights: hatched future, outputs 5–8 can still be right, 1–4 cannot.
    await page.getByTestId('reverse-digits').fill('31415926');
    await page.getByTestId('causal').check();
    await expect(page.locator('[data-testid="heads-map"] rect[fill^="url(#"]')).toHaveCount(28);
    const cells = page.getByTestId('digit-strip').locator('tr').nth(1).locator('td');
    const marks = await cells.evaluateAll((tds) => tds.map((td) => td.className));
    expect(marks.slice(4)).toEqual(['is-right', 'is-right', 'is-right', 'is-right']);
    expect(marks.slice(0, 4).filter((m) => m === 'is-right').length).toBeLessThan(4);
    // A chosen cell reads its score and weight; a future cell says it is masked.
    const map = page.getByTestId('heads-map').locator('svg');
    await map.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('heads-cell')).toContainText('Output 1 (whose own input is 3) looking at input 2 (digit 1): in its future, masked: weight 0.');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('heads-cell')).toContainText(/Output 3 .* looking at input 2 .*: score q·k\/√d = −?\d+\.\d\d, weight \d+\.\d%\./);
    expect(consoleProblems).toEqual([]);
  });
});

test.describe('positions', () => {
  test.setTimeout(180_000);

  test('without positions a shuffled input only moves the outputs; with them the shuffled input is reversed', async ({ page, consoleProblems }) => {
    await open(page, './#/positional-encoding/shuffle', 'shuffle-figure');
    const fig = page.getByTestId('shuffle-figure');
    await fig.getByTestId('train').click();
    await expect(page.getByTestId('verdict-learned')).toHaveText(`8 of 8 digits of the output are the reverse of the input.`, { timeout: 120_000 });
    await fig.getByTestId('train').click();
    await page.getByTestId('shuffle').click();
    await expect(page.getByTestId('verdict-learned')).toHaveText('8 of 8 digits of the output are the reverse of the shuffled input.');
    await expect(page.getByTestId('verdict-none')).toContainText('Each shuffled output is its old output, moved with its input: 8 of 8 places');
    expect(consoleProblems).toEqual([]);
  });

  test('trained side by side, the models with positions learn the task and the one without cannot', async ({ page, consoleProblems }) => {
    await open(page, './#/positional-encoding/without', 'compare-figure');
    const fig = page.getByTestId('compare-figure');
    await fig.getByTestId('train').click();
    await expect.poll(async () => Math.min(await value(page, 'compare-exact-learned'), await value(page, 'compare-exact-sinusoidal')), { timeout: 150_000 }).toBeGreaterThanOrEqual(0.95);
    await fig.getByTestId('train').click();
    expect(await value(page, 'compare-exact-none')).toBeLessThan(0.05);
    // It guesses single digits from which digits are present (chance alone is 0.1), but cannot order them.
    expect(await value(page, 'compare-digit-none')).toBeLessThan(0.6);
    expect(consoleProblems).toEqual([]);
  });
});

test.describe('the live attention figures on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });
  for (const [path, id] of [
    ['./#/attention/reverse', 'reverse-figure'],
    ['./#/self-attention/heads', 'heads-figure'],
    ['./#/positional-encoding/shuffle', 'shuffle-figure'],
    ['./#/positional-encoding/without', 'compare-figure'],
  ] as const) {
    test(`${id}: fits 360 px with no serious axe violations`, async ({ page, consoleProblems }) => {
      await open(page, path, id);
      await page.getByTestId(id).getByTestId('step').tap();
      await expect(page.getByTestId(id).getByTestId('train')).toBeEnabled();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(consoleProblems).toEqual([]);
    });
  }
});

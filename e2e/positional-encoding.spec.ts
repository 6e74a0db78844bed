import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures';

/** Clicks the cell (row, col) of a rows × cols heatmap canvas. */
async function clickCell(page: Page, testId: string, row: number, col: number, rows: number, cols: number) {
  const canvas = page.getByTestId(testId).locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + ((col + 0.5) / cols) * box.width, box.y + ((row + 0.5) / rows) * box.height);
}

const similarity = async (page: Page) => Number(/: (−?\d\.\d\d)\./.exec((await page.getByTestId('similarity-readout').textContent())!)![1]!.replace('−', '-'));

test.describe('Positional encoding', () => {
  test('choosing a position by click or keyboard shows its vector', async ({ page, consoleProblems }) => {
    await page.goto('./#/positional-encoding/sinusoids');
    await expect(page.getByTestId('sinusoids-figure')).toBeVisible({ timeout: 60_000 });
    const vector = page.getByTestId('position-vector');
    // Position 5 by default: PE(5, 0) = sin 5, PE(5, 1) = cos 5.
    await expect(vector).toContainText(`PE(5) = (${Math.sin(5).toFixed(2).replace('-', '−')}, ${Math.cos(5).toFixed(2)},`);
    // 32 positions × 64 dimensions by default: click position 20, dimension 1.
    await clickCell(page, 'pe-map', 20, 1, 32, 64);
    await expect(vector).toContainText(`PE(20) = (${Math.sin(20).toFixed(2)}, ${Math.cos(20).toFixed(2)},`);
    await expect(vector).toContainText(`Dimension 1: cos(20`);
    await expect(page.getByTestId('pe-pos')).toHaveValue('20');
    const canvas = page.getByTestId('pe-map').locator('canvas');
    await expect(canvas).toHaveAttribute('aria-label', /Chosen: row 20, column 1/);
    await canvas.focus();
    await page.keyboard.press('ArrowDown');
    await expect(vector).toContainText(`PE(21) = (${Math.sin(21).toFixed(2)}, `);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(vector).toContainText('PE(19) = (');
    // Fewer positions: the chosen one follows into range, and the map redraws at the new size.
    await page.getByTestId('positions').fill('8');
    await expect(vector).toContainText('PE(7) = (');
    await expect(canvas).toHaveAttribute('aria-label', /8 rows by 64 columns/);
    expect(consoleProblems).toEqual([]);
  });

  test('the similarity of two positions depends on their offset only', async ({ page, consoleProblems }) => {
    await page.goto('./#/positional-encoding/sinusoids');
    await expect(page.getByTestId('sinusoids-figure')).toBeVisible({ timeout: 60_000 });
    await clickCell(page, 'sim-map', 3, 10, 32, 32);
    await expect(page.getByTestId('similarity-readout')).toContainText('Positions 3 and 10 (offset 7)');
    const near = await similarity(page);
    await clickCell(page, 'sim-map', 20, 27, 32, 32);
    await expect(page.getByTestId('similarity-readout')).toContainText('Positions 20 and 27 (offset 7)');
    expect(await similarity(page)).toBeCloseTo(near, 2);
    await clickCell(page, 'sim-map', 20, 30, 32, 32);
    await expect(page.getByTestId('similarity-readout')).toContainText('(offset 10)');
    expect(await similarity(page)).not.toBeCloseTo(near, 2);
    await expect(page.getByTestId('position-vector')).toContainText('PE(20) = (');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});

test.describe('Positional encoding on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });
  test('fits 360 px with no serious axe violations; a tap picks a position', async ({ page, consoleProblems }) => {
    await page.goto('./#/positional-encoding/sinusoids');
    await expect(page.getByTestId('sinusoids-figure')).toBeVisible({ timeout: 60_000 });
    const canvas = page.getByTestId('pe-map').locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.touchscreen.tap(box.x + box.width / 2, box.y + (10.5 / 32) * box.height);
    await expect(page.getByTestId('position-vector')).toContainText('PE(10) = (');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});

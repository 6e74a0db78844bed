import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures';

/** Draws a 7 (a bar, then a diagonal) on the pad with the mouse or, with `touch`, by dispatching touch pointers. */
async function drawSeven(page: Page) {
  const pad = page.locator('[data-testid="draw-pad"] canvas').first();
  await pad.scrollIntoViewIfNeeded();
  const b = (await pad.boundingBox())!;
  await page.mouse.move(b.x + b.width * 0.3, b.y + b.height * 0.25);
  await page.mouse.down();
  for (let i = 0; i <= 10; i++) await page.mouse.move(b.x + b.width * (0.3 + 0.04 * i), b.y + b.height * 0.25);
  for (let i = 0; i <= 12; i++) await page.mouse.move(b.x + b.width * (0.7 - 0.02 * i), b.y + b.height * (0.25 + 0.05 * i));
  await page.mouse.up();
}

async function openTrained(page: Page) {
  await page.goto('./#/draw-a-digit/draw');
  await expect(page.getByTestId('draw-figure')).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('train-digits').click();
  await expect(page.getByTestId('digit-cnn-source')).toContainText('Using your digit CNN', { timeout: 120_000 });
  await expect(page.getByTestId('draw-pad')).toBeVisible();
}

test.describe('draw your own digit', () => {
  test.setTimeout(180_000);

  test('a drawn 7 is prepared like MNIST and read by the trained CNN, with bars and feature maps', async ({ page, consoleProblems }) => {
    await openTrained(page);
    await expect(page.getByTestId('reading')).toHaveText('Draw a digit on the pad.');
    await drawSeven(page);
    await expect(page.getByTestId('reading')).toContainText(/^It reads a \d/);
    await expect(page.getByTestId('reading')).toContainText('It reads a 7');
    // The prepared image and the maps are drawn (not blank).
    const inked = (id: string) =>
      page.locator(`[data-testid="${id}"] canvas`).evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! < 150) dark++;
        return dark / (d.length / 4);
      });
    expect(await inked('prepared')).toBeGreaterThan(0.03);
    expect(await inked('draw-maps-0')).toBeGreaterThan(0.01);
    await page.getByTestId('clear').click();
    await expect(page.getByTestId('reading')).toHaveText('Draw a digit on the pad.');
    // A test digit put on the pad is read as its label most of the time; here the first test digit.
    await page.getByTestId('test-digit').click();
    await expect(page.getByTestId('reading')).toContainText(/^It reads a \d/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('the keyboard can draw too', async ({ page, consoleProblems }) => {
    await openTrained(page);
    const pad = page.getByTestId('draw-pad').getByRole('application');
    await pad.focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('reading')).toContainText(/^It reads a \d/);
    expect(consoleProblems).toEqual([]);
  });
});

/**
 * A 360 × 740 phone with a touch screen: tap to train, drag a slider and draw a digit with a finger (real touch
 * events through the DevTools protocol, not mouse events).
 */
import type { Page } from '@playwright/test';
import { expect, openNeuron, sliderValue, test } from './fixtures';

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

/** One finger pressed at the first point, moved through the others, lifted. */
async function swipe(page: Page, points: { x: number; y: number }[]) {
  const cdp = await page.context().newCDPSession(page);
  const [first, ...rest] = points;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: first!.x, y: first!.y }] });
  for (const p of rest) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: p.x, y: p.y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('on a phone, taps train the neuron and a finger drags its weight', async ({ page, consoleProblems }) => {
  await openNeuron(page);
  const figure = page.getByTestId('neuron-figure');
  await page.getByTestId('train').tap();
  await expect(figure).toHaveAttribute('data-status', 'playing');
  await expect.poll(() => page.evaluate(() => Number(document.querySelector('[data-step]')?.textContent)), { timeout: 30_000 }).toBeGreaterThan(20);
  await page.getByTestId('train').tap();
  await expect(figure).toHaveAttribute('data-status', 'paused');
  const slider = page.getByTestId('w1');
  await slider.scrollIntoViewIfNeeded();
  const before = await sliderValue(page, 'w1');
  const b = (await slider.boundingBox())!;
  // From the thumb's middle position leftwards: the weight falls.
  const y = b.y + b.height / 2;
  await swipe(page, Array.from({ length: 8 }, (_, i) => ({ x: b.x + b.width * (0.5 - (0.4 * i) / 7), y })));
  await expect.poll(() => sliderValue(page, 'w1')).not.toBeCloseTo(before, 2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(consoleProblems).toEqual([]);
});

test('on a phone, a finger draws a digit and the CNN reads it', async ({ page, consoleProblems }) => {
  test.setTimeout(180_000);
  await page.goto('./#/draw-a-digit/draw');
  await expect(page.getByTestId('draw-figure')).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('train-digits').tap();
  await expect(page.getByTestId('digit-cnn-source')).toContainText('Using your digit CNN', { timeout: 120_000 });
  const pad = page.locator('[data-testid="draw-pad"] canvas').first();
  await pad.scrollIntoViewIfNeeded();
  const b = (await pad.boundingBox())!;
  expect(b.width).toBeLessThanOrEqual(340);
  const at = (fx: number, fy: number) => ({ x: b.x + b.width * fx, y: b.y + b.height * fy });
  // A 7: the bar, then the diagonal, in one stroke.
  await swipe(page, [
    ...Array.from({ length: 11 }, (_, i) => at(0.3 + 0.04 * i, 0.25)),
    ...Array.from({ length: 13 }, (_, i) => at(0.7 - 0.02 * i, 0.25 + 0.05 * i)),
  ]);
  await expect(page.getByTestId('reading')).toContainText(/^It reads a \d/);
  await expect(page.getByTestId('reading')).toContainText('It reads a 7');
  // The page did not scroll away under the finger.
  expect((await pad.boundingBox())!.y).toBeCloseTo(b.y, 0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(consoleProblems).toEqual([]);
});

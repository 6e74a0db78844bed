import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures';

const LESSON = './#/why-gpus';
const BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'];
const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.describe('why GPUs', () => {
  test('the benchmark runs every backend in a worker, up to n = 128, and reads its own numbers', async ({ page, consoleProblems }) => {
    test.setTimeout(90_000);
    await page.goto(`${LESSON}/bench?max=128&budget=10`);
    const figure = page.getByTestId('gpu-bench-figure');
    await expect(figure).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('bench-max')).toHaveValue('128');
    await page.getByTestId('bench-run').click();
    await expect(page.getByTestId('bench-stop')).toBeVisible();
    await expect(page.getByTestId('bench-progress')).toContainText('Measuring');
    // The page's thread stays free while the worker multiplies: a timer keeps firing on time.
    const lag = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let worst = 0;
          let last = performance.now();
          let count = 0;
          const id = setInterval(() => {
            const now = performance.now();
            worst = Math.max(worst, now - last - 50);
            last = now;
            if (++count === 20) {
              clearInterval(id);
              resolve(worst);
            }
          }, 50);
        }),
    );
    expect(lag).toBeLessThan(250);
    await expect(figure).toHaveAttribute('data-status', 'done', { timeout: 60_000 });

    for (const b of BACKENDS) {
      await expect(page.getByTestId(`bench-row-${b}`)).toHaveAttribute('data-status', 'done');
      expect(Number(await page.getByTestId(`train-ms-${b}`).getAttribute('data-value'))).toBeGreaterThan(0);
      for (const n of [16, 128]) {
        expect(Number(await page.getByTestId(`cell-${b}-${n}`).getAttribute('data-gflops')), `${b} at n = ${n}`).toBeGreaterThan(0);
      }
      await expect(page.getByTestId(`chart-line-${b}`)).toHaveAttribute('data-points', '4');
    }
    const reading = page.getByTestId('bench-reading');
    await expect(reading).toContainText(/For big matrices \(n = 128\) your fastest backend is \w+/);
    await expect(reading).toContainText(/fixed price/);
    // This machine's webgl and webgpu are SwiftShader: the reading must say so.
    await expect(reading).toContainText('software GPU (SwiftShader)');

    // Results survive leaving the figure's lesson section and coming back (they live in a store, not the component).
    await page.goto(`${LESSON}/layer`);
    await page.goto(`${LESSON}/bench`);
    await expect(page.getByTestId('bench-row-webgpu')).toHaveAttribute('data-status', 'done');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('the parallel layer steps by keyboard: 256 ticks one at a time, 16 all at once, 32 in blocks', async ({ page, consoleProblems }) => {
    await page.goto(`${LESSON}/layer`);
    const counter = page.getByTestId('layer-counter');
    await expect(counter).toBeVisible({ timeout: 60_000 });
    await expect(counter).toHaveAttribute('data-ticks', '0');
    await page.getByTestId('layer-step').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(counter).toHaveAttribute('data-done', '2');
    await expect(page.getByTestId('op-0-1')).toHaveAttribute('data-state', 'now');
    await expect(page.getByTestId('op-1-0')).toHaveAttribute('data-state', 'waiting');

    await page.getByTestId('layer-mode-parallel').focus();
    await page.keyboard.press('Space');
    await expect(counter).toContainText('of 16');
    await page.getByTestId('layer-step').focus();
    await page.keyboard.press('Enter');
    // One tick: every row's first multiply-add at once.
    await expect(counter).toHaveAttribute('data-done', '16');
    for (const i of [0, 7, 15]) await expect(page.getByTestId(`op-${i}-0`)).toHaveAttribute('data-state', 'now');

    await page.getByTestId('layer-mode-blocks').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('layer-block')).toHaveCount(4);
    await page.getByTestId('layer-finish').focus();
    await page.keyboard.press('Enter');
    await expect(counter).toHaveAttribute('data-ticks', '32');
    await expect(counter).toHaveAttribute('data-done', '256');
    // y = W x with W_ij = ((5i + 3j) mod 7) − 3 and x_j = (2j mod 5) − 2, computed here independently.
    let y0 = 0;
    for (let j = 0; j < 16; j++) y0 += (((3 * j) % 7) - 3) * (((2 * j) % 5) - 2);
    await expect(page.getByTestId('y-0')).toHaveText(String(y0));

    // Without reduced motion the clock plays on its own.
    await page.getByTestId('layer-mode-parallel').click();
    await page.getByTestId('layer-play').click();
    await expect(counter).toHaveAttribute('data-ticks', '16', { timeout: 10_000 });
    expect(consoleProblems).toEqual([]);
  });

  test('reduced motion opens the layer finished, with steps only; at 360 px nothing overflows', async ({ page, consoleProblems }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${LESSON}/layer`);
    const counter = page.getByTestId('layer-counter');
    await expect(counter).toBeVisible({ timeout: 60_000 });
    await expect(counter).toHaveAttribute('data-done', '256');
    await expect(page.getByTestId('layer-play')).toHaveCount(0);
    await page.getByTestId('layer-reset').click();
    await page.getByTestId('layer-step').click();
    await expect(counter).toHaveAttribute('data-done', '1');
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    await page.goto(`${LESSON}/bench`);
    await expect(page.getByTestId('gflops-chart')).toBeVisible({ timeout: 60_000 });
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});

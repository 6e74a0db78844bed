import { expect, seriousAxeViolations, test } from './fixtures';
import type { Page } from '@playwright/test';

const LESSON = '#/convolutional-networks';

async function openFigure(page: Page, hashQuery = '') {
  await page.goto(`./${LESSON}/kernels${hashQuery}`);
  const figure = page.getByTestId('conv-figure');
  await expect(figure).toBeVisible({ timeout: 60_000 });
  // Loading finished: the input picture is drawn and the picker names the real digits.
  await expect(page.getByTestId('conv-input')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('conv-image').locator('option').first()).toHaveText('Handwritten 7 (MNIST #11)');
  return figure;
}

const outputPixels = (page: Page) => page.getByTestId('conv-output').evaluate((c: HTMLCanvasElement) => c.toDataURL());

test.describe('the convolution lesson', () => {
  test('loads with the digit and no console errors', async ({ page, consoleProblems }) => {
    await page.goto(`./${LESSON}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Convolutional networks' })).toBeVisible();
    await page.locator('#kernels').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('conv-input')).toBeVisible({ timeout: 60_000 });
    // The digit is drawn: its canvas has white ink on black, not a blank canvas.
    const bright = await page.getByTestId('conv-input').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! > 200) n++;
      return n / (d.length / 4);
    });
    expect(bright).toBeGreaterThan(0.05);
    expect(bright).toBeLessThan(0.5);
    expect(consoleProblems).toEqual([]);
  });

  test('the vertical-edge preset changes the feature map and the kernel', async ({ page, consoleProblems }) => {
    await openFigure(page);
    const before = await outputPixels(page);
    await page.getByTestId('conv-preset').selectOption('vertical');
    await expect(page.getByTestId('kernel-0')).toHaveValue('1');
    await expect(page.getByTestId('kernel-2')).toHaveValue('-1');
    await expect.poll(() => outputPixels(page)).not.toBe(before);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('preset=vertical');
    // Editing one weight by hand makes it "your own" kernel.
    await page.getByTestId('kernel-4').fill('2');
    await expect(page.getByTestId('conv-preset')).toHaveValue('custom');
    expect(consoleProblems).toEqual([]);
  });

  test('hovering or focusing an output cell writes out its dot product', async ({ page, consoleProblems }) => {
    await openFigure(page, '?image=scene&preset=vertical&k0=1&k1=0&k2=-1&k3=1&k4=0&k5=-1&k6=1&k7=0&k8=-1');
    const dot = page.getByTestId('dot-product');
    const out = page.getByTestId('conv-output');
    const box = (await out.boundingBox())!;
    // Cell (row 3, column 1) of 26: hover its centre.
    await page.mouse.move(box.x + (box.width * 0.5) / 26, box.y + (box.height * 2.5) / 26);
    await expect(dot).toContainText('Output row 3, column 1:');
    const text = (await dot.textContent())!;
    // Nine products "pixel×weight" joined by " + ", then " = sum"; the sum is what the products add up to.
    const [lhs, rhs] = text.split(':')[1]!.split(' = ');
    const terms = lhs!.trim().split(' + ');
    expect(terms).toHaveLength(9);
    const num = (s: string) => Number(s.replace(/[()]/g, '').replace('−', '-'));
    const sum = terms.reduce((acc, t) => {
      const [a, b] = t.split('×');
      return acc + num(a!) * num(b!);
    }, 0);
    expect(Math.abs(sum - num(rhs!.trim()))).toBeLessThan(0.05);

    // Keyboard: focus the map and move with the arrows.
    await out.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect(dot).toContainText('Output row 4, column 2:');
    expect(consoleProblems).toEqual([]);
  });

  test('the sandbox computes output sizes and reports a stride that does not fit', async ({ page, consoleProblems }) => {
    await openFigure(page);
    const result = page.getByTestId('sandbox-result');
    await expect(result).toContainText('26 × 26');
    await expect(result).toContainText('fits evenly');
    await page.getByTestId('sandbox-n').fill('7');
    await page.getByTestId('sandbox-s').fill('3');
    await expect(result).toContainText('= 2');
    await expect(page.getByTestId('sandbox-uneven')).toContainText('does not fit evenly');
    await page.getByTestId('sandbox-p').fill('1');
    await expect(result).toContainText('= 3');
    await expect(page.getByTestId('sandbox-uneven')).toHaveCount(0);
    expect(consoleProblems).toEqual([]);
  });

  test('a failed download shows the reason and a Retry button that works', async ({ page, consoleProblems }) => {
    let fail = true;
    await page.route('**/datasets/mnist.bin.gz', (route) => (fail ? route.fulfill({ status: 503, body: '' }) : route.fallback()));
    await page.goto(`./${LESSON}/kernels`);
    await expect(page.getByTestId('conv-error')).toContainText('HTTP 503', { timeout: 60_000 });
    fail = false;
    await page.getByTestId('conv-retry').click();
    await expect(page.getByTestId('conv-input')).toBeVisible({ timeout: 60_000 });
    expect(consoleProblems.filter((p) => !/503/.test(p))).toEqual([]);
    consoleProblems.length = 0;
  });

  test('is keyboard operable and has no serious axe violations', async ({ page, consoleProblems }) => {
    await openFigure(page);
    await page.getByTestId('conv-preset').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('kernel-0')).toBeFocused();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});

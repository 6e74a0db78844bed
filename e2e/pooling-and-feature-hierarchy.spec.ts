import { expect, seriousAxeViolations, test } from './fixtures';
import type { Page } from '@playwright/test';

const LESSON = '#/pooling-and-feature-hierarchy';

async function openPooling(page: Page, hashQuery = '') {
  await page.goto(`./${LESSON}/pool${hashQuery}`);
  await expect(page.getByTestId('pool-figure')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('pool-input')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('pool-digit').locator('option').first()).toHaveText('Handwritten 7 (MNIST #11)');
}

async function openField(page: Page) {
  await page.goto(`./${LESSON}/field`);
  await expect(page.getByTestId('rf-figure')).toBeVisible({ timeout: 60_000 });
}

const outputPixels = (page: Page) => page.getByTestId('pool-output').evaluate((c: HTMLCanvasElement) => c.toDataURL());
const num = (s: string) => Number(s.trim().replace('−', '-'));

test.describe('the pooling lesson', () => {
  test('loads with both figures and no console errors', async ({ page, consoleProblems }) => {
    await page.goto(`./${LESSON}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Pooling and the feature hierarchy' })).toBeVisible();
    await page.locator('#pool').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('pool-output')).toBeVisible({ timeout: 60_000 });
    await page.locator('#field').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('rf-readout')).toContainText('16 × 16');
    expect(consoleProblems).toEqual([]);
  });

  test('max → average changes the pooled map and the written computation, with the real numbers', async ({ page, consoleProblems }) => {
    await openPooling(page);
    const computation = page.getByTestId('pool-computation');
    // The figure starts on the strongest window of the edge map: (row 5, column 11) of 13 for this digit.
    await expect(computation).toContainText('Output row 5, column 11 = max(');
    const maxText = (await computation.textContent())!;
    const [, list, result] = maxText.match(/max\(([^)]*)\) = (−?[\d.]+)\./)!;
    const maxValues = list!.split(', ').map(num);
    expect(maxValues).toHaveLength(4);
    expect(num(result!)).toBeCloseTo(Math.max(...maxValues), 2);
    expect(num(result!)).toBeGreaterThan(0.5);
    await expect(computation).toContainText('The winner is input row');
    await expect(page.getByTestId('pool-window').locator('.pool-winner')).toHaveCount(1);
    const maxPixels = await outputPixels(page);

    await page.getByTestId('pool-mode-average').check();
    await expect(page.getByTestId('pool-figure')).toHaveAttribute('data-mode', 'average');
    await expect(computation).toContainText('Output row 5, column 11 = (');
    await expect(computation).toContainText('÷ 4');
    await expect.poll(() => outputPixels(page)).not.toBe(maxPixels);
    const avgText = (await computation.textContent())!;
    const [, sum, mean] = avgText.match(/= \(([^)]*)\) ÷ 4 = [\d.]+ ÷ 4 = (−?[\d.]+)\./)!;
    const terms = sum!.split(' + ').map(num);
    expect(terms).toEqual(maxValues); // the same window, now averaged
    expect(Math.abs(num(mean!) - terms.reduce((s, x) => s + x, 0) / 4)).toBeLessThan(0.01);
    expect(num(mean!)).toBeLessThan(num(result!));
    await expect(page.getByTestId('pool-window').locator('.pool-winner')).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('mode=average');
    expect(consoleProblems).toEqual([]);
  });

  test('says when the window and stride do not tile the map evenly', async ({ page, consoleProblems }) => {
    await openPooling(page);
    const tiling = page.getByTestId('pool-tiling');
    await expect(tiling).toContainText('⌊(26 − 2) / 2⌋ + 1 = 13');
    await expect(tiling).toContainText('tile the map evenly');
    await expect(page.getByTestId('pool-uneven')).toHaveCount(0);
    await page.getByTestId('pool-size').selectOption('3');
    await page.getByTestId('pool-stride').selectOption('3');
    await expect(tiling).toContainText('= 8');
    await expect(page.getByTestId('pool-uneven')).toContainText('do not tile the map evenly');
    await expect(page.getByTestId('pool-uneven')).toContainText('the last 2 columns and rows are never read');
    await expect(page.getByTestId('pool-window').locator('.pool-cell')).toHaveCount(9);
    await page.getByTestId('pool-source').selectOption('raw');
    await expect(tiling).toContainText('⌊(28 − 3) / 3⌋ + 1 = 9');
    expect(consoleProblems).toEqual([]);
  });

  test('a failed download shows the reason and a Retry button that works', async ({ page, consoleProblems }) => {
    let fail = true;
    await page.route('**/datasets/mnist.bin.gz', (route) => (fail ? route.fulfill({ status: 503, body: '' }) : route.fallback()));
    await page.goto(`./${LESSON}/pool`);
    await expect(page.getByTestId('pool-error')).toContainText('HTTP 503', { timeout: 60_000 });
    fail = false;
    await page.getByTestId('pool-retry').click();
    await expect(page.getByTestId('pool-input')).toBeVisible({ timeout: 60_000 });
    expect(consoleProblems.filter((p) => !/503/.test(p))).toEqual([]);
    consoleProblems.length = 0;
  });

  test('selecting a unit in the receptive-field stack shades an input region the size the text gives', async ({ page, consoleProblems }) => {
    await openField(page);
    const readout = page.getByTestId('rf-readout');
    const inputSide = async () => {
      const grid = (await page.getByTestId('rf-grid-0').boundingBox())!;
      const region = (await page.getByTestId('rf-region-0').boundingBox())!;
      return [Math.round((region.width / grid.width) * 28), Math.round((region.height / grid.height) * 28)];
    };
    // The default: the top layer's unit sees 16 × 16.
    await expect(page.getByTestId('rf-size')).toHaveText('16 × 16');
    expect(await inputSide()).toEqual([16, 16]);

    // Hover a unit of conv 2 (8 × 8): 14 × 14.
    const conv2 = (await page.getByTestId('rf-grid-3').boundingBox())!;
    await page.mouse.move(conv2.x + (conv2.width * 0.5) / 8, conv2.y + (conv2.height * 7.5) / 8);
    await expect(readout).toContainText('Conv 2, unit row 8, column 1');
    await expect(page.getByTestId('rf-size')).toHaveText('14 × 14');
    expect(await inputSide()).toEqual([14, 14]);
    await expect(readout).toContainText('input rows 15–28 and columns 1–14');
    // The pool-1 units feeding it are 5 × 5.
    await expect(page.getByTestId('rf-sees-2')).toHaveText('5 × 5 units');

    // Keyboard: focus the pool 1 grid and move; its units see 6 × 6.
    await page.getByTestId('rf-grid-2').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(readout).toContainText('Pool 1, unit row 1, column 2');
    await expect(page.getByTestId('rf-size')).toHaveText('6 × 6');
    expect(await inputSide()).toEqual([6, 6]);
    await expect(readout).toContainText('columns 3–8');

    // Without pooling, four 3 × 3 convolutions see only 9 × 9.
    await page.getByTestId('rf-stack').selectOption('convOnly');
    await page.getByTestId('rf-layer').selectOption('4');
    await expect(page.getByTestId('rf-size')).toHaveText('9 × 9');
    expect(await inputSide()).toEqual([9, 9]);
    expect(consoleProblems).toEqual([]);
  });

  test('the keyboard reaches and operates every control, with visible focus; no serious axe violations', async ({ page, consoleProblems }) => {
    await page.goto(`./${LESSON}`);
    await page.locator('#pool').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('pool-input')).toBeVisible({ timeout: 60_000 });
    await page.locator('#field').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('rf-figure')).toBeVisible({ timeout: 60_000 });

    for (const figure of ['pool-figure', 'rf-figure']) {
      const controls = page.getByTestId(figure).locator('button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex="0"], summary');
      // Radio buttons in a group are one tab stop: count the group once.
      const expected = new Set(
        await controls.evaluateAll((els) => els.map((el) => (el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : el.outerHTML.slice(0, 80)))),
      );
      expect(expected.size).toBeGreaterThan(3);
      await page.getByTestId(figure).evaluate((el) => {
        const before = document.createElement('button');
        before.textContent = 'start';
        before.id = 'tab-start';
        el.before(before);
      });
      await page.locator('#tab-start').focus();
      const reached = new Set<string>();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const info = await page.evaluate((testId) => {
          const el = document.activeElement as HTMLElement;
          const style = getComputedStyle(el);
          return {
            inFigure: Boolean(el.closest(`[data-testid="${testId}"]`)),
            key: el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : el.outerHTML.slice(0, 80),
            focusVisible: el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          };
        }, figure);
        if (!info.inFigure) break;
        expect(info.focusVisible, `focus ring on ${info.key}`).toBe(true);
        reached.add(info.key);
      }
      expect([...reached].sort()).toEqual([...expected].sort());
      await page.locator('#tab-start').evaluate((el) => el.remove());
    }

    // Operate them: radios with arrows, selects with the keyboard, the maps with arrows.
    await page.getByTestId('pool-mode-max').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('pool-mode-average')).toBeChecked();
    await page.getByTestId('pool-size').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('pool-size')).toHaveValue('3');
    await page.getByTestId('pool-output').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('pool-computation')).toContainText('Output row 2, column 1 =');
    await page.getByTestId('rf-layer').focus();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByTestId('rf-readout')).toContainText('Conv 2');

    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});

import type { Locator, Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures';

const weights = (page: Page) => Promise.all([0, 1, 2, 3].map((i) => page.getByTestId(`weight-${i}`).textContent()));

async function dragBy(page: Page, handle: Locator, dx: number, dy: number) {
  await handle.scrollIntoViewIfNeeded();
  const box = (await handle.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  await page.mouse.up();
}

test.describe('Attention', () => {
  test('dragging a key with the mouse moves the weights towards it; the formula follows', async ({ page, consoleProblems }) => {
    await page.goto('./#/attention/qkv');
    await expect(page.getByTestId('qkv-figure')).toBeVisible({ timeout: 60_000 });
    // The defaults: q = (1.5, 1), k₁ = (2, 0.5) leads with 60%, k₃ = (−1.5, 1) has 2%.
    expect(await weights(page)).toEqual(['60%', '35%', '2%', '3%']);
    await expect(page.getByTestId('qkv-formula').locator('annotation')).toContainText('3.50');
    // Drag k₃ from the upper left to the upper right, next to the query: it should take the lead.
    await dragBy(page, page.getByTestId('handle-k2'), 160, -20);
    await expect.poll(async () => parseInt((await page.getByTestId('weight-2').textContent())!, 10)).toBeGreaterThan(30);
    await expect(page.getByTestId('handle-k2')).not.toHaveAttribute('aria-label', /\(−1\.50, 1\.00\)/);
    await expect(page.getByTestId('qkv-output')).toContainText('v₃');
    await expect(page.getByTestId('qkv-formula').locator('annotation')).not.toContainText('-1.25');
    expect(consoleProblems).toEqual([]);
  });

  test('the arrow keys move a focused vector; a value changes the output but not the weights', async ({ page, consoleProblems }) => {
    await page.goto('./#/attention/qkv');
    const q = page.getByTestId('handle-q');
    await expect(q).toHaveAttribute('aria-label', /Query q at \(1\.50, 1\.00\)/, { timeout: 60_000 });
    // Tab reaches the vectors: the query comes after the four keys.
    await page.getByTestId('handle-k0').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await expect(q).toBeFocused();
    const before = await weights(page);
    // Shift+Down three times: q moves from (1.5, 1) to (1.5, −0.5), towards k₄ = (0.5, −1.5).
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
    await expect(q).toHaveAttribute('aria-label', /\(1\.50, −0\.50\)/);
    const after = await weights(page);
    expect(after).not.toEqual(before);
    expect(parseInt(after[3]!, 10)).toBeGreaterThan(parseInt(before[3]!, 10));
    // Moving a value: the weights stay, the output moves.
    const output = await page.getByTestId('qkv-output').textContent();
    await page.getByTestId('handle-v3').focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(page.getByTestId('handle-v3')).toHaveAttribute('aria-label', /Value v₄ \(diamond\) at \(−1\.50, −2\.00\)/);
    await expect(page.getByTestId('qkv-output')).not.toHaveText(output!);
    expect(await weights(page)).toEqual(after);
    // Sharpness 4: the leader takes nearly everything.
    await page.getByTestId('sharpness').fill('4');
    await expect.poll(async () => Math.max(...(await weights(page)).map((w) => parseInt(w!, 10)))).toBeGreaterThan(90);
    // The lesson default comes back.
    await page.getByTestId('reset-defaults').click();
    expect(await weights(page)).toEqual(['60%', '35%', '2%', '3%']);
    expect(consoleProblems).toEqual([]);
  });

  test('raising d saturates the raw softmax and not the scaled one; a new draw changes the scores', async ({ page, consoleProblems }) => {
    await page.goto('./#/attention/scaling');
    await expect(page.getByTestId('scaling-figure')).toBeVisible({ timeout: 60_000 });
    const dims = page.getByTestId('dims');
    await dims.fill('1');
    await expect(dims).toHaveAttribute('aria-valuetext', '2');
    const rawAt2 = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map((i) => page.getByTestId(`raw-w-${i}`).textContent()));
    await dims.fill('9');
    await expect(dims).toHaveAttribute('aria-valuetext', '512');
    const rawAt512 = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map((i) => page.getByTestId(`raw-w-${i}`).textContent()));
    expect(rawAt512).not.toEqual(rawAt2);
    expect(parseInt((await page.getByTestId('raw-top').textContent())!, 10)).toBeGreaterThanOrEqual(99);
    expect(parseInt((await page.getByTestId('scaled-top').textContent())!, 10)).toBeLessThan(90);
    // The raw scores spread like √512 ≈ 22.6; the scaled ones like 1.
    const rawTypical = Number(await page.getByTestId('raw-typical').textContent());
    expect(rawTypical).toBeGreaterThan(18);
    expect(rawTypical).toBeLessThan(27);
    expect(Number(await page.getByTestId('scaled-typical').textContent())).toBeCloseTo(rawTypical / Math.sqrt(512), 1);
    const spread = await page.getByTestId('raw-spread').textContent();
    await page.getByTestId('new-draw').click();
    await expect(page.getByTestId('new-draw')).toHaveText('New draw (seed 2)');
    await expect(page.getByTestId('raw-spread')).not.toHaveText(spread!);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});

test.describe('Attention on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });
  test('fits 360 px with no serious axe violations; a tapped vector takes the focus', async ({ page, consoleProblems }) => {
    await page.goto('./#/attention/qkv');
    await expect(page.getByTestId('qkv-figure')).toBeVisible({ timeout: 60_000 });
    const k = page.getByTestId('handle-k1');
    await k.scrollIntoViewIfNeeded();
    await k.tap();
    await expect(k).toBeFocused();
    // The scaling figure loads when the reader comes near it.
    await page.locator('#scaling').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('raw-w-0')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});

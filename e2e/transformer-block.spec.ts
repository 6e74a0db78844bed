import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures';

async function openGpt(page: Page, { search = '', hashQuery = '' } = {}) {
  await page.goto(`./${search}#/transformer-block/gpt${hashQuery}`);
  const figure = page.getByTestId('gpt-figure');
  await expect(figure).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  return figure;
}

const step = async (page: Page) => Number(await page.getByTestId('step-count').textContent());
const samples = (page: Page) => page.getByTestId('samples').innerText();
/** Every cell's fill in the attention map, in order. */
const cells = (page: Page) => page.getByTestId('attention-map').locator('g > rect:not(.attention-map-outline)');
const mapFills = (page: Page) => cells(page).evaluateAll((rs) => rs.map((r) => r.getAttribute('fill')).join(' '));
const rowLabels = (page: Page) => page.getByTestId('attention-map').locator('.attention-map-labels').first().locator('text').allTextContents();

async function trainFor(page: Page, steps: number) {
  await page.getByTestId('train').click();
  await expect.poll(() => step(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(steps);
  await page.getByTestId('train').click();
  await expect(page.getByTestId('train')).toHaveText('Train');
}

test.describe('the transformer block and a tiny GPT', () => {
  test.setTimeout(150_000);

  test('the GPT trains in the worker: the loss falls from ln 27, the samples change, no axe violations', async ({ page, consoleProblems }) => {
    await openGpt(page, { search: '?debug=1' });
    expect(await page.evaluate(() => (window as unknown as { __dllSeq: { inWorker(): boolean } }).__dllSeq.inWorker())).toBe(true);
    await expect(page.getByTestId('runs-on')).toContainText('in a background thread');
    await page.getByTestId('step').click();
    await expect.poll(() => step(page)).toBe(1);
    expect(Number(await page.getByTestId('loss').textContent())).toBeGreaterThan(3); // ln 27 ≈ 3.3
    const before = await samples(page);
    await trainFor(page, 200);
    expect(Number(await page.getByTestId('loss').textContent())).toBeLessThan(2.7);
    await expect.poll(async () => Number(await page.getByTestId('held-loss').textContent())).toBeLessThan(2.7);
    await expect.poll(() => samples(page)).not.toBe(before);
    const words = (await samples(page)).split('\n').map((w) => w.replace(/\(.*\)/, '').trim()).filter(Boolean);
    expect(words.length).toBe(12);
    for (const w of words) expect(w).toMatch(/^[a-z]{0,9}$|^\(empty\)$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('temperature changes the samples; top-k cuts the bars (k = 1 leaves one)', async ({ page, consoleProblems }) => {
    await openGpt(page, { hashQuery: '?seed=2' });
    await trainFor(page, 60);
    await page.waitForTimeout(1500);
    const at08 = await samples(page);
    const temperature = page.getByTestId('temperature');
    await temperature.focus();
    await page.keyboard.press('End'); // T = 2
    await expect(page.locator('.slider output').filter({ hasText: '2.00' })).toBeVisible();
    await expect.poll(() => samples(page)).not.toBe(at08);

    const bars = page.getByTestId('next-bars');
    const live = bars.locator('.seq-bar:not(.seq-bar-zero)');
    await expect(live).toHaveCount(27);
    const topk = page.getByTestId('topk');
    await topk.focus();
    await page.keyboard.press('Home'); // k = 1
    await expect(live).toHaveCount(1);
    await expect(page.getByTestId('bars-note')).toContainText('only the 1 likeliest character is kept');
    // The one bar left is the model's likeliest character, at 100%.
    await expect(bars.locator('figcaption')).toContainText('(100%)');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight'); // k = 5
    await expect(live).toHaveCount(5);
    // With k = 1 every sample is the one greedy word, whatever the temperature.
    await page.keyboard.press('Home');
    await expect.poll(async () => new Set((await samples(page)).split('\n').filter(Boolean)).size).toBe(1);
    expect(consoleProblems).toEqual([]);
  });

  test('the head and layer selectors change the attention map; the prompt changes its rows', async ({ page, consoleProblems }) => {
    await openGpt(page, { hashQuery: '?seed=3' });
    await trainFor(page, 100);
    await expect(cells(page)).toHaveCount(16); // ". s t a", 4 × 4
    expect(await rowLabels(page)).toEqual(['.', 's', 't', 'a']);
    // The causal mask: the 6 cells above the diagonal are hatched.
    expect((await mapFills(page)).split(' ').filter((f) => f.startsWith('url(')).length).toBe(6);
    const head1 = await mapFills(page);
    await page.getByTestId('head-2').click();
    await expect(page.getByTestId('head-2')).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => mapFills(page)).not.toBe(head1);
    const head2 = await mapFills(page);
    await page.getByTestId('layer-2').click();
    await expect.poll(() => mapFills(page)).not.toBe(head2);

    await page.getByTestId('prompt').fill('Moth3r');
    await expect(page.getByTestId('prompt-notes')).toContainText('Left out: “3”');
    await expect(cells(page)).toHaveCount(36);
    expect(await rowLabels(page)).toEqual(['.', 'm', 'o', 't', 'h', 'r']);
    await page.getByTestId('prompt').fill('abcdefghijkl');
    await expect(page.getByTestId('prompt-cut')).toContainText('Left out: “jkl”');
    await expect(cells(page)).toHaveCount(100);
    // The first sample instead of the prompt.
    await page.getByTestId('source-sample').click();
    await expect(page.getByTestId('gpt-attention')).toContainText('reading the first sample');
    expect(consoleProblems).toEqual([]);
  });

  test('the anatomy: boxes open to their formula with the live numbers, by mouse and keyboard', async ({ page, consoleProblems }) => {
    await page.goto('./#/transformer-block/anatomy?box=');
    const anatomy = page.getByTestId('gpt-anatomy');
    await expect(anatomy).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('anatomy-train')).toBeEnabled({ timeout: 60_000 });
    await expect(page.getByTestId('untrained')).toBeVisible();
    await expect(page.getByTestId('gpt-detail')).toHaveCount(0);

    const ln = page.getByTestId('box-b1.ln1');
    await ln.click();
    await expect(ln).toHaveAttribute('aria-expanded', 'true');
    const formula = page.getByTestId('gpt-formula');
    await expect(formula.locator('.katex')).toBeVisible();
    // The mean and the variance, with numbers (KaTeX's text has the minus as −).
    await expect(formula).toContainText('μ');
    expect(await formula.textContent()).toMatch(/[−-]?\d+\.\d{3}/);

    // Keyboard: Escape closes and gives focus back to the box; Enter on another opens it.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('gpt-detail')).toHaveCount(0);
    await expect(ln).toBeFocused();
    const attn = page.getByTestId('box-b1.attn');
    await attn.focus();
    await page.keyboard.press('Enter');
    await expect(attn).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('gpt-detail')).toContainText('Head 1 of 4');
    const head1 = await formula.textContent();
    await page.getByTestId('anatomy-head-2').click();
    await expect(page.getByTestId('gpt-detail')).toContainText('Head 2 of 4');
    await expect.poll(() => formula.textContent()).not.toBe(head1);

    // Training from the anatomy moves the numbers of the open formula.
    const before = await formula.textContent();
    await page.getByTestId('anatomy-train').click();
    await expect.poll(async () => Number(await page.getByTestId('anatomy-step').textContent()), { timeout: 60_000 }).toBeGreaterThan(20);
    await page.getByTestId('anatomy-train').click();
    await expect(page.getByTestId('untrained')).toHaveCount(0);
    await expect.poll(() => formula.textContent()).not.toBe(before);

    // The softmax box: probabilities that the figure above would show.
    await page.getByTestId('box-softmax').click();
    await expect(page.getByTestId('gpt-detail')).toContainText('likeliest next character');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('on a 360 px phone: nothing overflows sideways, and no axe violations', async ({ page, consoleProblems }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await openGpt(page);
    await page.getByTestId('step').click();
    await expect.poll(() => step(page)).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto('./#/transformer-block/anatomy');
    await expect(page.getByTestId('gpt-formula').locator('.katex')).toBeVisible({ timeout: 90_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});

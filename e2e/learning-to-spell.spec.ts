import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures';

async function openSpell(page: Page, { search = '', hashQuery = '' } = {}) {
  await page.goto(`./${search}#/learning-to-spell/spell${hashQuery}`);
  const figure = page.getByTestId('spell-figure');
  await expect(figure).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  return figure;
}

const step = async (page: Page) => Number(await page.getByTestId('step-count').textContent());
const samples = (page: Page) => page.getByTestId('samples').innerText();

test.describe('learning to spell', () => {
  test.setTimeout(120_000);

  test('trains in a worker on WebAssembly; the loss falls from ln 27 and the samples change', async ({ page, consoleProblems }) => {
    await openSpell(page, { search: '?debug=1' });
    expect(await page.evaluate(() => (window as unknown as { __dllSeq: { inWorker(): boolean } }).__dllSeq.inWorker())).toBe(true);
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
    await expect(page.getByTestId('runs-on')).toHaveText('WebAssembly, in a background thread');
    await page.getByTestId('step').click();
    await expect.poll(() => step(page)).toBe(1);
    const first = Number(await page.getByTestId('loss').textContent());
    expect(first).toBeGreaterThan(3); // ln 27 ≈ 3.3
    const before = await samples(page);
    await page.getByTestId('train').click();
    await expect.poll(() => step(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(150);
    await page.getByTestId('train').click();
    await expect(page.getByTestId('train')).toHaveText('Train');
    expect(Number(await page.getByTestId('loss').textContent())).toBeLessThan(2.8);
    await expect.poll(async () => Number(await page.getByTestId('held-loss').textContent())).toBeLessThan(2.8);
    await expect.poll(() => samples(page)).not.toBe(before);
    // Twelve words of letters only.
    const words = (await samples(page)).split('\n').map((w) => w.replace(/\(.*\)/, '').trim()).filter(Boolean);
    expect(words.length).toBe(12);
    for (const w of words) expect(w).toMatch(/^[a-z]+$|^\(empty\)$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('the temperature slider changes the samples; cold ones repeat', async ({ page, consoleProblems }) => {
    await openSpell(page, { hashQuery: '?seed=2' });
    await page.getByTestId('train').click();
    await expect.poll(() => step(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(60);
    await page.getByTestId('train').click();
    await expect(page.getByTestId('train')).toHaveText('Train');
    await page.waitForTimeout(1500);
    const at08 = await samples(page);
    const slider = page.getByTestId('temperature');
    await slider.focus();
    await page.keyboard.press('End'); // T = 2
    await expect(page.locator('.slider output').filter({ hasText: '2.00' })).toBeVisible();
    await expect.poll(() => samples(page)).not.toBe(at08);
    const distinct = async () => new Set((await samples(page)).split('\n').filter(Boolean)).size;
    const hot = await distinct();
    await page.keyboard.press('Home'); // T = 0.1
    await expect(page.locator('.slider output').filter({ hasText: '0.10' })).toBeVisible();
    // Cold samples repeat: fewer different words than at T = 2.
    await expect.poll(distinct).toBeLessThan(hot);
    // The four side-by-side columns are drawn at their own temperatures, whatever the slider says.
    await expect(page.getByTestId('side-by-side').locator('h5')).toHaveText(['T = 0.3', 'T = 0.7', 'T = 1', 'T = 1.5']);
    expect(consoleProblems).toEqual([]);
  });

  test('the prompt: next-character bars after training, and bad input refused or flagged', async ({ page, consoleProblems }) => {
    await openSpell(page, { hashQuery: '?seed=3' });
    await page.getByTestId('train').click();
    await expect.poll(() => step(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(300);
    await page.getByTestId('train').click();
    const prompt = page.getByTestId('prompt');
    await prompt.fill('q');
    await expect(page.getByTestId('next-best')).toHaveText('u');
    await expect(page.getByTestId('completions')).toContainText('q');
    await prompt.fill('');
    await expect(page.getByTestId('prompt-notes')).toHaveText('Type at least one letter: the model continues from there.');
    await expect(page.getByTestId('next-bars')).toHaveCount(0);
    await prompt.fill('Th3 ');
    await expect(page.getByTestId('prompt-notes')).toContainText('Capitals were lowered');
    await expect(page.getByTestId('prompt-notes')).toContainText('Left out: “3”, space.');
    await expect(page.getByTestId('next-bars')).toContainText('After “th”');
    expect(consoleProblems).toEqual([]);
  });

  test('another cell, or a new seed, starts a fresh model', async ({ page, consoleProblems }) => {
    await openSpell(page);
    await page.getByTestId('step').click();
    await expect.poll(() => step(page)).toBe(1);
    await page.getByRole('button', { name: 'New start (seed 1)' }).click();
    await expect.poll(() => step(page)).toBe(0);
    await expect(page.getByRole('button', { name: 'New start (seed 2)' })).toBeVisible();
    await page.getByTestId('step').click();
    await expect.poll(() => step(page)).toBe(1);
    await page.getByTestId('cell').selectOption('gru');
    await expect.poll(() => step(page)).toBe(0);
    await expect(page.getByTestId('train')).toBeEnabled();
    await page.getByTestId('step').click();
    await expect.poll(() => step(page)).toBe(1);
    expect(consoleProblems).toEqual([]);
  });
});

for (const backend of ['cpu', 'webgl', 'webgpu'] as const) {
  test(`the spelling model trains on the ${backend} backend in the sequence worker when asked for`, async ({ page, consoleProblems }) => {
    await openSpell(page, { search: `?backend=${backend}` });
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', backend);
    // Software GPUs are slow here: two steps are enough to prove the path works end to end.
    await page.getByTestId('step').click();
    await expect.poll(() => step(page), { timeout: 60_000 }).toBe(1);
    await page.getByTestId('step').click();
    await expect.poll(() => step(page), { timeout: 60_000 }).toBe(2);
    expect(Number(await page.getByTestId('loss').textContent())).toBeGreaterThan(3); // ≈ ln 27 after two steps
    expect(consoleProblems).toEqual([]);
  });
}

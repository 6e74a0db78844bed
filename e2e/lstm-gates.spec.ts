import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures';

async function openGates(page: Page, hashQuery = '') {
  await page.goto(`./#/lstm-gates/gates${hashQuery}`);
  await expect(page.getByTestId('gates-figure')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByTestId('gates-status')).not.toBeEmpty();
}

const picture = (page: Page, key: string) => page.locator(`[data-testid="gate-${key}"] canvas`).evaluate((c: HTMLCanvasElement) => c.toDataURL());

test.describe('LSTM gates', () => {
  test.setTimeout(120_000);

  test('draws every gate for a typed sequence, and typing another one redraws them', async ({ page, consoleProblems }) => {
    await openGates(page);
    const sequence = page.getByTestId('sequence');
    await sequence.fill('babcdefgh');
    await expect(page.getByTestId('gate-equations-title')).toHaveText('Step 1 (it reads “b”), unit 1:');
    // Nine columns of labels under each map.
    await expect(page.locator('[data-testid="gate-f"] .step-map-labels span')).toHaveCount(9);
    const before = await Promise.all(['f', 'i', 'c', 'h'].map((k) => picture(page, k)));
    await sequence.fill('dabcdefgh');
    await expect.poll(async () => (await Promise.all(['f', 'i', 'c', 'h'].map((k) => picture(page, k)))).every((p, i) => p !== before[i])).toBe(true);
    await expect(page.getByTestId('gates-answer')).toContainText(/It answers [a-d] \(\d+%\)/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('a chosen cell writes that step’s equations with the real numbers, by pointer and by keyboard', async ({ page, consoleProblems }) => {
    await openGates(page, '?seq=cabba');
    const map = page.locator('[data-testid="gate-f"] canvas');
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    // Five steps across, 32 units down: click step 3, unit 5.
    await page.mouse.click(box.x + (2.5 / 5) * box.width, box.y + (4.5 / 32) * box.height);
    await expect(page.getByTestId('gate-equations-title')).toHaveText('Step 3 (it reads “b”), unit 5:');
    const eq = page.getByTestId('gate-equations');
    await expect(eq).toContainText('σ(');
    const tex = await eq.locator('annotation').textContent();
    expect(tex).toMatch(/c_t &= f_t\\,c_\{t-1\} \+ i_t\\,g_t = -?\d\.\d{3}/);
    await map.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('gate-equations-title')).toHaveText('Step 4 (it reads “b”), unit 5:');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('gate-equations-title')).toHaveText('Step 4 (it reads “b”), unit 6:');
    expect(consoleProblems).toEqual([]);
  });

  test('bad sequences are refused or flagged, and training changes the gates', async ({ page, consoleProblems }) => {
    await openGates(page);
    const sequence = page.getByTestId('sequence');
    await sequence.fill('xyz');
    await expect(page.getByTestId('sequence-notes')).toContainText('Type a sequence that starts with a key: a, b, c or d.');
    await expect(page.getByTestId('gate-maps')).toBeHidden();
    await sequence.fill('a1b!c');
    await expect(page.getByTestId('sequence-notes')).toHaveText('Left out: “1”, “!”. The task’s letters are a–h, and the first must be a–d.');
    await expect(page.getByTestId('gate-maps')).toBeVisible();
    await sequence.fill('cabbafeghhd');
    const before = await picture(page, 'c');
    await page.getByTestId('train').click();
    await expect(page.getByTestId('gates-status')).toContainText(/Trained for \d+ steps/, { timeout: 30_000 });
    await expect.poll(() => picture(page, 'c'), { timeout: 30_000 }).not.toBe(before);
    await page.getByTestId('train').click();
    expect(consoleProblems).toEqual([]);
  });
});

test.describe('the sequence lessons on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });
  for (const [path, id] of [
    ['./#/learning-to-spell/spell', 'spell-figure'],
    ['./#/why-rnns-forget/race', 'recall-figure'],
    ['./#/lstm-gates/gates', 'gates-figure'],
  ] as const) {
    test(`${id}: fits 360 px with no serious axe violations`, async ({ page, consoleProblems }) => {
      await page.goto(path);
      await expect(page.getByTestId(id)).toBeVisible({ timeout: 90_000 });
      await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
      await page.getByTestId('step').tap();
      await expect(page.getByTestId('train')).toBeEnabled();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(consoleProblems).toEqual([]);
    });
  }
});

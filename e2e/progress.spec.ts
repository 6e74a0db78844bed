import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures';

const card = (page: Page, title: string) => page.locator('.lesson-card').filter({ has: page.getByRole('link', { name: title, exact: true }) });
const footer = (page: Page) => page.locator('.lesson-footer');

/** Picks an option of the lesson's `index`-th check and locks it in. */
async function answer(page: Page, index: number, option: string) {
  const check = page.locator('.check').nth(index);
  await check.getByLabel(option, { exact: true }).check();
  await check.getByRole('button', { name: 'Lock in my guess' }).click();
  await expect(check.locator('.check-verdict')).toBeVisible();
}

test.describe('Learner progress', () => {
  test('answering every check completes a lesson; the home page counts it, keeps it on reload, and resets on request', async ({
    page,
    consoleProblems,
  }) => {
    // One check: answered (wrongly, which still counts as answered), then "Try again" keeps the record.
    await page.goto('./#/positional-encoding');
    await expect(page.locator('.check')).toHaveCount(1);
    await expect(footer(page)).toContainText('0 of 1 check answered.');
    await footer(page).getByRole('button', { name: 'Go to the first unanswered check' }).click();
    await expect(page.getByLabel('Exactly s: only the offset (7) counts')).toBeFocused();
    await answer(page, 0, 'Larger than s');
    await expect(footer(page)).toContainText('✓ Lesson completed. 1 of 1 check answered.');
    await expect(footer(page).getByRole('button', { name: 'Go to the first unanswered check' })).toHaveCount(0);
    await page.locator('.check').getByRole('button', { name: 'Try again' }).click();
    await expect(footer(page)).toContainText('1 of 1 check answered.');
    await expect(page.locator('.check')).not.toContainText('You answered this before');

    // Two checks, one answered.
    await page.goto('./#/recurrent-networks');
    await answer(page, 0, '288, the same as for one letter');
    await expect(footer(page)).toContainText('1 of 2 checks answered.');

    // Opened only.
    await page.goto('./#/the-neuron');
    await expect(footer(page)).toContainText('0 of 1 check answered.');

    // A check answered on an earlier visit says so, lightly.
    await page.goto('./#/positional-encoding');
    await expect(page.locator('.check .check-before')).toHaveText('You answered this before.');

    await page.goto('./');
    const expectProgress = async () => {
      await expect(card(page, 'Positional encoding').locator('.badge')).toHaveText('Completed');
      await expect(card(page, 'Recurrent networks').locator('.badge')).toHaveText('1 of 2 checks');
      await expect(card(page, 'The neuron').locator('.badge')).toHaveText('Visited');
      await expect(card(page, 'What is deep learning?').locator('.badge')).toHaveText('Not started');
      await expect(page.getByTestId('progress-count')).toHaveText(/^1 of \d+ lessons completed · 2 more started$/);
      await expect(page.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: /Positional encoding\s*, completed/ })).toBeVisible();
    };
    await expectProgress();
    await expect(page.getByText('Progress is stored only in this browser; nothing leaves the device.')).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.reload();
    await expectProgress();

    // Reset asks first; Cancel (or Escape) keeps everything and puts focus back on the button.
    const resetButton = page.getByRole('button', { name: 'Reset my progress' });
    await resetButton.click();
    const confirm = page.getByRole('group', { name: 'Forget which lessons you opened and every answer you gave?' });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(resetButton).toBeFocused();
    await expectProgress();
    await resetButton.click();
    await page.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await expectProgress();

    await resetButton.click();
    await confirm.getByRole('button', { name: 'Yes, reset my progress' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your progress was reset.' })).toBeVisible();
    await expect(resetButton).toBeFocused();
    const expectCleared = async () => {
      await expect(page.getByTestId('progress-count')).toHaveText(/^0 of \d+ lessons completed$/);
      for (const title of ['Positional encoding', 'Recurrent networks', 'The neuron']) {
        await expect(card(page, title).locator('.badge')).toHaveText('Not started');
      }
    };
    await expectCleared();
    await page.reload();
    await expectCleared();
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('dll.progress.v1') ?? 'null'));
    expect(stored?.state).toEqual({ visited: {}, answers: {}, completed: {} });

    // After a reset the check no longer says it was answered.
    await page.goto('./#/positional-encoding');
    await expect(page.locator('.check .check-before')).toHaveCount(0);
    expect(consoleProblems).toEqual([]);
  });

  test('progress saved by the previous version (the manual checkbox) is kept', async ({ page, consoleProblems }) => {
    await page.goto('./');
    await page.evaluate(() =>
      localStorage.setItem(
        'dll.progress.v1',
        JSON.stringify({ state: { visited: { 'the-neuron': true, 'loss-functions': true }, completed: { 'the-neuron': true } }, version: 0 }),
      ),
    );
    await page.reload();
    await expect(card(page, 'The neuron').locator('.badge')).toHaveText('Completed');
    await expect(card(page, 'Loss functions').locator('.badge')).toHaveText('Visited');
    await expect(page.getByTestId('progress-count')).toHaveText(/^1 of \d+ lessons completed · 1 more started$/);
    expect(consoleProblems).toEqual([]);
  });
});

import { expect, seriousAxeViolations, test } from './fixtures';

test.describe('transfer learning', () => {
  test.setTimeout(180_000);

  test('digits 5–9 from a CNN trained on 0–4: reused frozen layers beat training from scratch on one example per class', async ({
    page,
    consoleProblems,
  }) => {
    await page.goto('./#/transfer-learning/transfer?task=new-digits&counts=quick');
    await expect(page.getByTestId('transfer-figure')).toBeVisible({ timeout: 90_000 });
    await page.getByTestId('run-transfer').click();
    await expect(page.getByTestId('low-digit-source')).toContainText('reads', { timeout: 120_000 });
    await expect(page.getByTestId('run-transfer')).toHaveText('Run the comparison', { timeout: 150_000 });
    const value = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));
    for (const n of [1, 5, 20, 100]) {
      for (const mode of ['frozen', 'random', 'scratch']) {
        const v = await value(`${mode}-${n}`);
        expect(v).toBeGreaterThan(0.3); // far above chance (20% for five classes)
        expect(v).toBeLessThanOrEqual(1);
      }
    }
    // Seeded: features learned on other digits are worth several points with a single example per class.
    expect(await value('frozen-1')).toBeGreaterThan((await value('scratch-1')) + 0.03);
    expect(await value('frozen-100')).toBeGreaterThan((await value('frozen-1')) + 0.15);
    await expect(page.getByTestId('fashion-samples').getByRole('img')).toHaveCount(20);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('clothes reuse the digit CNN: it is trained here first, then the comparison runs on the photos', async ({ page, consoleProblems }) => {
    await page.goto('./#/transfer-learning/transfer?task=clothes&counts=quick');
    await expect(page.getByTestId('transfer-figure')).toBeVisible({ timeout: 90_000 });
    // Nothing trained yet in this visit: the comparison waits for the digit CNN.
    await expect(page.getByTestId('run-transfer')).toBeDisabled();
    await page.getByTestId('train-digits').click();
    await expect(page.getByTestId('digit-cnn-source')).toContainText('Using your digit CNN', { timeout: 120_000 });
    await page.getByTestId('run-transfer').click();
    await expect(page.getByTestId('run-transfer')).toHaveText('Run the comparison', { timeout: 120_000 });
    const frozen100 = Number(await page.getByTestId('frozen-100').getAttribute('data-value'));
    expect(frozen100).toBeGreaterThan(0.5);
    await expect(page.getByTestId('fashion-samples').getByRole('img').first()).toHaveAttribute('aria-label', /^Held out: (T-shirt|Trouser|Pullover|Dress|Coat|Sandal|Shirt|Sneaker|Bag|Ankle boot)/);
    expect(consoleProblems).toEqual([]);
  });
});

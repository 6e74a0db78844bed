import { expect, seriousAxeViolations, test } from './fixtures';

test('transfer learning: trains the digit CNN here, then compares frozen digit features, frozen random ones and training from scratch on clothes', async ({
  page,
  consoleProblems,
}) => {
  test.setTimeout(180_000);
  await page.goto('./#/transfer-learning/transfer?counts=quick');
  await expect(page.getByTestId('transfer-figure')).toBeVisible({ timeout: 90_000 });
  // Nothing trained yet in this visit: the comparison waits for the digit CNN.
  await expect(page.getByTestId('run-transfer')).toBeDisabled();
  await page.getByTestId('train-digits').click();
  await expect(page.getByTestId('digit-cnn-source')).toContainText('Using your digit CNN', { timeout: 120_000 });
  await page.getByTestId('run-transfer').click();
  await expect(page.getByTestId('run-transfer')).toHaveText('Run the comparison', { timeout: 120_000 });
  const value = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));
  for (const n of [1, 5, 20, 100]) {
    for (const mode of ['frozen', 'random', 'scratch']) {
      const v = await value(`${mode}-${n}`);
      expect(v).toBeGreaterThan(0.2); // far above chance (10%) even with one photo per class
      expect(v).toBeLessThanOrEqual(1);
    }
  }
  // More photos per class, better accuracy (100 against 1, for the frozen digit features).
  expect(await value('frozen-100')).toBeGreaterThan((await value('frozen-1')) + 0.15);
  await expect(page.getByTestId('fashion-samples').getByRole('img')).toHaveCount(20);
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(consoleProblems).toEqual([]);
});

import { expect, seriousAxeViolations, test } from './fixtures';

test.describe('MLP vs CNN', () => {
  test('both train side by side from one button, their sizes and code are shown, with zero console errors', async ({ page, consoleProblems }) => {
    await page.goto('./#/mlp-vs-cnn/race');
    await expect(page.getByTestId('race-figure')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
    await expect(page.getByTestId('race-cnn-params')).toHaveText('11,274');
    await expect(page.getByTestId('race-mlp-params')).toHaveText('109,386');
    await expect(page.getByTestId('race-mlp-code')).toContainText("tf.layers.dense({ units: 128, activation: 'relu' })");
    await expect(page.getByTestId('race-cnn-code')).toContainText("tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 5");
    const first = () => page.locator('[data-testid="race-mlp-first"] canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL());
    await page.getByTestId('step').click();
    await expect(page.getByTestId('race-cnn-examples')).toHaveText('32');
    await expect(page.getByTestId('race-mlp-examples')).toHaveText('32');
    const before = await first();
    await page.getByTestId('train').click();
    const accuracy = async (id: string) => Number((await page.getByTestId(`${id}-test`).getAttribute('data-value')) || 0);
    await expect.poll(() => accuracy('race-cnn'), { timeout: 60_000 }).toBeGreaterThan(0.5);
    await expect.poll(() => accuracy('race-mlp'), { timeout: 60_000 }).toBeGreaterThan(0.5);
    await page.getByTestId('train').click();
    await expect(page.getByTestId('train')).toHaveText('Train both');
    expect(await first()).not.toBe(before);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});

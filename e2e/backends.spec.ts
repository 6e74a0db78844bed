/**
 * Every TF.js backend Chromium offers here, for real: cpu, wasm, webgl (SwiftShader) and webgpu (SwiftShader
 * fallback adapter). Software GPUs are slow, so these tests train only a handful of full-batch steps.
 */
import { expect, openNeuron, readLoss, test } from './fixtures';

for (const backend of ['cpu', 'wasm', 'webgl', 'webgpu'] as const) {
  test(`the neuron trains on the ${backend} backend`, async ({ page, consoleProblems }) => {
    await openNeuron(page, { search: `?backend=${backend}`, hashQuery: '?bs=100&lr=3' });
    const badge = page.getByTestId('backend-badge');
    await expect(badge).toHaveAttribute('data-backend', backend);
    await badge.click();
    await expect(page.getByTestId('backend-detail')).toContainText(/requested/i);

    await page.getByTestId('step').click();
    await expect.poll(() => readLoss(page)).toBeGreaterThan(0);
    const first = await readLoss(page);
    // Five full-batch steps of plain gradient descent with a modest rate must lower the loss.
    for (let i = 0; i < 5; i++) {
      const stepBefore = await page.locator('[data-step]').textContent();
      await page.getByTestId('step').click();
      await expect(page.locator('[data-step]')).not.toHaveText(stepBefore ?? '');
    }
    expect(await readLoss(page)).toBeLessThan(first);
    expect(consoleProblems).toEqual([]);
  });
}

test('a lost WebGL context switches backend without losing the trained weights', async ({ page, consoleProblems }) => {
  await openNeuron(page, { search: '?backend=webgl&debug=1', hashQuery: '?bs=100&lr=3' });
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'webgl');
  for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
  await expect(page.locator('[data-step]')).toHaveText('3');
  const weights = await page.evaluate(() => ['w1', 'w2', 'b'].map((id) => Number((document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement).value)));
  const loss = await readLoss(page);

  await page.evaluate(() => (window as unknown as { __dll: { simulateLoss(): void } }).__dll.simulateLoss());
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toHaveAttribute('data-backend', /^(wasm|cpu)$/, { timeout: 30_000 });
  await badge.click();
  await expect(page.getByTestId('backend-detail')).toContainText(/lost/i);

  // Training goes on from the same weights: one more step continues the count and the loss keeps falling.
  await page.getByTestId('step').click();
  await expect(page.locator('[data-step]')).toHaveText('4');
  const after = await page.evaluate(() => ['w1', 'w2', 'b'].map((id) => Number((document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement).value)));
  after.forEach((w, i) => expect(Math.abs(w - weights[i]!)).toBeLessThan(0.5));
  expect(await readLoss(page)).toBeLessThan(loss);
  expect(consoleProblems).toEqual([]);
});

/**
 * With WebGPU switched off in Chromium, a request for it must fall back, and the badge must say so and why.
 */
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.mjs';
import { expect, openNeuron, readLoss, test } from './fixtures';

// Without --enable-unsafe-webgpu this Chromium offers navigator.gpu but no adapter (no GPU here), which is what a
// browser without WebGPU support looks like to the engine.
test.use({
  launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS.filter((a) => a !== '--enable-unsafe-webgpu') },
  // Chromium itself logs this when navigator.gpu.requestAdapter() finds nothing: the very situation under test.
  allowConsole: [/^No available adapters\.$/],
});

test('a request for webgpu falls back and the badge says which backend runs and why', async ({ page, consoleProblems }) => {
  await openNeuron(page, { search: '?backend=webgpu' });
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toHaveAttribute('data-backend', /^(webgl|wasm|cpu)$/);
  await expect(badge).not.toHaveAttribute('data-backend', 'webgpu');
  await badge.click();
  await expect(page.getByTestId('backend-detail')).toContainText(/webgpu was requested but/i);
  await page.getByTestId('step').click();
  await expect.poll(() => readLoss(page)).toBeGreaterThan(0);
  expect(consoleProblems).toEqual([]);
});

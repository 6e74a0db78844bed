import type { Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { expect, readLoss, test } from './fixtures';

const require = createRequire(import.meta.url);

const LESSON = '#/training-a-network';

/** Opens the lab on the cpu backend and waits until its first snapshot is drawn. */
async function openLab(page: Page, hashQuery = '') {
  await page.goto(`./?backend=cpu${LESSON}/lab${hashQuery}`);
  await expect(page.getByTestId('playground')).toBeVisible();
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByTestId('accuracy')).toHaveText(/%/);
}

const nodes = (page: Page) => page.locator('.netgraph-node');
const edges = (page: Page) => page.locator('.netgraph-edge');

test.describe('the training a network lesson', () => {
  test('loads the lab with its default network and no console errors', async ({ page, consoleProblems }) => {
    await openLab(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Training a network' })).toBeVisible();
    // 2 inputs, hidden layers of 4 and 2, one output.
    await expect(nodes(page)).toHaveCount(2 + 4 + 2 + 1);
    await expect(edges(page)).toHaveCount(2 * 4 + 4 * 2 + 2 * 1);
    // 250 training points in batches of 10: 25 batches per epoch.
    await expect(page.getByTestId('batch-strip').locator('span')).toHaveCount(25);
    expect(consoleProblems).toEqual([]);
  });

  test('trains with a fixed seed: the training loss falls and epochs count up', async ({ page, consoleProblems }) => {
    await openLab(page);
    const first = await readLoss(page);
    expect(first).toBeGreaterThan(0.3);
    await page.getByTestId('step').click();
    await expect(page.getByTestId('batch-text')).toHaveText('epoch 1 in progress: 1 of 25 batches done');
    await expect(page.getByTestId('batch-strip').locator('span.is-done')).toHaveCount(1);
    await page.getByTestId('train').click();
    await expect.poll(() => readLoss(page), { timeout: 60_000 }).toBeLessThan(first * 0.5);
    await page.getByTestId('train').click();
    await expect(page.getByTestId('playground')).toHaveAttribute('data-status', 'paused');
    expect(Number(await page.getByTestId('epoch').textContent())).toBeGreaterThan(1);
    expect(Number(await page.getByTestId('test-loss').textContent())).toBeLessThan(first);
    expect(consoleProblems).toEqual([]);
  });

  test('reset returns to the same seeded weights', async ({ page, consoleProblems }) => {
    await openLab(page);
    const first = await readLoss(page);
    await page.getByTestId('step').click();
    await page.getByTestId('step').click();
    await expect(page.getByTestId('batch-text')).toHaveText(/2 of 25/);
    await page.getByTestId('reset').click();
    await expect(page.getByTestId('epoch')).toHaveText('0');
    await expect.poll(() => readLoss(page)).toBe(first);
    expect(consoleProblems).toEqual([]);
  });

  test('adding and removing layers and neurons changes the graph, with a message at the limit', async ({ page, consoleProblems }) => {
    await openLab(page);
    await page.getByTestId('add-layer').click();
    await expect(page.getByTestId('layer-count')).toHaveText('3 hidden layers');
    await expect(nodes(page)).toHaveCount(2 + 4 + 2 + 2 + 1);
    await page.getByTestId('add-neuron-1').click();
    await expect(nodes(page)).toHaveCount(2 + 5 + 2 + 2 + 1);
    for (let i = 0; i < 3; i++) await page.getByTestId('add-layer').click();
    await expect(page.getByTestId('layer-count')).toHaveText('6 hidden layers');
    await page.getByTestId('add-layer').click();
    await expect(page.getByTestId('arch-note')).toContainText('6 hidden layers is the most');
    for (let i = 0; i < 6; i++) await page.getByTestId('remove-layer').click();
    await expect(nodes(page)).toHaveCount(3);
    await expect(edges(page)).toHaveCount(2);
    // The last feature cannot be switched off.
    await page.getByTestId('feature-x2').uncheck();
    await page.getByTestId('feature-x1').click();
    await expect(page.getByTestId('feature-x1')).toBeChecked();
    await expect(page.getByText('The network needs at least one input')).toBeVisible();
    expect(consoleProblems).toEqual([]);
  });

  test('the share link round-trips the main controls', async ({ page, context, consoleProblems }) => {
    await openLab(page, '?data=spiral&layers=3&n1=8&n3=5&x1sq=1&x1x2=1&lr=0.3&act=relu');
    await expect(page.getByTestId('data')).toHaveValue('spiral');
    await expect(page.getByTestId('act')).toHaveValue('relu');
    await expect(page.getByTestId('lr')).toHaveValue('0.3');
    await expect(page.getByTestId('feature-x1sq')).toBeChecked();
    await expect(nodes(page)).toHaveCount(4 + 8 + 2 + 5 + 1);
    // Change more through the controls, then open the page's own link in a fresh tab.
    await page.getByTestId('opt').selectOption('momentum');
    await page.getByTestId('feature-sin2').check();
    await page.getByTestId('remove-neuron-2').click();
    await expect(nodes(page)).toHaveCount(5 + 8 + 1 + 5 + 1);
    // The address bar follows the settings a moment later.
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('n2=1');
    // Read the address from the page itself: replaceState changes it without a navigation.
    const url = await page.evaluate(() => location.href);
    expect(url).toContain('sin2=1');
    const other = await context.newPage();
    await other.goto(url);
    await expect(other.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
    await expect(other.getByTestId('data')).toHaveValue('spiral');
    await expect(other.getByTestId('act')).toHaveValue('relu');
    await expect(other.getByTestId('opt')).toHaveValue('momentum');
    await expect(other.getByTestId('lr')).toHaveValue('0.3');
    await expect(other.getByTestId('feature-sin2')).toBeChecked();
    await expect(other.getByTestId('feature-x2sq')).not.toBeChecked();
    await expect(other.locator('.netgraph-node')).toHaveCount(5 + 8 + 1 + 5 + 1);
    expect(consoleProblems).toEqual([]);
  });

  test('learning rate 10 blows up and the lab stops with a message', async ({ page, consoleProblems }) => {
    await openLab(page, '?act=linear&opt=sgd&lr=10');
    await page.getByTestId('train').click();
    await expect(page.getByTestId('diverged')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('diverged')).toContainText(/learning rate/i);
    await expect(page.getByTestId('playground')).toHaveAttribute('data-status', 'diverged');
    expect(consoleProblems).toEqual([]);
  });

  test('the batch-size check reveals its answer after a guess', async ({ page, consoleProblems }) => {
    await page.goto(`./${LESSON}`);
    const check = page.locator('.check').first();
    await check.scrollIntoViewIfNeeded();
    await check.getByLabel('25', { exact: true }).check();
    await check.getByRole('button', { name: 'Lock in my guess' }).click();
    await expect(check.getByRole('status')).toContainText('Right');
    await expect(check).toContainText('13 cells');
    expect(consoleProblems).toEqual([]);
  });

  test('the lab works from the keyboard, and axe finds no serious violations', async ({ page, consoleProblems }) => {
    await openLab(page);
    await page.getByTestId('feature-x1sq').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('feature-x1sq')).toBeChecked();
    await expect(nodes(page)).toHaveCount(3 + 4 + 2 + 1);
    await page.getByTestId('add-layer').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('layer-count')).toHaveText('3 hidden layers');
    await page.getByTestId('act').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('act')).toHaveValue('relu');
    await page.getByTestId('train').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('playground')).toHaveAttribute('data-status', 'playing');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('playground')).toHaveAttribute('data-status', 'paused');

    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document);
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});

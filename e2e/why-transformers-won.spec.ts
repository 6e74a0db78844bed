import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures';

const LESSON = './#/why-transformers-won';

async function openRace(page: Page, hashQuery = '') {
  await page.goto(`${LESSON}/race${hashQuery}`);
  await expect(page.getByTestId('why-race-figure')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
}

const dataValue = async (page: Page, testId: string) => Number((await page.getByTestId(testId).getAttribute('data-value')) || 0);
const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.describe('why transformers won', () => {
  test('the dependency diagram: the RNN chain grows with the length, the transformer stays one step per layer', async ({ page, consoleProblems }) => {
    await page.goto(`${LESSON}/parallel`);
    const diagram = page.getByTestId('loop-diagram');
    await expect(diagram).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('rnn-node')).toHaveCount(8);
    await expect(page.getByTestId('rnn-chain')).toHaveText('8');
    await expect(page.getByTestId('attention-pairs')).toHaveText('64');

    const length = page.getByTestId('diagram-length');
    await length.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('rnn-node')).toHaveCount(9);
    await expect(page.getByTestId('rnn-chain')).toHaveText('9');
    await expect(page.getByTestId('attention-pairs')).toHaveText('81');
    await expect(page.getByTestId('transformer-chain')).toHaveText('1');
    await expect(diagram).toHaveAttribute('aria-label', /9 positions/);

    // Two steps of the clock: the RNN is on h₂ (h₁ done, h₃ waiting); the transformer's one layer is done.
    await page.getByTestId('diagram-next').click();
    await page.getByTestId('diagram-next').click();
    await expect(page.getByTestId('diagram-tick')).toHaveText('step 2 of 9');
    const states = await page.getByTestId('rnn-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    expect(states.slice(0, 3)).toEqual(['done', 'now', 'waiting']);
    await expect(page.getByTestId('transformer-node').first()).toHaveAttribute('data-state', 'done');

    // More layers: the transformer's chain is the number of layers, whatever the length.
    const layers = page.getByTestId('diagram-layers');
    await layers.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('transformer-chain')).toHaveText('2');
    await expect(page.getByTestId('transformer-node')).toHaveCount(18);

    // Without reduced motion the clock can play on its own.
    await page.getByTestId('diagram-play').click();
    await expect(page.getByTestId('diagram-tick')).toHaveText('step 9 of 9', { timeout: 15_000 });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('with reduced motion the diagram is a stepper only', async ({ page, consoleProblems }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${LESSON}/parallel`);
    await expect(page.getByTestId('loop-diagram')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('diagram-play')).toHaveCount(0);
    await page.getByTestId('diagram-next').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('diagram-tick')).toHaveText('step 1 of 8');
    expect(consoleProblems).toEqual([]);
  });

  test('at distance 50 the transformer learns the recall task in the worker and looks straight at position 1; then the LSTM trains', async ({ page, consoleProblems }) => {
    test.setTimeout(300_000);
    await openRace(page);
    await expect(page.getByTestId('distance')).toHaveValue('50');
    await expect(page.getByTestId('attention-letters')).toHaveText(/^[a-d][a-h]{49}$/);
    await page.getByTestId('train').click();
    await expect(page.getByTestId('race-status')).toContainText('Training the transformer');
    await expect.poll(() => dataValue(page, 'transformer-accuracy'), { timeout: 200_000, intervals: [2000] }).toBeGreaterThan(0.95);
    expect(await dataValue(page, 'transformer-ms')).toBeGreaterThan(0);
    await expect(page.getByTestId('transformer-ms')).toHaveText(/^\d+ ms$/);

    // Its attention from the last position, on a random sequence, with the live weights: mostly on position 1.
    const summary = page.getByTestId('attention-summary');
    await expect.poll(async () => Number(await summary.getAttribute('data-first-share')), { timeout: 30_000 }).toBeGreaterThan(0.5);
    await expect(summary).toHaveAttribute('data-top-position', '1');

    // A typed sequence, shorter than the distance, is filled with random letters; the key is still what it answers.
    await page.getByTestId('attention-sequence').fill('dabcabcabc');
    await expect(page.getByTestId('attention-letters')).toHaveText(/^dabcabcabc[a-h]{40}$/);
    await expect(page.getByTestId('attention-notes')).toContainText('after your 10, the other 40 are random');
    await expect(page.getByTestId('transformer-answer')).toContainText('answers d');

    // Once the transformer is done the LSTM gets its turn, and its step is timed too.
    await expect(page.getByTestId('race-status')).toContainText('Training the LSTM', { timeout: 60_000 });
    await expect.poll(() => dataValue(page, 'lstm-ms'), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect(page.getByTestId('lstm-ms')).toHaveText(/^\d+ ms$/);
    await expect(page.getByTestId('backend-note')).toContainText(/WebAssembly|plain JavaScript|WebGL|WebGPU/);
    await page.getByTestId('train').click();
    await expect(page.getByTestId('train')).toHaveText('Train');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('on a 360 px phone: no horizontal overflow and no serious axe violations', async ({ page, consoleProblems }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${LESSON}/parallel`);
    await expect(page.getByTestId('loop-diagram')).toBeVisible({ timeout: 60_000 });
    await openRace(page);
    await expect(page.getByTestId('attention-map').locator('svg')).toBeVisible();
    await page.getByTestId('loop-diagram').scrollIntoViewIfNeeded();
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});

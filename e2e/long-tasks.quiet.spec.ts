/**
 * Training never blocks the page. Measured with a PerformanceObserver for long tasks, in the 'quiet' project after
 * every other test; the tests of this one file run one after the other, so nothing else stretches their tasks.
 *
 * - The lab, at full speed on TensorFlow Playground's heaviest configuration (spiral, 8-8 tanh, all seven features,
 *   batch 10): no main-thread task over 50 ms.
 * - The live CNN, which trains in a Web Worker: no main-thread task over 50 ms, and its feature maps refresh at
 *   least five times a second.
 */
import { expect, expectLongTasksSeen, test, watchLongTasks } from './fixtures';

const SPIRAL = 'data=spiral&layers=2&n1=8&n2=8&act=tanh&batch=10&split=50&x1=1&x2=1&x1sq=1&x2sq=1&x1x2=1&sin1=1&sin2=1';

test('no main-thread task over 50 ms while the lab trains', async ({ page, consoleProblems }) => {
  await page.goto(`./#/training-a-network/lab?${SPIRAL}`);
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByTestId('accuracy')).toHaveText(/%/);
  const longTasks = await watchLongTasks(page);
  await page.getByTestId('train').click();
  await expect(page.getByTestId('playground')).toHaveAttribute('data-status', 'playing');
  // Train for four seconds, and check that it really trained meanwhile (epochs went by).
  await page.waitForTimeout(4000);
  expect(Number(await page.getByTestId('epoch').textContent())).toBeGreaterThan(50);
  const long = await longTasks();
  expect(long, `main-thread tasks over 50 ms: ${long.join(', ')} ms`).toEqual([]);
  // The observer works: a deliberate 80 ms task is seen (so an empty list above means something).
  await page.getByTestId('train').click();
  await expectLongTasksSeen(page, longTasks);
  expect(consoleProblems).toEqual([]);
});

test('no main-thread task over 50 ms while the CNN trains, and the views refresh ≥ 5 times a second', async ({ page, consoleProblems }) => {
  await page.goto('./#/train-a-cnn/train');
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 90_000 });
  const longTasks = await watchLongTasks(page);
  // Count redraws of the first layer's maps (one per view that reaches the page).
  await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="maps-0"] canvas') as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    const put = ctx.putImageData.bind(ctx) as (image: ImageData, x: number, y: number) => void;
    (window as unknown as { __draws: number }).__draws = 0;
    (ctx as unknown as { putImageData: (image: ImageData, x: number, y: number) => void }).putImageData = (image, x, y) => {
      (window as unknown as { __draws: number }).__draws++;
      put(image, x, y);
    };
  });
  await page.getByTestId('train').click();
  await page.waitForTimeout(1000);
  const draws0 = await page.evaluate(() => (window as unknown as { __draws: number }).__draws);
  const step0 = Number(await page.getByTestId('step-count').textContent());
  await page.waitForTimeout(4000);
  const draws = (await page.evaluate(() => (window as unknown as { __draws: number }).__draws)) - draws0;
  const steps = Number(await page.getByTestId('step-count').textContent()) - step0;
  expect(steps).toBeGreaterThan(20); // it really trained meanwhile
  expect(draws / 4).toBeGreaterThanOrEqual(5);
  const long = await longTasks();
  expect(long, `main-thread tasks over 50 ms: ${long.join(', ')} ms`).toEqual([]);
  await page.getByTestId('train').click();
  await expectLongTasksSeen(page, longTasks);
  expect(consoleProblems).toEqual([]);
});

test('no main-thread task over 50 ms while the spelling model trains and its samples refresh', async ({ page, consoleProblems }) => {
  await page.goto('./#/learning-to-spell/spell');
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 90_000 });
  // Measure training, not the page still settling (fonts, the lesson's other figures loading).
  await page.waitForTimeout(2000);
  const longTasks = await watchLongTasks(page);
  const before = await page.getByTestId('samples').innerText();
  await page.getByTestId('train').click();
  await page.waitForTimeout(5000);
  expect(Number(await page.getByTestId('step-count').textContent())).toBeGreaterThan(30);
  // The samples were redrawn from new weights meanwhile (the page's sampling is part of what is measured).
  expect(await page.getByTestId('samples').innerText()).not.toBe(before);
  const long = await longTasks();
  expect(long, `main-thread tasks over 50 ms: ${long.join(', ')} ms`).toEqual([]);
  await page.getByTestId('train').click();
  await expectLongTasksSeen(page, longTasks);
  expect(consoleProblems).toEqual([]);
});

test('no main-thread task over 50 ms while the LSTM trains with its gates on screen', async ({ page, consoleProblems }) => {
  await page.goto('./#/lstm-gates/gates');
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 90_000 });
  await expect(page.getByTestId('gates-status')).not.toBeEmpty();
  // Measure training, not the page still settling (fonts, the lesson's other figures loading).
  await page.waitForTimeout(2000);
  const longTasks = await watchLongTasks(page);
  const picture = () => page.locator('[data-testid="gate-c"] canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const before = await picture();
  await page.getByTestId('train').click();
  await page.waitForTimeout(5000);
  expect(await picture()).not.toBe(before);
  const long = await longTasks();
  expect(long, `main-thread tasks over 50 ms: ${long.join(', ')} ms`).toEqual([]);
  await page.getByTestId('train').click();
  await expectLongTasksSeen(page, longTasks);
  expect(consoleProblems).toEqual([]);
});

test('no main-thread task over 50 ms while the reversal transformer trains with its attention maps on screen', async ({ page, consoleProblems }) => {
  await page.goto('./#/attention/reverse');
  const fig = page.getByTestId('reverse-figure');
  await expect(fig.getByTestId('train')).toBeEnabled({ timeout: 90_000 });
  // Measure training, not the page still settling (fonts, the lesson's other figures loading).
  await page.waitForTimeout(2000);
  const longTasks = await watchLongTasks(page);
  const picture = () => page.getByTestId('reverse-head-1').locator('svg').evaluate((s) => s.innerHTML);
  const before = await picture();
  await fig.getByTestId('train').click();
  await page.waitForTimeout(5000);
  expect(await picture()).not.toBe(before);
  const long = await longTasks();
  expect(long, `main-thread tasks over 50 ms: ${long.join(', ')} ms`).toEqual([]);
  await fig.getByTestId('train').click();
  await expectLongTasksSeen(page, longTasks);
  expect(consoleProblems).toEqual([]);
});

test('no main-thread task over 50 ms while the transformer and then the LSTM train in "Why transformers won"', async ({ page, consoleProblems }) => {
  await page.goto('./#/why-transformers-won/race');
  const fig = page.getByTestId('why-race-figure');
  await expect(fig.getByTestId('train')).toBeEnabled({ timeout: 90_000 });
  await page.waitForTimeout(2000);
  const longTasks = await watchLongTasks(page);
  await fig.getByTestId('train').click();
  // The transformer reaches 99% in a few seconds, then the LSTM takes over: both are watched.
  await expect(page.getByTestId('lstm-steps')).not.toHaveText('0', { timeout: 60_000 });
  await page.waitForTimeout(4000);
  const long = await longTasks();
  expect(long, `main-thread tasks over 50 ms: ${long.join(', ')} ms`).toEqual([]);
  await fig.getByTestId('train').click();
  await expectLongTasksSeen(page, longTasks);
  expect(consoleProblems).toEqual([]);
});

test('no main-thread task over 50 ms while the tiny GPT trains with its samples and attention map on screen', async ({ page, consoleProblems }) => {
  await page.goto('./#/transformer-block/gpt');
  const fig = page.getByTestId('gpt-figure');
  await expect(fig.getByTestId('train')).toBeEnabled({ timeout: 90_000 });
  await page.waitForTimeout(2000);
  const longTasks = await watchLongTasks(page);
  await fig.getByTestId('train').click();
  await page.waitForTimeout(6000);
  expect(Number(await page.getByTestId('step-count').textContent())).toBeGreaterThan(20);
  const long = await longTasks();
  expect(long, `main-thread tasks over 50 ms: ${long.join(', ')} ms`).toEqual([]);
  await fig.getByTestId('train').click();
  await expectLongTasksSeen(page, longTasks);
  expect(consoleProblems).toEqual([]);
});

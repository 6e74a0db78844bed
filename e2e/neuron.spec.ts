import { NEURON, expect, openNeuron, readLoss, sliderValue, test } from './fixtures';

test.describe('the neuron lesson', () => {
  test('loads with its formula, figure and no console errors', async ({ page, consoleProblems }) => {
    await openNeuron(page);
    await expect(page.getByRole('heading', { level: 1, name: 'The neuron' })).toBeVisible();
    await expect(page.getByTestId('formula')).toContainText('0.60');
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', /^(cpu|wasm|webgl|webgpu)$/);
    expect(consoleProblems).toEqual([]);
  });

  test('moving a weight slider changes the figure and the formula numbers', async ({ page, consoleProblems }) => {
    await openNeuron(page);
    const line = page.locator('.decision-line');
    const formula = page.getByTestId('formula');
    const before = { x1: await line.getAttribute('x1'), y1: await line.getAttribute('y1'), text: await formula.textContent() };
    const w1 = page.getByTestId('w1');
    await w1.focus();
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => sliderValue(page, 'w1')).toBeCloseTo(1.0, 5);
    await expect(formula).toContainText('1.00');
    await expect.poll(async () => (await formula.textContent()) !== before.text).toBe(true);
    await expect
      .poll(async () => [await line.getAttribute('x1'), await line.getAttribute('y1')].join())
      .not.toBe([before.x1, before.y1].join());
    // The address bar follows, so it can be shared.
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('w1=1');
    expect(consoleProblems).toEqual([]);
  });

  test('Train makes the loss fall and the sliders follow the learned weights', async ({ page, consoleProblems }) => {
    await openNeuron(page, { hashQuery: '?bs=100&lr=2' });
    await page.getByTestId('step').click();
    await expect.poll(() => readLoss(page)).toBeGreaterThan(0);
    const first = await readLoss(page);
    const w1Before = await sliderValue(page, 'w1');
    await page.getByTestId('train').click();
    await expect.poll(() => readLoss(page), { timeout: 30_000 }).toBeLessThan(first * 0.5);
    await page.getByTestId('train').click(); // pause
    await expect(page.getByTestId('neuron-figure')).toHaveAttribute('data-status', 'paused');
    expect(await sliderValue(page, 'w1')).not.toBeCloseTo(w1Before, 2);
    expect(Number((await page.getByTestId('accuracy').textContent())?.replace('%', ''))).toBeGreaterThan(85);
    // The loss curve was drawn: a path with many points that ends lower than it starts.
    const d = (await page.locator('.loss-line').getAttribute('d')) ?? '';
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys.length).toBeGreaterThan(10);
    expect(ys.at(-1)!).toBeGreaterThan(ys[0]!); // SVG y grows downwards: a lower loss is a larger y
    expect(consoleProblems).toEqual([]);
  });

  test('a learning rate that blows up pauses training and says why', async ({ page, consoleProblems }) => {
    await openNeuron(page, { hashQuery: '?act=linear&lr=100&bs=100&w1=3&w2=3&b=3' });
    await page.getByTestId('train').click();
    const alert = page.getByTestId('diverged');
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await expect(alert).toContainText('learning rate');
    await expect(page.getByTestId('neuron-figure')).toHaveAttribute('data-status', 'diverged');
    await alert.getByRole('button', { name: 'Reset training' }).click();
    await expect(alert).toBeHidden();
    expect(await sliderValue(page, 'w1')).toBeCloseTo(3, 5);
    expect(consoleProblems).toEqual([]);
  });

  test('the share link reproduces the settings', async ({ page, context, consoleProblems }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openNeuron(page);
    await page.getByTestId('act').selectOption('tanh');
    await page.getByTestId('data').selectOption('circle');
    const b = page.getByTestId('b');
    await b.focus();
    await page.keyboard.press('Home');
    await page.getByTestId('share').click();
    await expect(page.getByTestId('share-result')).toHaveText('Link copied.');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('#/the-neuron/playground?');

    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
    await expect(other.getByTestId('act')).toHaveValue('tanh');
    await expect(other.getByTestId('data')).toHaveValue('circle');
    expect(Number(await other.getByTestId('b').inputValue())).toBe(-4);
    await expect(other.getByTestId('notice')).toHaveCount(0);
    expect(consoleProblems).toEqual([]);
  });

  test('a garbage link falls back to the defaults with a notice', async ({ page, consoleProblems }) => {
    await page.goto(`./${NEURON}/playground?w1=banana&act=quantum&lr=-5&zz=1`);
    await expect(page.getByTestId('notice')).toContainText('could not all be read');
    await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
    expect(await sliderValue(page, 'w1')).toBeCloseTo(0.6, 5);
    await expect(page.getByTestId('act')).toHaveValue('sigmoid');
    await page.getByRole('button', { name: 'Dismiss notice' }).click();
    await expect(page.getByTestId('notice')).toHaveCount(0);
    expect(consoleProblems).toEqual([]);
  });

  test('Reset to lesson default restores every setting', async ({ page, consoleProblems }) => {
    await openNeuron(page, { hashQuery: '?w1=2&act=relu&data=xor' });
    expect(await sliderValue(page, 'w1')).toBe(2);
    await page.getByTestId('reset-defaults').click();
    await expect.poll(() => sliderValue(page, 'w1')).toBeCloseTo(0.6, 5);
    await expect(page.getByTestId('act')).toHaveValue('sigmoid');
    await expect(page.getByTestId('data')).toHaveValue('blobs');
    expect(consoleProblems).toEqual([]);
  });

  test('the prediction check reveals its answer only after a guess is locked in', async ({ page, consoleProblems }) => {
    await page.goto(`./${NEURON}`);
    const check = page.locator('.check');
    await check.scrollIntoViewIfNeeded();
    const lock = check.getByRole('button', { name: 'Lock in my guess' });
    await expect(lock).toBeDisabled();
    await expect(check.getByText(/does not feel/)).toHaveCount(0);
    await check.getByLabel('It does not move').check();
    await lock.click();
    await expect(check.getByRole('status')).toContainText('Not quite');
    // KaTeX rendered the explanation's math: no TeX source is left in the text.
    await expect(check.locator('.katex').first()).toBeVisible();
    expect(await check.textContent()).not.toContain('$');
    await expect(check).toContainText('stays put');
    expect(consoleProblems).toEqual([]);
  });

  test('a glossary term shows its definition on focus', async ({ page, consoleProblems }) => {
    await page.goto(`./${NEURON}`);
    const term = page.getByRole('button', { name: 'weight', exact: true }).first();
    await term.focus();
    await expect(page.getByRole('tooltip').filter({ hasText: 'how much one input matters' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('tooltip').filter({ hasText: 'how much one input matters' })).toBeHidden();
    expect(consoleProblems).toEqual([]);
  });

  test('training pauses while the figure is scrolled away, unless pinned', async ({ page, consoleProblems }) => {
    const figure = await openNeuron(page);
    await page.getByTestId('train').click();
    await expect(figure).toHaveAttribute('data-status', 'playing');
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(figure).toHaveAttribute('data-status', 'paused');
    await figure.scrollIntoViewIfNeeded();
    await expect(figure).toHaveAttribute('data-status', 'playing');
    await page.getByLabel('Keep training when scrolled away').check();
    await page.evaluate(() => window.scrollTo(0, 0));
    const step = Number(await page.locator('[data-step]').textContent());
    await expect.poll(async () => Number(await page.locator('[data-step]').textContent())).toBeGreaterThan(step + 20);
    await expect(figure).toHaveAttribute('data-status', 'playing');
    expect(consoleProblems).toEqual([]);
  });

  test('training a teacher started keeps going while the tab is hidden', async ({ page, consoleProblems }) => {
    const figure = await openNeuron(page);
    await page.getByTestId('train').click();
    await expect(figure).toHaveAttribute('data-status', 'playing');
    // Headless Chromium never hides a tab, so hide this one the way a real browser does: document.hidden turns
    // true, 'visibilitychange' fires, and requestAnimationFrame stops calling back.
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      window.requestAnimationFrame = () => 0;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const step = Number(await page.locator('[data-step]').textContent());
    await expect.poll(async () => Number(await page.locator('[data-step]').textContent())).toBeGreaterThan(step + 20);
    await expect(figure).toHaveAttribute('data-status', 'playing');
    expect(consoleProblems).toEqual([]);
  });
});

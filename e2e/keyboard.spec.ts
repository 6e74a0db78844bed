import { readyLessons } from '../app/lessons/manifest';
import { expect, openNeuron, sliderValue, test, seriousAxeViolations } from './fixtures';

test('keyboard alone reaches every control of the neuron figure, with visible focus', async ({ page, consoleProblems }) => {
  await openNeuron(page);
  const figure = page.getByTestId('neuron-figure');
  const controls = figure.locator('button:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], summary');
  const expected = await controls.evaluateAll((els) => els.map((el) => el.outerHTML.slice(0, 80)));
  expect(expected.length).toBeGreaterThan(12);

  // Tab from the top of the page until focus leaves the figure, recording what was focused.
  await page.locator('body').focus();
  const reached = new Set<string>();
  for (let i = 0; i < 200 && reached.size < expected.length; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      const style = getComputedStyle(el);
      return {
        inFigure: Boolean(el.closest('[data-testid="neuron-figure"]')),
        html: el.outerHTML.slice(0, 80),
        focusVisible: el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    if (info?.inFigure) {
      expect(info.focusVisible, `focus ring on ${info.html}`).toBe(true);
      reached.add(info.html);
    }
  }
  expect([...reached].sort()).toEqual([...expected].sort());

  // Operate: a slider with arrows, the activation with the keyboard, Train with Space.
  await page.getByTestId('w2').focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => sliderValue(page, 'w2')).toBeCloseTo(-1.21, 5);
  await page.getByTestId('act').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('act')).toHaveValue('step');
  await page.getByTestId('train').focus();
  await page.keyboard.press('Space');
  await expect(figure).toHaveAttribute('data-status', 'playing');
  await page.keyboard.press('Space');
  await expect(figure).toHaveAttribute('data-status', 'paused');
  expect(consoleProblems).toEqual([]);
});


const pages: [string, string][] = [
  ['course home', './'],
  ...readyLessons.map((l): [string, string] => [`${l.slug} lesson`, `./#/${l.slug}`]),
];

for (const [name, path] of pages) {
  test(`axe finds no serious or critical accessibility violations on the ${name}`, async ({ page, consoleProblems }) => {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    if (path.includes('#/')) await expect(page.locator('.recap')).toBeAttached(); // the lesson's MDX has loaded
    // Scroll through the page so that every live figure loads and is checked too.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 500) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    await expect(page.locator('.figure-placeholder')).toHaveCount(0, { timeout: 60_000 });
    const violations = await seriousAxeViolations(page);
    expect(violations).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
}

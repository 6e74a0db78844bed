/**
 * The GAN lesson: it trains on a fixed seed and the fakes move towards the real points (the distance falls);
 * D-only steps change D's picture and not the fakes, G-only steps move the fakes; slow motion tells each update
 * in words; a distribution drawn with the mouse and with a finger (real touch events) becomes the real data; a
 * 360 px phone fits; no console errors, no serious axe violations.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures';

const LESSON = './?backend=cpu#/generative-adversarial-networks';

async function openLab(page: Page, hashQuery = '') {
  await page.goto(`${LESSON}/lab${hashQuery}`);
  const figure = page.getByTestId('gan-figure').first();
  await expect(figure).toBeVisible({ timeout: 60_000 });
  await expect(figure.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  await expect(figure.getByTestId('gan-distance')).toHaveAttribute('data-value', /\d/);
  return figure;
}

const distance = async (figure: Locator) => Number(await figure.getByTestId('gan-distance').getAttribute('data-value'));
const plane = (figure: Locator) => figure.getByTestId('gan-plane');

test.describe('generative adversarial networks', () => {
  test('trains on a fixed seed: the generated points move towards the real ones', async ({ page, consoleProblems }) => {
    const figure = await openLab(page);
    const start = await distance(figure);
    expect(start).toBeGreaterThan(0.2);
    await figure.getByTestId('train').click();
    await expect(figure).toHaveAttribute('data-status', 'playing');
    await expect.poll(async () => Number(await figure.getByTestId('gan-rounds').textContent()), { timeout: 40_000 }).toBeGreaterThanOrEqual(200);
    await figure.getByTestId('train').click();
    await expect(figure).toHaveAttribute('data-status', 'paused');
    await expect.poll(() => distance(figure)).toBeLessThan(start * 0.6);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('D only moves D’s picture, G only moves the fakes, and slow motion says what happened', async ({ page, consoleProblems }) => {
    const figure = await openLab(page);
    await figure.getByTestId('mode-d').check();
    const fakes = await plane(figure).getAttribute('data-fakes');
    const heat = await plane(figure).getAttribute('data-heat');
    await figure.getByTestId('step').click();
    await expect(figure.getByTestId('gan-dsteps')).toHaveText('1');
    await expect(plane(figure)).not.toHaveAttribute('data-heat', heat!);
    expect(await plane(figure).getAttribute('data-fakes')).toBe(fakes);
    await expect(figure.getByTestId('gan-rounds')).toHaveText('0');
    await expect(figure.getByTestId('narration')).toContainText('D looks at 64 real and 64 fake points');

    await figure.getByTestId('mode-g').check();
    await figure.getByTestId('step').click();
    await expect(figure.getByTestId('gan-rounds')).toHaveText('1');
    await expect(plane(figure)).not.toHaveAttribute('data-fakes', fakes!);
    await expect(figure.getByTestId('narration')).toContainText('G moves its 64 points along the arrows');

    // Both, k = 2: one round is two D updates and one G update.
    await figure.getByTestId('mode-both').check();
    const k = figure.getByTestId('k');
    await k.focus();
    await page.keyboard.press('ArrowRight');
    await figure.getByTestId('step').click();
    await expect(figure.getByTestId('gan-dsteps')).toHaveText('3');
    await expect(figure.getByTestId('gan-rounds')).toHaveText('2');

    // Slow motion while playing: one update at a time, each told in the live region.
    await figure.getByTestId('slow').check();
    await expect(figure.getByTestId('narration')).toContainText('each update will be described');
    await figure.getByTestId('train').click();
    await expect(figure.getByTestId('narration')).toContainText(/update [4-9]/, { timeout: 10_000 });
    await figure.getByTestId('train').click();
    await expect(figure).toHaveAttribute('data-status', 'paused');
    expect(Number(await figure.getByTestId('gan-dsteps').textContent())).toBeLessThan(10);
    expect(consoleProblems).toEqual([]);
  });

  test('a distribution drawn with the mouse becomes the real data', async ({ page, consoleProblems }) => {
    const figure = await openLab(page);
    const real = await plane(figure).getAttribute('data-real');
    await figure.getByTestId('dist').selectOption('drawn');
    await expect(figure.getByTestId('draw-panel')).toContainText('Draw on the plane');
    const box = (await plane(figure).boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + box.width * (0.3 + 0.03 * i), box.y + box.height * 0.3, { steps: 2 });
    await page.mouse.up();
    await expect(figure.getByTestId('draw-panel')).toContainText(/Your drawing: \d+ points/);
    await expect(plane(figure)).not.toHaveAttribute('data-real', real!);
    // The drawing is in the share link: reloading keeps it.
    await expect.poll(() => page.url()).toMatch(/drawn=[A-Za-z0-9_-]{8,}/);
    expect(consoleProblems).toEqual([]);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('the lab fits 360 px and a finger draws the real data', async ({ page, consoleProblems }) => {
    const figure = await openLab(page, '?dist=drawn');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await plane(figure).scrollIntoViewIfNeeded();
    const box = (await plane(figure).boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const at = (t: number) => ({ x: box.x + box.width * (0.2 + 0.6 * t), y: box.y + box.height * (0.7 - 0.4 * t) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(0)] });
    for (let i = 1; i <= 15; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(i / 15)] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
    await expect(figure.getByTestId('draw-panel')).toContainText(/Your drawing: \d+ points/);
    const count = Number((await figure.getByTestId('draw-panel').textContent())!.match(/(\d+) points/)![1]);
    expect(count).toBeGreaterThan(5);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0); // the page did not jump to the top
    // Centred, so the phone's sticky header cannot be over the button.
    const train = figure.getByTestId('train');
    await train.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    // Under load a tap was seen not to reach the button once in eight runs (see the branch's report): tap again.
    await expect(async () => {
      await train.tap();
      await expect(figure).toHaveAttribute('data-status', 'playing', { timeout: 3_000 });
    }).toPass({ timeout: 20_000 });
    await expect.poll(async () => Number(await figure.getByTestId('gan-rounds').textContent()), { timeout: 20_000 }).toBeGreaterThan(5);
    await figure.getByTestId('train').tap();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(consoleProblems).toEqual([]);
  });
});

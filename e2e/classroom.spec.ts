/**
 * The classroom: presenter mode, its keyboard shortcuts (each one does what the help says), training that keeps
 * going while the teacher is in another window, scenes, and links that reproduce a figure (share, classroom,
 * embed).
 */
import type { Page } from '@playwright/test';
import { expect, openNeuron, seriousAxeViolations, sliderValue, test } from './fixtures';

const steps = (page: Page) => page.evaluate(() => Number(document.querySelector('[data-testid="neuron-figure"] [data-step]')?.textContent));
const zoom = (page: Page) => page.evaluate(() => Number(getComputedStyle(document.documentElement).getPropertyValue('--present-zoom')));

/** Nothing focused: the keys go to the page, as when a teacher has just clicked on the background. */
const unfocus = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

async function present(page: Page) {
  await openNeuron(page);
  await unfocus(page);
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter-bar')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
}

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  test(`presenter mode at ${viewport.width}×${viewport.height}: the figure alone, large, without the lesson around it`, async ({ page, consoleProblems }, info) => {
    await page.setViewportSize(viewport);
    await present(page);
    await expect(page.locator('.topbar')).toBeHidden();
    await expect(page.locator('#sidebar')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'The neuron' })).toBeHidden();
    // Prose paragraphs are hidden; the figure is the page.
    await expect(page.locator('.prose > p').first()).toBeHidden();
    const figure = page.locator('figure#playground');
    await expect(figure).toHaveClass(/is-presented/);
    const box = (await figure.boundingBox())!;
    expect(box.width).toBeGreaterThan(viewport.width * 0.9);
    // Type scales with the projector: 1.42× at 1080 lines; never smaller than the page's own.
    const z = await zoom(page);
    expect(z).toBeCloseTo(viewport.height >= 1080 ? 1.42 : 1, 1);
    const train = page.getByTestId('train');
    const fontPx = await train.evaluate((el) => el.getBoundingClientRect().height);
    expect(fontPx).toBeGreaterThanOrEqual(viewport.height >= 1080 ? 48 : 34);
    // High-contrast palette: black on white.
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    await page.screenshot({ path: info.outputPath(`presenter-${viewport.width}x${viewport.height}.png`) });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('presenter-bar')).toBeHidden();
    await expect(page.locator('.topbar')).toBeVisible();
    expect(consoleProblems).toEqual([]);
  });
}

test('every shortcut in the help does what the help says', async ({ page, consoleProblems }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openNeuron(page);
  const figure = page.getByTestId('neuron-figure');
  // `?` opens the help; it lists every key with what it does; `?` closes it again, as does Esc.
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts-help');
  await expect(help).toBeVisible();
  const rows = help.locator('tr');
  const actions = await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.action));
  expect(actions).toEqual(['help', 'present', 'toggle', 'step', 'reset', 'speed', 'fullscreen', 'next', 'previous', 'scene', 'zoom-in', 'exit']);
  await expect(help.locator('tr[data-action="toggle"]')).toContainText('Space');
  await expect(help.locator('tr[data-action="next"]')).toContainText('Page Down');
  await page.keyboard.press('?');
  await expect(help).toBeHidden();
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // Reading mode: the keys act on the figure on screen.
  await unfocus(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => steps(page)).toBe(1);
  await page.keyboard.press('4');
  await expect(figure.locator('.trainer-buttons select')).toHaveValue('Infinity');
  await page.keyboard.press('1');
  await expect(figure.locator('.trainer-buttons select')).toHaveValue('0.25');
  await page.keyboard.press('3');
  await expect(figure.locator('.trainer-buttons select')).toHaveValue('8');
  await page.keyboard.press('2');
  await expect(figure.locator('.trainer-buttons select')).toHaveValue('1');
  await page.keyboard.press(' ');
  await expect(figure).toHaveAttribute('data-status', 'playing');
  await expect(page.getByTestId('toast')).toHaveText('Training');
  await page.keyboard.press(' ');
  await expect(figure).toHaveAttribute('data-status', 'paused');
  expect(await steps(page)).toBeGreaterThan(1);
  await page.keyboard.press('r');
  await expect.poll(() => steps(page)).toBe(0);
  // Keys for a focused control stay with it: the arrows move a focused slider, they do not step training.
  await page.getByTestId('w1').focus();
  await page.keyboard.press('ArrowRight');
  expect(await steps(page)).toBe(0);

  // P: presenter mode; F: full screen; + and −: size; S: a scene; Page Down/Up: next and previous figure.
  await unfocus(page);
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter-bar')).toBeVisible();
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement != null)).toBe(true);
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement != null)).toBe(false);
  const before = await zoom(page);
  await page.keyboard.press('+');
  await expect.poll(() => zoom(page)).toBeGreaterThan(before);
  await page.keyboard.press('-');
  await expect.poll(() => zoom(page)).toBeCloseTo(before, 2);
  await page.keyboard.press('s');
  await expect(page.getByTestId('open-scenes')).toHaveText('Scenes (1)');
  await expect(page.getByTestId('presenter-where')).toHaveText('The neuron · figure 1 of 1');
  // The neuron lesson has one figure, so Page Down moves on to the next lesson's first figure, and back.
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(/#\/activation-functions/);
  await expect(page.getByTestId('presenter-where')).toHaveText(/^Activation functions · figure 1 of 2$/);
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('presenter-where')).toHaveText(/figure 2 of 2$/);
  await expect(page.locator('figure.is-presented')).toHaveAttribute('id', await page.locator('.prose figure.figure').nth(1).getAttribute('id') ?? '');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await expect(page).toHaveURL(/#\/the-neuron/);
  await expect(page.getByTestId('presenter-where')).toHaveText('The neuron · figure 1 of 1');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter-bar')).toBeHidden();
  // Outside presenter mode, Page Down is the browser's again.
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(/#\/the-neuron/);
  expect(consoleProblems).toEqual([]);
});

test('training started by the teacher keeps running while another window is in front', async ({ page, context, consoleProblems }) => {
  await present(page);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('neuron-figure')).toHaveAttribute('data-status', 'playing');
  await expect.poll(() => steps(page)).toBeGreaterThan(5);
  // The teacher switches to their slides: another window comes to the front and this page is hidden.
  const slides = await context.newPage();
  await slides.goto('about:blank');
  await slides.bringToFront();
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('blur'));
  });
  const away = await page.evaluate(() => {
    const step = () => Number(document.querySelector('[data-testid="neuron-figure"] [data-step]')?.textContent);
    return step();
  });
  // While hidden, the page keeps stepping; the trainer's status says so at once.
  await page.waitForTimeout(2000);
  expect(await page.getByTestId('neuron-figure').getAttribute('data-status')).toBe('playing');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('focus'));
  });
  await page.bringToFront();
  await slides.close();
  await expect.poll(() => steps(page)).toBeGreaterThan(away + 40);
  await expect(page.getByTestId('neuron-figure')).toHaveAttribute('data-status', 'playing');
  expect(consoleProblems).toEqual([]);
});

test('scenes: saved, reordered, exported as a link and played on another computer', async ({ browser, page, consoleProblems }) => {
  await openNeuron(page);
  const w1 = page.getByTestId('w1');
  await w1.focus();
  await page.keyboard.press('Home');
  await unfocus(page);
  await page.keyboard.press('p');
  await page.keyboard.press('s');
  await page.keyboard.press('Escape');
  await w1.focus();
  await page.keyboard.press('End');
  await unfocus(page);
  await page.keyboard.press('p');
  await page.keyboard.press('s');
  await page.getByTestId('open-scenes').click();
  const dialog = page.getByTestId('scenes-dialog');
  await expect(dialog.getByTestId('scene-list').locator('li')).toHaveCount(2);
  await dialog.getByRole('textbox', { name: 'Title of scene 1' }).fill('Weight at its lowest');
  await dialog.getByRole('textbox', { name: 'Title of scene 2' }).fill('Weight at its highest');
  // Highest first.
  await dialog.getByRole('button', { name: 'Move scene 2 up' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Title of scene 1' })).toHaveValue('Weight at its highest');
  await dialog.getByTestId('export-scenes').click();
  const link = await dialog.getByTestId('scenes-link').inputValue();
  expect(link).toMatch(/#\/scenes\?list=/);

  // Another computer: a fresh browser context with nothing saved.
  const other = await browser.newContext();
  const room = await other.newPage();
  await room.goto(link);
  await expect(room.getByTestId('imported-scenes').locator('li')).toHaveText(['Weight at its highest', 'Weight at its lowest']);
  await room.getByTestId('import-scenes').click();
  await expect(room.getByTestId('presenter-where')).toHaveText('Scene 1 of 2: Weight at its highest');
  await expect.poll(() => sliderValue(room, 'w1')).toBe(4);
  await room.keyboard.press('PageDown');
  await expect(room.getByTestId('presenter-where')).toHaveText('Scene 2 of 2: Weight at its lowest');
  await expect.poll(() => sliderValue(room, 'w1')).toBe(-4);
  await room.keyboard.press('PageUp');
  await expect.poll(() => sliderValue(room, 'w1')).toBe(4);
  // A damaged link says so and leaves the saved scenes alone.
  await room.goto(link.slice(0, -6));
  await expect(room.getByTestId('scenes-problem')).toContainText('could not be read');
  expect(await room.evaluate(() => JSON.parse(localStorage.getItem('dll.scenes.v1') ?? '{}').state.scenes.length)).toBe(2);
  await other.close();
  expect(consoleProblems).toEqual([]);
});

test('the share, classroom and embed links reproduce the figure', async ({ page, context, consoleProblems }) => {
  await openNeuron(page);
  await page.getByTestId('act').selectOption('tanh');
  const w2 = page.getByTestId('w2');
  await w2.focus();
  await page.keyboard.press('End');
  const figure = page.locator('figure#playground');
  await figure.getByText('Embed or make a classroom link').click();
  const embedCode = await figure.getByTestId('embed-code').inputValue();
  const src = /src="([^"]+)"/.exec(embedCode)?.[1] ?? '';
  expect(src).toMatch(/#\/embed\/the-neuron\/playground\?.*act=tanh/);
  expect(embedCode).toMatch(/^<iframe [^>]*title="A single neuron/);
  await figure.getByTestId('hide-training-buttons-train-step').check();
  const classroom = await figure.getByTestId('classroom-link').inputValue();
  expect(classroom).toMatch(/classroom=training-buttons-train-step/);

  // The classroom link: same settings, training buttons hidden until "Show all controls".
  const student = await context.newPage();
  await student.goto(classroom);
  await expect(student.getByTestId('classroom-note')).toContainText('hides one control');
  await expect(student.getByTestId('act')).toHaveValue('tanh');
  expect(await sliderValue(student, 'w2')).toBe(4);
  await expect(student.locator('.trainer-buttons')).toBeHidden();
  await student.getByRole('button', { name: 'Show all controls' }).click();
  await expect(student.locator('.trainer-buttons')).toBeVisible();

  // The embed: the figure alone, with its settings; no lesson text, no course chrome, and the lesson's own code
  // never fetched.
  const requested: string[] = [];
  const slide = await context.newPage();
  slide.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await slide.goto(src);
  await expect(slide.getByTestId('embed')).toBeVisible();
  await expect(slide.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  await expect(slide.getByTestId('act')).toHaveValue('tanh');
  expect(await sliderValue(slide, 'w2')).toBe(4);
  await expect(slide.locator('.topbar, .sidebar, .prose')).toHaveCount(0);
  await slide.getByTestId('train').click();
  await expect.poll(() => steps(slide)).toBeGreaterThan(5);
  expect(requested.filter((p) => /\/assets\/the-neuron-[\w-]+\.js$/.test(p))).toEqual([]);
  expect(requested.some((p) => /NeuronFigure-[\w-]+\.js$/.test(p))).toBe(true);
  // A wrong embed says so.
  await slide.goto(src.replace('playground', 'nothing-here'));
  await expect(slide.getByRole('alert')).toContainText('does not exist');
  expect(consoleProblems).toEqual([]);
});

test('every control in presenter mode can be reached by keyboard, and the help passes axe', async ({ page, consoleProblems }) => {
  await present(page);
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-help')).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByTestId('open-scenes').click();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('scenes-dialog')).toBeHidden();
  await expect(page.getByTestId('presenter-bar')).toBeVisible();
  expect(consoleProblems).toEqual([]);
});

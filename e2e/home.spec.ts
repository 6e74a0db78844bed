import { readyLessons } from '../app/lessons/manifest';
import { expect, test } from './fixtures';

test('the course home lists the lessons and links the ready ones', async ({ page, consoleProblems }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Deep Learning, Live' })).toBeVisible();
  const cards = page.locator('.lesson-list > li');
  expect(await cards.count()).toBeGreaterThanOrEqual(11);
  await expect(cards.first()).toContainText('What is deep learning?');
  await expect(cards.nth(1)).toContainText('The neuron');
  await expect(page.getByRole('main').getByRole('link', { name: 'The neuron' })).toHaveAttribute('href', '#/the-neuron');
  // The home page must not load TF.js: the badge says it has not started.
  await expect(page.getByTestId('backend-badge')).toHaveAccessibleName('TF.js: not loaded');
  await page.getByRole('main').getByRole('link', { name: 'The neuron' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The neuron' })).toBeVisible();
  expect(consoleProblems).toEqual([]);
});

test('progress is saved: visited and completed lessons are marked', async ({ page, consoleProblems }) => {
  // A lesson is completed when its checks are answered (e2e/progress.spec.ts has the rest).
  await page.goto('./#/the-neuron');
  const check = page.locator('.check');
  await check.getByLabel('It does not move').check();
  await check.getByRole('button', { name: 'Lock in my guess' }).click();
  await page.goto('./');
  await page.reload();
  await expect(page.locator('.lesson-card').filter({ hasText: 'The neuron' })).toContainText('Completed');
  await expect(page.locator('.lesson-card').first()).not.toContainText('Completed');
  await expect(page.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: /The neuron\s*, completed/ })).toBeVisible();
  expect(consoleProblems).toEqual([]);
});

test('a link to a lesson that does not exist lands on the home page with a notice', async ({ page, consoleProblems }) => {
  await page.goto('./#/no-such-lesson');
  await expect(page.getByTestId('notice')).toContainText('no lesson called “no-such-lesson”');
  await expect(page.getByRole('heading', { level: 2, name: 'Lessons' })).toBeVisible();
  expect(consoleProblems).toEqual([]);
});

test('no lesson makes a request to another origin', async ({ page, context, consoleProblems, baseURL }) => {
  test.setTimeout(120_000);
  const foreign: string[] = [];
  const seen = new Set<string>();
  // On the context, so requests from the figures' Web Workers count too.
  context.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== new URL(baseURL!).origin) foreign.push(req.url());
    else seen.add(url.pathname);
  });
  await page.goto('./#/the-neuron/playground');
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  // KaTeX fonts and the lesson's code come from this origin only.
  await expect(page.locator('.katex').first()).toBeVisible();
  // Every lesson, hash by hash in the same page, scrolled to the bottom so that each of its figures loads.
  for (const lesson of readyLessons) {
    await page.goto(`./#/${lesson.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    await page.evaluate(async () => {
      const pause = () => new Promise((resolve) => setTimeout(resolve, 120));
      for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight * 0.8) {
        window.scrollTo(0, y);
        await pause();
      }
      window.scrollTo(0, document.documentElement.scrollHeight);
      await pause();
    });
    await page.waitForTimeout(300);
  }
  // The watch saw the figures' own loading: a module worker and the wasm backend's binary.
  expect([...seen].some((p) => /\/worker-[^/]+\.js$/.test(p))).toBe(true);
  expect([...seen].some((p) => /\.wasm$/.test(p))).toBe(true);
  expect(foreign).toEqual([]);
  expect(consoleProblems).toEqual([]);
});

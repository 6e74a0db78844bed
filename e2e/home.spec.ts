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

test('the lesson makes no request to another origin', async ({ page, consoleProblems, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.origin !== new URL(baseURL!).origin && !url.protocol.startsWith('data')) foreign.push(req.url());
  });
  await page.goto('./#/the-neuron/playground');
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  // KaTeX fonts and the lesson's code come from this origin only.
  await expect(page.locator('.katex').first()).toBeVisible();
  expect(foreign).toEqual([]);
  expect(consoleProblems).toEqual([]);
});

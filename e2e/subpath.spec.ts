/**
 * The built site must work from any sub-path of a static host. Here the browser asks for /course/…, and the
 * files come straight from dist/: if any page, script, style, font or lesson chunk were addressed from the host's
 * root, it would miss and the test would fail.
 */
import { existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { expect, test } from './fixtures';

const dist = join(process.cwd(), 'dist');

test('the built course works from a sub-path', async ({ page, consoleProblems }) => {
  const outside: string[] = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (!url.pathname.startsWith('/course/')) {
      outside.push(url.pathname);
      return route.fulfill({ status: 404, body: 'not under /course/' });
    }
    const file = normalize(join(dist, url.pathname.slice('/course/'.length) || 'index.html'));
    if (!file.startsWith(dist) || !existsSync(file)) return route.fulfill({ status: 404, body: 'missing' });
    return route.fulfill({ path: file });
  });

  await page.goto('/course/?backend=cpu#/the-neuron/playground');
  await expect(page.getByRole('heading', { level: 1, name: 'The neuron' })).toBeVisible();
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  await expect(page.locator('.katex').first()).toBeVisible();
  await page.getByTestId('step').click();
  await expect.poll(async () => Number(await page.getByTestId('loss').textContent())).toBeGreaterThan(0);
  await page.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: 'Course home' }).click();
  await expect(page).toHaveURL(/\/course\/\?backend=cpu#\/$/);
  expect(outside).toEqual([]);
  expect(consoleProblems).toEqual([]);
});

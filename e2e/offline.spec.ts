import type { Page } from '@playwright/test';
import { expect, openNeuron, readLoss, test } from './fixtures';

// The one spec that lets the service worker run (playwright.config.ts blocks it for the rest).
test.use({ serviceWorkers: 'allow' });

/**
 * Waits until the service worker controls the page and its install, which downloads the whole precache, has
 * finished; returns the URLs in the precache.
 */
async function waitForOffline(page: Page): Promise<string[]> {
  // A worker is active only once its install, which fetches every precached file, has succeeded.
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none'), { timeout: 60_000 })
    .toBe('activated');
  // clientsClaim: the first install takes over the page that installed it.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.includes('precache'));
    const urls: string[] = [];
    for (const name of names) for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
    return urls;
  });
}

const step = async (page: Page) => Number(await page.getByTestId('step-count').textContent());

test.describe('offline, after one visit', () => {
  test.setTimeout(180_000);

  test('the precache holds the app, its workers, wasm, fonts and datasets, and no bench page', async ({ page, consoleProblems }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'Deep Learning, Live' })).toBeVisible();
    const urls = (await waitForOffline(page)).map((u) => new URL(u).pathname);
    const has = (re: RegExp) => urls.some((u) => re.test(u));
    expect(has(/\/index\.html$/)).toBe(true);
    expect(has(/\/assets\/worker-[^/]+\.js$/)).toBe(true);
    expect(has(/\/assets\/tfjs-backend-wasm-simd-[^/]+\.wasm$/)).toBe(true);
    expect(has(/\/assets\/KaTeX_Main-Regular-[^/]+\.woff2$/)).toBe(true);
    for (const set of ['mnist', 'fashion', 'words']) expect(has(new RegExp(`/datasets/${set}\\.bin\\.gz$`))).toBe(true);
    expect(urls.filter((u) => /bench/.test(u))).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('the neuron lesson reloads and trains offline; a lesson never opened trains in its worker', async ({ page, context, consoleProblems }) => {
    await openNeuron(page);
    await waitForOffline(page);
    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'The neuron' })).toBeVisible();
    await expect(page.locator('.katex').first()).toBeVisible();
    await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
    await page.getByTestId('step').click();
    await expect.poll(() => readLoss(page)).toBeGreaterThan(0);
    const first = await readLoss(page);
    await page.getByTestId('train').click();
    await expect.poll(() => readLoss(page), { timeout: 30_000 }).toBeLessThan(first);
    await page.getByTestId('train').click();

    // A new document (a query before the hash) is a navigation the worker answers with index.html. The spelling
    // lesson's model trains in a module Web Worker on WebAssembly, from the shipped word list.
    await page.goto('./?debug=1#/learning-to-spell/spell');
    await expect(page.getByTestId('spell-figure')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { __dllSeq: { inWorker(): boolean } }).__dllSeq.inWorker())).toBe(true);
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
    await page.getByTestId('train').click();
    await expect.poll(() => step(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(20);
    await page.getByTestId('train').click();
    expect(consoleProblems).toEqual([]);
  });

  test('after visiting only the home page, the CNN lesson loads MNIST and trains offline, and so does an embed', async ({ page, context, consoleProblems }) => {
    await page.goto('./');
    await waitForOffline(page);
    await context.setOffline(true);
    await page.goto('./?debug=1#/train-a-cnn/train');
    await expect(page.getByTestId('cnn-figure')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('train')).toBeEnabled({ timeout: 90_000 });
    expect(await page.evaluate(() => (window as unknown as { __dllImages: { inWorker(): boolean } }).__dllImages.inWorker())).toBe(true);
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
    await page.getByTestId('train').click();
    await expect.poll(() => step(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    await page.getByTestId('train').click();

    // An embedded figure (a slide's iframe), also never opened before, works offline too.
    await page.goto('./?embed=1#/embed/the-neuron/playground?w1=2');
    await expect(page.getByTestId('embed')).toBeVisible();
    await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
    expect(Number(await page.getByTestId('w1').inputValue())).toBe(2);
    await page.getByTestId('train').click();
    await expect.poll(() => page.evaluate(() => Number(document.querySelector('[data-step]')?.textContent)), { timeout: 30_000 }).toBeGreaterThan(5);
    expect(consoleProblems).toEqual([]);
  });
});

test('the web manifest is linked and names the course, with 192 and 512 px icons', async ({ page, consoleProblems }) => {
  await page.goto('./');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href!, page.url());
  const response = await page.request.get(manifestUrl.href);
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    display: string;
    start_url: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest.name).toBe('Deep Learning, Live');
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('./');
  for (const size of [192, 512]) {
    const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.purpose !== 'maskable');
    expect(icon, `a ${size} px icon`).toBeTruthy();
    const png = await page.request.get(new URL(icon!.src, manifestUrl).href);
    expect(png.ok()).toBe(true);
    expect(png.headers()['content-type']).toBe('image/png');
    const bytes = await png.body();
    // PNG signature, then the IHDR chunk's width and height.
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([size, size]);
  }
  expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  // The favicon is one of them, from this origin.
  const favicon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect((await page.request.get(new URL(favicon!, page.url()).href)).ok()).toBe(true);
  expect(consoleProblems).toEqual([]);
});

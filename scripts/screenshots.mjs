// Takes screenshots of the built site for a human to look at, and prints every console message.
//   node scripts/screenshots.mjs [outDir] [path ...]     (run `npm run build` first)
// Each path is shot at desktop (1280 px, full page) and phone (360 px) width. SCHEME=dark shoots the dark theme.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumLaunchOptions } from './chromium.mjs';
import { startServer } from './serve.mjs';

const [outDir = 'screenshots', ...paths] = process.argv.slice(2);
const targets = paths.length > 0 ? paths : ['', '#/the-neuron', '#/the-neuron/playground'];
mkdirSync(outDir, { recursive: true });

const server = await startServer({ dir: 'dist' });
const browser = await chromium.launch(chromiumLaunchOptions());
const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 740 } };
try {
  for (const path of targets) {
    for (const [label, viewport] of Object.entries(viewports)) {
      const page = await browser.newPage({ viewport, deviceScaleFactor: 1, colorScheme: process.env.SCHEME === 'dark' ? 'dark' : 'light' });
      page.on('console', (m) => console.log(`  [${label} ${path || 'home'}] ${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => console.log(`  [${label} ${path || 'home'}] pageerror: ${e.message}`));
      await page.goto(`${server.url}${path}`);
      await page.waitForTimeout(2500);
      const name = `${(path || 'home').replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${label}${process.env.SCHEME === 'dark' ? '-dark' : ''}.png`;
      await page.screenshot({ path: join(outDir, name), fullPage: label === 'desktop' && !path.includes('playground') });
      console.log(`wrote ${join(outDir, name)}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

// E2E_PORT lets several checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

// End-to-end tests run against the production build (`vite preview` serves dist/), in Debian's Chromium.
export default defineConfig({
  testDir: 'e2e',
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: 'on-first-retry',
    // A service worker would answer requests before page.route sees them (the fallback specs fake failures that
    // way); only e2e/offline.spec.ts allows it.
    serviceWorkers: 'block',
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: /\.quiet\.spec\.ts$/ },
    // Measurements that another test running beside them would spoil (main-thread task lengths): after all the
    // others, alone.
    { name: 'quiet', use: { browserName: 'chromium' }, testMatch: /\.quiet\.spec\.ts$/, dependencies: ['chromium'] },
  ],
});

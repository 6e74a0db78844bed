// Where Chromium is and how to start it, shared by the e2e tests and the benchmark.
// Order: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own browser (a developer's laptop).
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebGPU on a software (SwiftShader) adapter is off unless asked for; the tests exercise that backend too.
  '--enable-unsafe-webgpu',
];

/** @returns {string | undefined} */
export function chromiumPath() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Launch options for Playwright's `chromium.launch` (undefined executablePath = Playwright's own browser). */
export function chromiumLaunchOptions(extraArgs = []) {
  return { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...extraArgs] };
}

/**
 * The build's service worker and web manifest (vite-plugin-pwa, Workbox generateSW): after one visit the course works
 * with the network cut. Used by vite.config.ts; the page registers the worker in app/serviceWorker.ts.
 *
 * The precache holds everything the course page can load: index.html, every JS and CSS chunk (the lessons, the
 * figures, the module Web Workers and their chunks), the TF.js .wasm files (not the threaded build, never used),
 * KaTeX's woff2 fonts, the icons and public/datasets/*.bin.gz. The bench pages and the chunks only they use stay out (`benchOnlyFiles`).
 *
 * Updates wait (no skipWaiting): a new worker installs beside the old one and takes over once every tab of the
 * course is closed, so a page mid-lesson never has its chunks swapped under it. `clientsClaim` lets the very first
 * install control the page that installed it.
 *
 * @example
 * // vite.config.ts
 * plugins: [...offline()]
 */
import { VitePWA } from 'vite-plugin-pwa';

/** Entry chunks of the benchmark pages (rollupOptions.input keys), which need no offline copy. */
const BENCH_ENTRY = /^bench/;

/** Files to precache may be up to this big: the TF.js chunk and the workers (each with its own TF.js) are ~0.75 MB. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * The files reachable only from the bench entries (their chunks, CSS and assets), never from the course's own
 * entry. Files the bundle graph does not link (e.g. worker bundles, public/) are never in it, so they stay cached.
 *
 * @param {import('vite').Rollup.OutputBundle} bundle
 * @returns {Set<string>}
 */
export function benchOnlyFiles(bundle) {
  /** @type {import('vite').Rollup.OutputChunk[]} */
  const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  /** @param {import('vite').Rollup.OutputChunk[]} entries */
  const reach = (entries) => {
    const seen = new Set();
    const stack = entries.map((c) => c.fileName);
    while (stack.length > 0) {
      const file = stack.pop();
      if (seen.has(file)) continue;
      seen.add(file);
      const chunk = byName.get(file);
      if (!chunk) continue;
      stack.push(...chunk.imports, ...chunk.dynamicImports);
      for (const css of chunk.viteMetadata?.importedCss ?? []) seen.add(css);
      for (const asset of chunk.viteMetadata?.importedAssets ?? []) seen.add(asset);
    }
    return seen;
  };
  const bench = reach(chunks.filter((c) => c.isEntry && BENCH_ENTRY.test(c.name)));
  const course = reach(chunks.filter((c) => c.isEntry && !BENCH_ENTRY.test(c.name)));
  return new Set([...bench].filter((f) => !course.has(f)));
}

/** @returns {import('vite').Plugin[]} */
export function offline() {
  let leaveOut = new Set();
  /** @type {import('vite').Plugin} */
  const benchScan = {
    name: 'offline:bench-scan',
    apply: 'build',
    generateBundle(_options, bundle) {
      leaveOut = benchOnlyFiles(bundle);
    },
  };
  return [
    benchScan,
    ...VitePWA({
      // app/serviceWorker.ts registers it, in production builds only; nothing is injected into the HTML but the
      // manifest link.
      injectRegister: false,
      registerType: 'prompt',
      includeAssets: [],
      manifest: {
        name: 'Deep Learning, Live',
        short_name: 'DL Live',
        description:
          'An interactive course in deep learning, from one neuron to transformers, with neural networks that train live in your browser.',
        // app/styles.css: the top bar (--surface) and the page (--bg) in the light theme.
        theme_color: '#ffffff',
        background_color: '#fbfaf7',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The plugin adds the icons and the manifest itself. KaTeX's CSS names woff2 first, and every browser with
        // service workers reads woff2: no woff or ttf.
        globPatterns: ['**/*.{html,js,css,wasm,woff2}', 'datasets/*.bin.gz'],
        // The threaded wasm build is never fetched: engine/backends/init.ts turns multithreading off (PITFALLS).
        globIgnores: ['bench*.html', 'assets/tfjs-backend-wasm-threaded-simd-*.wasm'],
        manifestTransforms: [(entries) => ({ manifest: entries.filter((e) => !leaveOut.has(e.url)), warnings: [] })],
        maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
        // Routes are hashes, so a navigation is nearly always the root document; the bench pages are real pages.
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/\/bench[^/]*\.html$/],
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
      },
    }),
  ];
}

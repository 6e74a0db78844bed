import mdx from '@mdx-js/rollup';
import react from '@vitejs/plugin-react';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { figureIndex } from './scripts/figure-index.ts';
import { offline } from './scripts/offline.mjs';

// MDX must run before the React plugin (PITFALLS.md): `enforce: 'pre'`, and React's `include` covers .mdx.
export default defineConfig({
  // A relative base lets the built site work from any sub-path of any static host.
  base: './',
  plugins: [
    {
      enforce: 'pre',
      ...mdx({
        remarkPlugins: [remarkGfm, remarkMath],
        rehypePlugins: [rehypeKatex, [rehypeHighlight, { detect: false }]],
        providerImportSource: undefined,
      }),
    },
    react({ include: /\.(mdx|tsx?|jsx?)$/ }),
    figureIndex(fileURLToPath(new URL('./app/lessons', import.meta.url))),
    // The service worker and web manifest (scripts/offline.mjs).
    ...offline(),
  ],
  // The image-model worker carries its own TF.js: module format (it imports the wasm backend lazily), minified, and
  // without TF.js's @license comment per source file, which Vite 8 otherwise keeps in worker bundles (PITFALLS).
  worker: {
    format: 'es',
    rolldownOptions: { output: { legalComments: 'none', minify: true } },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      input: { main: 'index.html', bench: 'bench.html', 'bench-cnn': 'bench-cnn.html', 'bench-convnetjs': 'bench-convnetjs.html', 'bench-seq': 'bench-seq.html' },
    },
  },
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});

/**
 * `virtual:figure-index`: every lesson's figures (id, registry name, caption) read from the MDX at build time, so
 * the embed route and presenter mode can show one figure without loading its lesson.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export interface FigureEntry {
  id: string;
  name: string;
  caption: string;
}

const ATTR = /\b(id|name|caption)="([^"]*)"/g;

/**
 * The `<Figure …/>` elements of one MDX source, in order.
 *
 * @example
 * extractFigures('<Figure id="a" name="neuron" caption="One neuron." />'); // [{ id: 'a', name: 'neuron', caption: 'One neuron.' }]
 */
export function extractFigures(source: string): FigureEntry[] {
  const out: FigureEntry[] = [];
  for (const [tag] of source.matchAll(/<Figure\b[^>]*>/g)) {
    const attrs: Record<string, string> = {};
    for (const [, key, value] of tag.matchAll(ATTR)) attrs[key!] = value!;
    if (attrs.id && attrs.name) out.push({ id: attrs.id, name: attrs.name, caption: attrs.caption ?? '' });
  }
  return out;
}

const ID = 'virtual:figure-index';
const RESOLVED = `\0${ID}`;

export function figureIndex(lessonsDir: string): Plugin {
  return {
    name: 'figure-index',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const index: Record<string, FigureEntry[]> = {};
      for (const file of readdirSync(lessonsDir).filter((f) => f.endsWith('.mdx')).sort()) {
        const path = join(lessonsDir, file);
        this.addWatchFile(path);
        index[file.replace(/\.mdx$/, '')] = extractFigures(readFileSync(path, 'utf8'));
      }
      return `export default ${JSON.stringify(index)};`;
    },
  };
}

/**
 * Content checks: every lesson in the manifest has an MDX file that compiles with the app's plugins, every MDX file
 * is in the manifest, and the components a lesson uses point at things that exist (glossary terms, figures,
 * lesson links).
 */
import { compile } from '@mdx-js/mdx';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { figures } from '../figures/registry';
import { glossary } from './glossary';
import { lessons, readyLessons } from './manifest';

const dir = join(import.meta.dirname, '.');
const mdxFiles = readdirSync(dir).filter((f) => f.endsWith('.mdx'));

describe('lesson content', () => {
  it('has one MDX file per ready lesson, and no MDX file outside the manifest', () => {
    expect(mdxFiles.sort()).toEqual(readyLessons.map((l) => `${l.slug}.mdx`).sort());
    expect(new Set(lessons.map((l) => l.slug)).size).toBe(lessons.length);
    for (const l of lessons) expect(l.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  for (const file of mdxFiles) {
    describe(file, () => {
      const source = readFileSync(join(dir, file), 'utf8');

      it('compiles, with its math', async () => {
        const out = String(
          await compile(source, { remarkPlugins: [remarkGfm, remarkMath], rehypePlugins: [[rehypeKatex, { throwOnError: true }]] }),
        );
        expect(out).toContain('katex');
      });

      it('uses only glossary terms, figures and lesson links that exist', () => {
        for (const [, id] of source.matchAll(/<Term id="([^"]+)"/g)) expect(Object.keys(glossary)).toContain(id);
        for (const [, name] of source.matchAll(/\bname="([^"]+)"/g)) expect(Object.keys(figures)).toContain(name);
        for (const [, slug] of source.matchAll(/\]\(#\/([^)/?]+)/g)) expect(readyLessons.map((l) => l.slug)).toContain(slug);
        const ids = [...source.matchAll(/<Figure[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
        expect(new Set(ids).size).toBe(ids.length);
      });

      it('asks the reader to predict at least once', () => {
        expect(source).toMatch(/<Check\b/);
      });
    });
  }
});

/**
 * Content checks: every lesson in the manifest has an MDX file that compiles with the app's plugins, every MDX file
 * is in the manifest, and the components a lesson uses point at things that exist (glossary terms, figures,
 * lesson links).
 */
import { compile } from '@mdx-js/mdx';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { figures } from '../figures/registry';
import { checkKey } from '../state/lessonProgress';
import { glossary } from './glossary';
import { lessons, readyLessons } from './manifest';

const dir = join(import.meta.dirname, '.');
const mdxFiles = readdirSync(dir).filter((f) => f.endsWith('.mdx'));

/**
 * The `options={[…]}` array literal of every `<Check>` in a lesson's source, evaluated: the brackets are matched by
 * hand, skipping over quoted strings, so an option may contain brackets or braces.
 */
function checkOptions(source: string): string[][] {
  const out: string[][] = [];
  for (const match of source.matchAll(/<Check\b/g)) {
    const start = source.indexOf('options={', match.index) + 'options='.length;
    let depth = 0;
    let quote: string | null = null;
    let end = start;
    for (; end < source.length; end++) {
      const c = source[end];
      if (quote) {
        if (c === '\\') end++;
        else if (c === quote) quote = null;
      } else if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) break;
      }
    }
    out.push(runInNewContext(`(${source.slice(start + 1, end)})`) as string[]);
  }
  return out;
}

describe('lesson content', () => {
  it('has one MDX file per ready lesson, and no MDX file outside the manifest', () => {
    expect(mdxFiles.sort()).toEqual(readyLessons.map((l) => `${l.slug}.mdx`).sort());
    expect(new Set(lessons.map((l) => l.slug)).size).toBe(lessons.length);
    for (const l of lessons) expect(l.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('finds the options of every check, with brackets and quotes inside them', () => {
    const source = `<Check question="q" options={['a [1]', "b's {x}", \`c\`]} answer={0}>x</Check>\n<Check\n  options={[\n    'd',\n    'e',\n  ]}\n/>`;
    expect(checkOptions(source)).toEqual([['a [1]', "b's {x}", 'c'], ['d', 'e']]);
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

      it('has as many checks as its manifest entry says, each with its own progress key', () => {
        const lesson = lessons.find((l) => `${l.slug}.mdx` === file);
        const options = checkOptions(source);
        expect(options.length, `the number of <Check>s in ${file} (update \`checks\` in manifest.ts)`).toBe(lesson?.checks);
        for (const list of options) {
          expect(Array.isArray(list) && list.every((o) => typeof o === 'string')).toBe(true);
          expect(list.length).toBeGreaterThanOrEqual(2);
        }
        // The progress store keys answers by a hash of the options: two checks with the same key would share one.
        const keys = options.map(checkKey);
        expect(new Set(keys).size).toBe(keys.length);
      });
    });
  }
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFigures } from './figure-index';

describe('the figure index', () => {
  it('reads each Figure element with its attributes in any order, across lines', () => {
    const mdx = 'Text <b>bold</b>\n\n<Figure\n  name="neuron"\n  id="playground"\n  caption="One neuron — move w₁."\n/>\n\n<Figure id="b" name="softmax" />\n<Figure id="no-name" />';
    expect(extractFigures(mdx)).toEqual([
      { id: 'playground', name: 'neuron', caption: 'One neuron — move w₁.' },
      { id: 'b', name: 'softmax', caption: '' },
    ]);
  });

  it('finds every figure of a real lesson', () => {
    const source = readFileSync(new URL('../app/lessons/attention.mdx', import.meta.url), 'utf8');
    const found = extractFigures(source);
    expect(found.length).toBe([...source.matchAll(/<Figure\b/g)].length);
    expect(found.every((f) => f.caption.length > 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { embedHref, lessonHref, parseRoute, routeFigure, withHashParam } from './route';

describe('hash routes', () => {
  it('reads home, lesson and figure routes', () => {
    expect(parseRoute('').page).toBe('home');
    expect(parseRoute('#/').page).toBe('home');
    const lesson = parseRoute('#/the-neuron');
    expect(lesson).toMatchObject({ page: 'lesson', slug: 'the-neuron', figure: null });
    const figure = parseRoute('#/the-neuron/playground?w1=0.5&act=tanh');
    expect(figure).toMatchObject({ page: 'lesson', slug: 'the-neuron', figure: 'playground' });
    if (figure.page === 'lesson') expect(figure.params.get('act')).toBe('tanh');
  });

  it('writes links that read back the same', () => {
    const href = lessonHref('the-neuron', 'playground', new URLSearchParams('w1=1.5'));
    expect(href).toBe('#/the-neuron/playground?w1=1.5');
    const back = parseRoute(href);
    expect(back.page === 'lesson' && back.params.get('w1')).toBe('1.5');
    expect(parseRoute('#/%E0%A4%A').page).toBe('lesson');
  });

  it('reads embed and scenes routes', () => {
    const href = embedHref('the-neuron', 'playground', new URLSearchParams('w1=2'));
    expect(href).toBe('#/embed/the-neuron/playground?w1=2');
    const embed = parseRoute(href);
    expect(embed).toMatchObject({ page: 'embed', slug: 'the-neuron', figure: 'playground' });
    expect(routeFigure(embed)).toEqual({ slug: 'the-neuron', figure: 'playground', embed: true });
    expect(routeFigure(parseRoute('#/the-neuron'))).toEqual({ slug: 'the-neuron', figure: null, embed: false });
    expect(parseRoute('#/scenes?list=abc').page).toBe('scenes');
    expect(routeFigure(parseRoute('#/scenes'))).toBeNull();
  });

  it('sets and removes one parameter of a link\'s hash route', () => {
    const link = 'https://x.org/course/?backend=wasm#/the-neuron/playground?w1=1';
    expect(withHashParam(link, 'classroom', 'a,b')).toBe('https://x.org/course/?backend=wasm#/the-neuron/playground?w1=1&classroom=a,b');
    expect(withHashParam(withHashParam(link, 'classroom', 'a'), 'classroom', '')).toBe(link);
    expect(withHashParam('https://x.org/#/lesson', 'hide', 'data')).toBe('https://x.org/#/lesson?hide=data');
  });
});

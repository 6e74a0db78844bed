import { describe, expect, it } from 'vitest';
import { lessonHref, parseRoute } from './route';

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
});

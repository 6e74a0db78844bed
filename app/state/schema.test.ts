import { describe, expect, it } from 'vitest';
import { defaultsOf, formatParams, int, num, oneOf, parseParams, setOf } from './schema';

const schema = { lr: num(0.001, 10, 0.5), act: oneOf(['relu', 'tanh'] as const, 'relu'), seed: int(0, 9999, 1) };

describe('figure settings schema', () => {
  it('round-trips values through URL parameters', () => {
    const values = { lr: 0.25, act: 'tanh' as const, seed: 42 };
    const { values: back, problems } = parseParams(schema, formatParams(schema, values));
    expect(problems).toEqual([]);
    expect(back).toEqual(values);
  });

  it('falls back to defaults field by field and says why', () => {
    const { values, problems } = parseParams(schema, new URLSearchParams('lr=abc&act=tanh&seed=2.5&zzz=1'));
    expect(values).toEqual({ lr: 0.5, act: 'tanh', seed: 1 });
    expect(problems).toHaveLength(3);
    expect(problems.join(' ')).toMatch(/lr.*not a number/);
    expect(problems.join(' ')).toMatch(/seed.*whole number/);
    expect(problems.join(' ')).toMatch(/unknown setting "zzz"/);
  });

  it('rejects out-of-range numbers and empty text', () => {
    expect(parseParams(schema, new URLSearchParams('lr=99')).problems[0]).toMatch(/outside/);
    expect(parseParams(schema, new URLSearchParams('lr=')).problems[0]).toMatch(/not a number/);
    expect(defaultsOf(schema)).toEqual({ lr: 0.5, act: 'relu', seed: 1 });
  });

  it('setOf keeps a canonical order and refuses unknown names', () => {
    const hide = setOf(['data', 'features', 'layers'] as const);
    expect(hide.parse('layers, data')).toEqual({ ok: true, value: 'data,layers' });
    expect(hide.parse('')).toEqual({ ok: true, value: '' });
    const bad = hide.parse('data,wings');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.why).toContain('"wings"');
  });
});

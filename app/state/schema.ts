/**
 * Figure settings schemas: one declaration gives a figure its defaults, its URL encoding and its validation,
 * so a share link and "Reset to lesson default" can never disagree with the controls.
 *
 * @example
 * const schema = { lr: num(0.001, 10, 0.5), act: oneOf(['relu', 'tanh'] as const, 'relu') };
 * parseParams(schema, new URLSearchParams('lr=0.1')); // { values: { lr: 0.1, act: 'relu' }, problems: [] }
 */
export interface Field<T> {
  readonly defaultValue: T;
  /** Turns URL text into a value, or says why it cannot. */
  parse(text: string): { ok: true; value: T } | { ok: false; why: string };
  format(value: T): string;
}

export type Schema = Record<string, Field<unknown>>;
export type ValuesOf<S extends Schema> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never };

/** A number in [min, max]; `step` rounds what goes into links so they stay short. */
export function num(min: number, max: number, defaultValue: number, step = 0.001): Field<number> {
  const digits = Math.max(0, Math.ceil(-Math.log10(step)));
  return {
    defaultValue,
    parse(text) {
      const value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value)) return { ok: false, why: `"${text}" is not a number` };
      if (value < min || value > max) return { ok: false, why: `${value} is outside ${min} to ${max}` };
      return { ok: true, value };
    },
    format: (value) => String(Number(value.toFixed(digits))),
  };
}

/** A whole number in [min, max]. */
export function int(min: number, max: number, defaultValue: number): Field<number> {
  const inner = num(min, max, defaultValue, 1);
  return {
    ...inner,
    parse(text) {
      const parsed = inner.parse(text);
      if (parsed.ok && !Number.isInteger(parsed.value)) return { ok: false, why: `${text} is not a whole number` };
      return parsed;
    },
  };
}

/** One of a fixed list of names. */
export function oneOf<const T extends string>(options: readonly T[], defaultValue: T): Field<T> {
  return {
    defaultValue,
    parse(text) {
      return (options as readonly string[]).includes(text)
        ? { ok: true, value: text as T }
        : { ok: false, why: `"${text}" is not one of ${options.join(', ')}` };
    },
    format: (value) => value,
  };
}

/** Free text of at most `maxLength` characters (what a reader typed: a word, a prompt). */
export function text(maxLength: number, defaultValue: string): Field<string> {
  return {
    defaultValue,
    parse(raw) {
      return raw.length <= maxLength ? { ok: true, value: raw } : { ok: false, why: `"${raw.slice(0, 20)}…" is longer than ${maxLength} characters` };
    },
    format: (value) => value,
  };
}

/**
 * Any subset of a fixed list of names, written as a comma-separated list ("" for none). The value is that list in
 * the options' order, so equal sets always give equal values and equal links.
 *
 * @example
 * const hide = setOf(['data', 'features', 'layers'] as const);
 * hide.parse('layers,data'); // { ok: true, value: 'data,layers' }
 */
export function setOf<const T extends string>(options: readonly T[], defaultValue = ''): Field<string> {
  return {
    defaultValue,
    parse(text) {
      const names = text.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = names.filter((n) => !(options as readonly string[]).includes(n));
      if (unknown.length > 0) return { ok: false, why: `"${unknown.join(', ')}" is not among ${options.join(', ')}` };
      return { ok: true, value: options.filter((o) => names.includes(o)).join(',') };
    },
    format: (value) => value,
  };
}

export function defaultsOf<S extends Schema>(schema: S): ValuesOf<S> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) out[key] = field.defaultValue;
  return out as ValuesOf<S>;
}

/**
 * Reads settings from URL parameters. Anything unreadable falls back to its default and is reported, so the
 * caller can show one notice instead of a blank figure.
 */
export function parseParams<S extends Schema>(
  schema: S,
  params: URLSearchParams,
  ignore: readonly string[] = [],
): { values: ValuesOf<S>; problems: string[] } {
  const values: Record<string, unknown> = { ...defaultsOf(schema) };
  const problems: string[] = [];
  for (const [key, text] of params) {
    if (ignore.includes(key)) continue;
    const field = schema[key];
    if (!field) {
      problems.push(`unknown setting "${key}"`);
      continue;
    }
    const parsed = field.parse(text);
    if (parsed.ok) values[key] = parsed.value;
    else problems.push(`${key}: ${parsed.why}`);
  }
  return { values: values as ValuesOf<S>, problems };
}

/** Writes settings as URL parameters, in schema order. */
export function formatParams<S extends Schema>(schema: S, values: ValuesOf<S>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, field] of Object.entries(schema)) {
    params.set(key, field.format((values as Record<string, unknown>)[key]));
  }
  return params;
}

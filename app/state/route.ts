/**
 * Hash routing: `#/` is the course home, `#/<lesson>` a lesson, `#/<lesson>/<figure>` a figure inside it, and
 * `?key=value` after the route carries that figure's settings. A hash works on any static host and any sub-path,
 * because the server only ever sees `index.html`.
 *
 * @example
 * parseRoute('#/the-neuron/neuron-playground?w1=0.5'); // { page: 'lesson', slug: 'the-neuron', figure: 'neuron-playground', params }
 */
export type Route =
  | { page: 'home'; params: URLSearchParams }
  | { page: 'lesson'; slug: string; figure: string | null; params: URLSearchParams };

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const q = text.indexOf('?');
  const path = q >= 0 ? text.slice(0, q) : text;
  const params = new URLSearchParams(q >= 0 ? text.slice(q + 1) : '');
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return { page: 'home', params };
  return { page: 'lesson', slug: parts[0] ?? '', figure: parts[1] ?? null, params };
}

export function lessonHref(slug: string, figure?: string, params?: URLSearchParams): string {
  const query = params && [...params.keys()].length > 0 ? `?${params.toString()}` : '';
  return `#/${encodeURIComponent(slug)}${figure ? `/${encodeURIComponent(figure)}` : ''}${query}`;
}

/** The absolute link a reader can share: this page's address with the given hash. */
export function absoluteLink(hash: string): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}${hash}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

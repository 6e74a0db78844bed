/**
 * Hash routing: `#/` is the course home, `#/<lesson>` a lesson, `#/<lesson>/<figure>` a figure inside it, and
 * `?key=value` after the route carries that figure's settings. A hash works on any static host and any sub-path,
 * because the server only ever sees `index.html`.
 *
 * @example
 * parseRoute('#/the-neuron/neuron-playground?w1=0.5'); // { page: 'lesson', slug: 'the-neuron', figure: 'neuron-playground', params }
 *
 * Two more pages: `#/embed/<lesson>/<figure>?…` shows one figure alone (for slides and LMS pages), and
 * `#/scenes?list=…` carries a teacher's exported scenes.
 */
export type Route =
  | { page: 'home'; params: URLSearchParams }
  | { page: 'lesson'; slug: string; figure: string | null; params: URLSearchParams }
  | { page: 'embed'; slug: string; figure: string; params: URLSearchParams }
  | { page: 'scenes'; params: URLSearchParams };

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const q = text.indexOf('?');
  const path = q >= 0 ? text.slice(0, q) : text;
  const params = new URLSearchParams(q >= 0 ? text.slice(q + 1) : '');
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return { page: 'home', params };
  if (parts[0] === 'embed' && parts.length >= 3) return { page: 'embed', slug: parts[1] ?? '', figure: parts[2] ?? '', params };
  if (parts[0] === 'scenes') return { page: 'scenes', params };
  return { page: 'lesson', slug: parts[0] ?? '', figure: parts[1] ?? null, params };
}

export function lessonHref(slug: string, figure?: string, params?: URLSearchParams): string {
  const query = params && [...params.keys()].length > 0 ? `?${params.toString()}` : '';
  return `#/${encodeURIComponent(slug)}${figure ? `/${encodeURIComponent(figure)}` : ''}${query}`;
}

/** The figure a route shows, on a lesson page or alone in an embed. */
export function routeFigure(route: Route): { slug: string; figure: string | null; embed: boolean } | null {
  if (route.page === 'lesson') return { slug: route.slug, figure: route.figure, embed: false };
  if (route.page === 'embed') return { slug: route.slug, figure: route.figure, embed: true };
  return null;
}

export function embedHref(slug: string, figure: string, params?: URLSearchParams): string {
  return lessonHref(slug, figure, params).replace(/^#\//, '#/embed/');
}

/**
 * A link with one parameter of its hash route set (or removed when `value` is empty); commas stay readable.
 *
 * @example
 * withHashParam('https://x/#/the-neuron/playground?w1=1', 'classroom', 'a,b'); // '…/playground?w1=1&classroom=a,b'
 */
export function withHashParam(link: string, key: string, value: string): string {
  const at = link.indexOf('#');
  const hash = at >= 0 ? link.slice(at) : '#';
  const q = hash.indexOf('?');
  const params = new URLSearchParams(q >= 0 ? hash.slice(q + 1) : '');
  if (value) params.set(key, value);
  else params.delete(key);
  const query = params.toString().replace(/%2C/g, ',');
  return (at >= 0 ? link.slice(0, at) : link) + (q >= 0 ? hash.slice(0, q) : hash) + (query ? `?${query}` : '');
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

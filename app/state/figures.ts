/**
 * Figure settings: the slow, shareable state of every live figure (hyperparameters, seed, dataset, weights a
 * reader set by hand). One store for all figures, keyed by figure id; the figure's schema decides its defaults,
 * URL form and validation.
 *
 * The figure a reader touched last is mirrored into the address bar (replaceState, so Back still leaves the
 * lesson), which makes the address itself a share link.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { create } from 'zustand';
import { absoluteLink, embedHref, lessonHref, parseRoute, routeFigure } from './route';
import { defaultsOf, formatParams, parseParams, type Schema, type ValuesOf } from './schema';
import { useNotices } from './ui';

/** URL keys that belong to the app, not to a figure. */
export const APP_PARAMS = ['backend', 'debug', 'classroom'] as const;

interface FiguresState {
  values: Record<string, Record<string, unknown>>;
}

export const useFigures = create<FiguresState>()(() => ({ values: {} }));

/** Starting values for a figure: the link's, when the link names this figure, else the defaults. */
function initialValues<S extends Schema>(
  lesson: string,
  figure: string,
  schema: S,
): { values: ValuesOf<S>; problems: string[] } {
  const route = parseRoute(window.location.hash);
  const at = routeFigure(route);
  if (!at || at.slug !== lesson || at.figure !== figure) return { values: defaultsOf(schema), problems: [] };
  return parseParams(schema, route.params, APP_PARAMS);
}

/** Mounted figures' ways to take new settings from link parameters (a teacher's scene). */
const appliers = new Map<string, (params: URLSearchParams) => void>();

/**
 * Gives a figure the settings a link carries. A mounted figure takes them at once; one not mounted yet forgets
 * what it had, so it reads them from the address when it mounts. Returns whether the figure was mounted.
 */
export function applyFigureParams(lesson: string, figure: string, params: URLSearchParams): boolean {
  const key = `${lesson}/${figure}`;
  const apply = appliers.get(key);
  if (apply) {
    apply(params);
    return true;
  }
  useFigures.setState((s) => {
    const values = { ...s.values };
    delete values[key];
    return { values };
  });
  return false;
}

let urlTimer: ReturnType<typeof setTimeout> | undefined;

function mirrorToUrl<S extends Schema>(lesson: string, figure: string, schema: S, values: ValuesOf<S>): void {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => {
    // The reader may have left the lesson in the meantime: never pull the address back to it.
    const at = routeFigure(parseRoute(window.location.hash));
    if (!at || at.slug !== lesson) return;
    const params = withAppParams(formatParams(schema, values));
    const href = at.embed ? embedHref(lesson, figure, params) : lessonHref(lesson, figure, params);
    if (window.location.hash !== href) window.history.replaceState(window.history.state, '', href);
  }, 150);
}

/** Keeps `?backend=` in the hash when it was there, so reloading keeps the reader's choice. */
function withAppParams(params: URLSearchParams): URLSearchParams {
  const route = parseRoute(window.location.hash);
  for (const key of APP_PARAMS) {
    const value = route.params.get(key);
    if (value != null) params.set(key, value);
  }
  return params;
}

export interface FigureSettings<S extends Schema> {
  values: ValuesOf<S>;
  defaults: ValuesOf<S>;
  /** Changes some settings and mirrors them into the address bar. */
  set(patch: Partial<ValuesOf<S>>): void;
  resetToDefaults(): void;
  shareLink(): string;
}

/**
 * The settings of one figure, initialised from the link and mirrored back into it.
 *
 * @example
 * const { values, set } = useFigureSettings('the-neuron', 'playground', neuronSchema);
 */
export function useFigureSettings<S extends Schema>(lesson: string, figure: string, schema: S): FigureSettings<S> {
  const key = `${lesson}/${figure}`;
  const stored = useFigures((s) => s.values[key]) as ValuesOf<S> | undefined;
  // Read the link once, during the first render, so the figure never starts from the wrong values.
  const [initial] = useState(() => (stored ? null : initialValues(lesson, figure, schema)));

  useEffect(() => {
    if (!initial || useFigures.getState().values[key]) return;
    useFigures.setState((s) => ({ values: { ...s.values, [key]: initial.values } }));
    if (initial.problems.length > 0) {
      useNotices
        .getState()
        .push(
          'warning',
          `This link's settings could not all be read (${initial.problems.join('; ')}), so the figure uses the lesson defaults for those.`,
        );
    }
  }, [key, initial]);

  const values = stored ?? initial?.values ?? defaultsOf(schema);

  const set = useCallback(
    (patch: Partial<ValuesOf<S>>) => {
      const current = (useFigures.getState().values[key] ?? defaultsOf(schema)) as ValuesOf<S>;
      const next = { ...current, ...patch };
      useFigures.setState((s) => ({ values: { ...s.values, [key]: next } }));
      mirrorToUrl(lesson, figure, schema, next);
    },
    [key, lesson, figure, schema],
  );

  useEffect(() => {
    const apply = (params: URLSearchParams) => set(parseParams(schema, params, APP_PARAMS).values);
    appliers.set(key, apply);
    return () => {
      if (appliers.get(key) === apply) appliers.delete(key);
    };
  }, [key, set, schema]);

  const resetToDefaults = useCallback(() => set(defaultsOf(schema)), [set, schema]);

  const shareLink = useCallback(() => {
    const current = (useFigures.getState().values[key] ?? defaultsOf(schema)) as ValuesOf<S>;
    return absoluteLink(lessonHref(lesson, figure, withAppParams(formatParams(schema, current))));
  }, [key, lesson, figure, schema]);

  const defaults = useMemo(() => defaultsOf(schema), [schema]);
  return { values, defaults, set, resetToDefaults, shareLink };
}

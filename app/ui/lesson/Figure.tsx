/**
 * A live figure in a lesson: a numbered frame with a caption and an anchor, whose content (and TF.js with it)
 * loads only when the reader scrolls near it. Until then a placeholder of the same height holds its place, so
 * the page does not jump.
 *
 *   placeholder ──near viewport──▶ loading (same-size placeholder) ──▶ live
 *                                         │                         │  ▲
 *                                         ▼                         ▼  │ scrolled back
 *                                    error + Retry             off-screen: drawing paused,
 *                                                              training paused unless pinned
 */
import { Component, Suspense, lazy, useContext, useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { figures, type FigureName } from '../../figures/registry';
import { registerFigure, usePresenter } from '../../state/presenter';
import { lessonHref, parseRoute, routeFigure } from '../../state/route';
import { applyClassroom, parseClassroom } from './classroom';
import { FigureContext, LessonContext, type FigureFrame } from './LessonContext';

interface FigureProps {
  /** Anchor and share-link id, unique within the lesson. */
  id: string;
  /** Which live figure to show (see app/figures/registry.ts). */
  name: FigureName;
  caption: ReactNode;
}

const lazyCache = new Map<FigureName, ReturnType<typeof lazy>>();

function lazyFigure(name: FigureName) {
  let component = lazyCache.get(name);
  if (!component) {
    component = lazy(figures[name].load);
    lazyCache.set(name, component);
  }
  return component;
}

export function Figure({ id, name, caption }: FigureProps) {
  const { slug } = useContext(LessonContext);
  const ref = useRef<HTMLElement>(null);
  const [near, setNear] = useState(false);
  const [visible, setVisible] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const spec = figures[name];
  const presented = usePresenter((s) => s.on && s.figure === id);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    return registerFigure(slug, id, el);
  }, [slug, id]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Load a screen ahead of the reader; count as visible once any of it is on screen.
    const loader = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: '600px 0px',
    });
    const watcher = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) setVisible(entry.isIntersecting);
    });
    loader.observe(el);
    watcher.observe(el);
    return () => {
      loader.disconnect();
      watcher.disconnect();
    };
  }, []);

  const frame = useMemo<FigureFrame>(() => ({ lesson: slug, id, name, visible, pinned, setPinned }), [slug, id, name, visible, pinned]);
  const bodyRef = useRef<HTMLDivElement>(null);
  const hiddenCount = useClassroom(slug, id, bodyRef);
  const Live = near ? lazyFigure(name) : null;
  const reserve = { '--fig-h': `${spec.height[0]}px`, '--fig-h-narrow': `${spec.height[1]}px` } as CSSProperties;
  const placeholder = (
    <div className="figure-placeholder" aria-busy="true">
      Loading the live figure…
    </div>
  );

  return (
    <figure className={presented ? 'figure is-presented' : 'figure'} id={id} ref={ref} aria-label={spec.label}>
      {hiddenCount.count > 0 ? (
        <p className="classroom-note" data-testid="classroom-note">
          This classroom link hides {hiddenCount.count === 1 ? 'one control' : `${hiddenCount.count} controls`} of the figure.{' '}
          <button type="button" className="link-button" onClick={hiddenCount.reveal}>
            Show all controls
          </button>
        </p>
      ) : null}
      <div className="figure-body" style={reserve} ref={bodyRef}>
        <FigureContext.Provider value={frame}>
          {Live ? (
            <FigureErrorBoundary key={attempt} onRetry={() => setAttempt((n) => n + 1)}>
              <Suspense fallback={placeholder}>
                <Live />
              </Suspense>
            </FigureErrorBoundary>
          ) : (
            placeholder
          )}
        </FigureContext.Provider>
      </div>
      <figcaption>
        <a className="figure-anchor" href={lessonHref(slug, id)} aria-label="Link to this figure">
          #
        </a>{' '}
        {caption}
        <span className="visually-hidden"> {spec.alt}</span>
      </figcaption>
    </figure>
  );
}

/**
 * A classroom link (`classroom=` naming this figure) hides the controls it lists, also those a figure renders
 * later (a MutationObserver re-applies it), until the reader asks to see them all.
 */
function useClassroom(slug: string, id: string, body: React.RefObject<HTMLDivElement | null>) {
  const [keys, setKeys] = useState(() => {
    const route = parseRoute(window.location.hash);
    const at = routeFigure(route);
    return at && at.slug === slug && at.figure === id ? parseClassroom(route.params.get('classroom')) : new Set<string>();
  });
  const [count, setCount] = useState(0);
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      timer = undefined;
      setCount(applyClassroom(el, keys));
    };
    run();
    if (keys.size === 0) return;
    const observer = new MutationObserver(() => {
      timer ??= setTimeout(run, 50);
    });
    observer.observe(el, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [body, keys]);
  return { count, reveal: () => setKeys(new Set()) };
}

class FigureErrorBoundary extends Component<{ children: ReactNode; onRetry(): void }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="figure-error" role="alert">
        <p>This figure could not start: {this.state.error.message}</p>
        <button type="button" onClick={this.props.onRetry}>
          Try again
        </button>
      </div>
    );
  }
}

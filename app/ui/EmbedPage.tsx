/**
 * `#/embed/<lesson>/<figure>?…`: one figure alone, for slides and LMS pages. It loads the figure's own code and
 * nothing of its lesson (the figure's name and caption come from `virtual:figure-index`, read from the MDX at
 * build time).
 */
import { useEffect, useMemo } from 'react';
import figureIndex from 'virtual:figure-index';
import { figures, type FigureName } from '../figures/registry';
import { findLesson } from '../lessons/manifest';
import { lessonHref } from '../state/route';
import { BackendBadge } from './BackendBadge';
import { Figure } from './lesson/Figure';
import { LessonContext } from './lesson/LessonContext';
import { Notices } from './Notices';

export function EmbedPage({ slug, figure, params }: { slug: string; figure: string; params: URLSearchParams }) {
  const lesson = findLesson(slug);
  const entry = figureIndex[slug]?.find((f) => f.id === figure);
  const context = useMemo(() => ({ slug }), [slug]);
  const name = entry && entry.name in figures ? (entry.name as FigureName) : null;

  useEffect(() => {
    const root = document.documentElement;
    root.dataset.embed = 'on';
    document.title = `${entry?.caption.slice(0, 60) ?? 'A figure'} · Deep Learning, Live`;
    return () => {
      delete root.dataset.embed;
    };
  }, [entry]);

  const open = new URLSearchParams(params);
  open.delete('classroom');
  if (!lesson?.load || !name || !entry) {
    return (
      <main className="embed" id="main">
        <p className="notice notice-error" role="alert">
          This embedded figure does not exist (“{slug}/{figure}”). <a href="#/" target="_blank" rel="noopener">Open Deep Learning, Live</a>
        </p>
      </main>
    );
  }
  return (
    <main className="embed" id="main" data-testid="embed">
      <header className="embed-head">
        <a href={lessonHref(slug, figure, open)} target="_blank" rel="noopener">
          {lesson.title} · Deep Learning, <em>Live</em> ↗
        </a>
        <BackendBadge />
      </header>
      <Notices />
      <LessonContext.Provider value={context}>
        <Figure id={figure} name={name} caption={entry.caption} />
      </LessonContext.Provider>
    </main>
  );
}

import { Suspense, lazy, useEffect, useMemo } from 'react';
import { neighbours, type LessonMeta } from '../lessons/manifest';
import { answeredCount, lessonStatus } from '../state/lessonProgress';
import { selectProgress, useProgress } from '../state/progress';
import { lessonHref } from '../state/route';
import { FocusableOverflow } from './lesson/FocusableOverflow';
import { LessonContext } from './lesson/LessonContext';
import { lessonComponents } from './lesson/components';

const contentCache = new Map<string, ReturnType<typeof lazy>>();

function lessonContent(lesson: LessonMeta) {
  let content = contentCache.get(lesson.slug);
  if (!content && lesson.load) {
    content = lazy(lesson.load);
    contentCache.set(lesson.slug, content);
  }
  return content;
}

export function LessonPage({ lesson, figure }: { lesson: LessonMeta; figure: string | null }) {
  const Content = lessonContent(lesson);
  const { prev, next } = neighbours(lesson.slug);
  const visit = useProgress((s) => s.visit);
  const context = useMemo(() => ({ slug: lesson.slug }), [lesson.slug]);

  useEffect(() => {
    visit(lesson.slug);
    document.title = `${lesson.title} · Deep Learning, Live`;
  }, [lesson.slug, lesson.title, visit]);

  return (
    <article className="lesson" aria-labelledby="lesson-title">
      <header className="lesson-header">
        <h1 id="lesson-title">{lesson.title}</h1>
        <p className="lesson-meta">{lesson.minutes} minutes · {lesson.summary}</p>
        <div className="lesson-learn">
          <h2>You will learn to</h2>
          <ul>
            {lesson.learn.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      </header>
      <LessonContext.Provider value={context}>
        <div className="prose">
          {Content ? (
            <Suspense fallback={<p aria-busy="true">Loading the lesson…</p>}>
              <Content components={lessonComponents} />
              <ScrollToFigure figure={figure} />
              <FocusableOverflow />
            </Suspense>
          ) : null}
        </div>
      </LessonContext.Provider>
      <footer className="lesson-footer">
        <LessonProgress lesson={lesson} />
        <nav className="prev-next" aria-label="Lessons">
          {prev ? (
            <a href={lessonHref(prev.slug)} rel="prev">
              ← {prev.title}
            </a>
          ) : (
            <a href="#/">← Course home</a>
          )}
          {next ? (
            <a href={lessonHref(next.slug)} rel="next">
              {next.title} →
            </a>
          ) : (
            <span className="muted">More lessons are on the way.</span>
          )}
        </nav>
      </footer>
    </article>
  );
}

/**
 * The footer's progress line: how many of the lesson's checks are answered (completion is all of them), with a
 * button to the first one still open.
 */
function LessonProgress({ lesson }: { lesson: LessonMeta }) {
  const progress = useProgress(selectProgress);
  const done = lessonStatus(progress, lesson.slug, lesson.checks).kind === 'completed';
  const answered = answeredCount(progress, lesson.slug, lesson.checks);
  if (lesson.checks === 0) {
    return <p className="lesson-progress">This lesson has no checks: it counts as completed once opened.</p>;
  }
  const count = `${answered} of ${lesson.checks} ${lesson.checks === 1 ? 'check' : 'checks'} answered.`;
  return (
    <p className="lesson-progress">
      {done ? <strong className="lesson-progress-done">✓ Lesson completed. </strong> : null}
      {count}
      {answered < lesson.checks ? (
        <>
          {' '}
          <button type="button" className="link-button" onClick={goToOpenCheck}>
            Go to the first unanswered check
          </button>
        </>
      ) : null}
    </p>
  );
}

/** Scrolls to the first check with no recorded answer and puts focus on its first option. */
function goToOpenCheck() {
  const check = document.querySelector<HTMLElement>('.lesson .check:not([data-answered])');
  if (!check) return;
  check.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  check.scrollIntoView({ block: 'center' });
}

/** Rendered after the lesson content has loaded, so the figure it names exists to scroll to. */
function ScrollToFigure({ figure }: { figure: string | null }) {
  useEffect(() => {
    if (!figure) return;
    document.getElementById(figure)?.scrollIntoView({ block: 'start' });
  }, [figure]);
  return null;
}

import { lessons } from '../lessons/manifest';
import { lessonStatus } from '../state/lessonProgress';
import { selectProgress, useProgress } from '../state/progress';
import { lessonHref } from '../state/route';

export function Sidebar({ current, onNavigate }: { current: string | null; onNavigate(): void }) {
  const progress = useProgress(selectProgress);
  return (
    <nav className="sidebar" aria-label="Course">
      <a href="#/" className={current === null ? 'sidebar-home is-current' : 'sidebar-home'} onClick={onNavigate}>
        Course home
      </a>
      <ol>
        {lessons.map((lesson, i) => {
          const status = lessonStatus(progress, lesson.slug, lesson.checks).kind;
          const mark = status === 'completed' ? '✓' : status === 'not-started' ? '' : '•';
          const state = status === 'completed' ? ', completed' : status === 'not-started' ? '' : ', started';
          return (
            <li key={lesson.slug}>
              {lesson.load ? (
                <a
                  href={lessonHref(lesson.slug)}
                  aria-current={current === lesson.slug ? 'page' : undefined}
                  onClick={onNavigate}
                >
                  <span className="sidebar-num">{i + 1}</span>
                  <span className="sidebar-title">
                    {lesson.title}
                    <span className="visually-hidden">{state}</span>
                  </span>
                  <span className="sidebar-mark" aria-hidden="true">
                    {mark}
                  </span>
                </a>
              ) : (
                <span className="sidebar-planned">
                  <span className="sidebar-num">{i + 1}</span>
                  <span className="sidebar-title">
                    {lesson.title}
                    <span className="visually-hidden">, coming soon</span>
                  </span>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

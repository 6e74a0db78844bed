import { useEffect } from 'react';
import { lessons, readyLessons } from '../lessons/manifest';
import { lessonStatus, statusLabel } from '../state/lessonProgress';
import { selectProgress, useProgress } from '../state/progress';
import { lessonHref } from '../state/route';
import { ProgressSummary } from './ProgressSummary';

export function Home() {
  const progress = useProgress(selectProgress);
  useEffect(() => {
    document.title = 'Deep Learning, Live';
  }, []);
  return (
    <div className="home">
      <section className="hero">
        <h1>Deep Learning, Live</h1>
        <p>
          A course from a single neuron to transformers. Every figure is a real neural network, trained in your browser
          while you watch: move a slider and see the weights, the outputs and the loss change.
        </p>
      </section>
      <ProgressSummary progress={progress} lessons={readyLessons} />
      <h2>Lessons</h2>
      <ol className="lesson-list">
        {lessons.map((lesson) => {
          const status = lesson.load ? lessonStatus(progress, lesson.slug, lesson.checks) : null;
          return (
            <li key={lesson.slug} className={lesson.load ? 'lesson-card' : 'lesson-card is-planned'}>
              <h3>
                {lesson.load ? <a href={lessonHref(lesson.slug)}>{lesson.title}</a> : lesson.title}
                {status ? <span className={`badge badge-${status.kind}`}>{statusLabel(status)}</span> : null}
                {!lesson.load ? <span className="badge badge-planned">Coming soon</span> : null}
              </h3>
              <p>{lesson.summary}</p>
              {lesson.load ? (
                <>
                  <p className="muted">{lesson.minutes} minutes · you will learn to:</p>
                  <ul>
                    {lesson.learn.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/**
 * `#/scenes?list=…`: a teacher's exported scenes arriving on another computer. Nothing is replaced until the
 * teacher says so; a link that cannot be read says why and leaves the saved scenes alone.
 */
import { useMemo } from 'react';
import { findLesson } from '../../lessons/manifest';
import { useScenes } from '../../state/presenter';
import { readScenes } from '../../state/sceneLink';
import { goToScene } from './actions';

export function ScenesImport({ params }: { params: URLSearchParams }) {
  const { scenes, problem } = useMemo(() => readScenes(params), [params]);
  const saved = useScenes((s) => s.scenes.length);
  const unknown = scenes.filter((s) => !findLesson(s.lesson)?.load).length;

  function take(mode: 'replace' | 'append') {
    const { replaceAll, scenes: old } = useScenes.getState();
    replaceAll(mode === 'replace' ? scenes : [...old, ...scenes]);
    goToScene(mode === 'replace' ? 0 : old.length);
  }

  return (
    <section className="home scenes-import" aria-labelledby="scenes-title">
      <h1 id="scenes-title">Scenes for presenting</h1>
      {problem ? (
        <p className="notice notice-error" role="alert" data-testid="scenes-problem">
          This link’s scenes could not be read: {problem}. Your saved scenes are unchanged. <a href="#/">Go to the course home</a>
        </p>
      ) : (
        <>
          <p>This link carries {scenes.length === 1 ? 'one scene' : `${scenes.length} scenes`}, to show in this order:</p>
          <ol data-testid="imported-scenes">
            {scenes.map((s, i) => (
              <li key={i}>
                {s.title}
                {!findLesson(s.lesson)?.load ? <span className="muted"> (this course has no lesson “{s.lesson}”; it will be skipped)</span> : null}
              </li>
            ))}
          </ol>
          {unknown === scenes.length ? null : (
            <p className="scene-actions">
              <button type="button" onClick={() => take('replace')} data-testid="import-scenes">
                {saved > 0 ? `Replace my ${saved} saved scenes and present` : 'Save them and present'}
              </button>
              {saved > 0 ? (
                <button type="button" className="secondary" onClick={() => take('append')}>
                  Add them after my scenes
                </button>
              ) : null}
            </p>
          )}
          <p className="muted">Scenes are kept in this browser only.</p>
        </>
      )}
    </section>
  );
}

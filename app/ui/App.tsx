import { useEffect, useState } from 'react';
import { findLesson } from '../lessons/manifest';
import { usePresenter } from '../state/presenter';
import { usePrefs, useNotices } from '../state/ui';
import { BackendBadge } from './BackendBadge';
import { EmbedPage } from './EmbedPage';
import { PresentButton, PresenterLayer, ShortcutsHelp, Toast, useShortcuts } from './presenter/Presenter';
import { ScenesImport } from './presenter/ScenesImport';
import { Home } from './Home';
import { LessonPage } from './LessonPage';
import { Notices } from './Notices';
import { Sidebar } from './Sidebar';
import { ThemeToggle } from './ThemeToggle';
import { useRoute } from './useRoute';

export function App() {
  const route = useRoute();
  const [menuOpen, setMenuOpen] = useState(false);
  const theme = usePrefs((s) => s.theme);
  const lesson = route.page === 'lesson' ? findLesson(route.slug) : undefined;
  const missing = route.page === 'lesson' && !lesson?.load;
  useShortcuts();

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    if (!missing || route.page !== 'lesson') return;
    useNotices
      .getState()
      .push('warning', `There is no lesson called “${route.slug}” yet, so you are on the course home instead.`);
  }, [missing, route]);

  const slug = lesson?.load ? lesson.slug : null;
  // Each lesson starts at its top (or at the figure its link names).
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [slug]);

  if (route.page === 'embed') {
    return (
      <>
        <EmbedPage slug={route.slug} figure={route.figure} params={route.params} />
        <ShortcutsHelp />
        <Toast />
      </>
    );
  }

  return (
    <div className={menuOpen ? 'shell menu-open' : 'shell'}>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to the lesson
      </a>
      <header className="topbar">
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span aria-hidden="true">☰</span>
          <span className="visually-hidden">Lessons menu</span>
        </button>
        <a href="#/" className="brand">
          Deep Learning, <em>Live</em>
        </a>
        <div className="topbar-tools">
          <BackendBadge />
          <PresentButton />
          <button type="button" className="secondary help-button" onClick={() => usePresenter.getState().set({ helpOpen: true })} aria-label="Keyboard shortcuts (?)" title="Keyboard shortcuts (?)">
            ?
          </button>
          <ThemeToggle />
        </div>
      </header>
      <div id="sidebar" className="sidebar-wrap">
        <Sidebar current={slug} onNavigate={() => setMenuOpen(false)} />
      </div>
      <main id="main" tabIndex={-1}>
        <Notices />
        {lesson?.load && route.page === 'lesson' ? (
          <>
            <LessonPage key={lesson.slug} lesson={lesson} figure={route.figure} />
            <PresenterLayer slug={lesson.slug} />
          </>
        ) : route.page === 'scenes' ? (
          <ScenesImport params={route.params} />
        ) : (
          <Home />
        )}
      </main>
      <ShortcutsHelp />
      <Toast />
    </div>
  );
}

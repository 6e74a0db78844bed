import { useEffect, useState } from 'react';
import { findLesson } from '../lessons/manifest';
import { usePrefs, useNotices } from '../state/ui';
import { BackendBadge } from './BackendBadge';
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
          <ThemeToggle />
        </div>
      </header>
      <div id="sidebar" className="sidebar-wrap">
        <Sidebar current={slug} onNavigate={() => setMenuOpen(false)} />
      </div>
      <main id="main" tabIndex={-1}>
        <Notices />
        {lesson?.load && route.page === 'lesson' ? (
          <LessonPage key={lesson.slug} lesson={lesson} figure={route.figure} />
        ) : (
          <Home />
        )}
      </main>
    </div>
  );
}

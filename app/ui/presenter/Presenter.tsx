/**
 * Presenter mode and its parts: the projector layout (one figure filling the screen, larger type and strokes, a
 * high-contrast palette, no lesson chrome), the bar that drives it, the keyboard help (`?`) and a teacher's scenes.
 *
 *   reading ──P / Present──▶ presenting figure k ──PageDown──▶ figure k+1 … ──▶ next lesson's first figure
 *                               │  ▲                    scenes: PageDown/PageUp walk the saved list instead
 *                               └Esc┘
 */
import { useEffect, useId, useRef, useState } from 'react';
import { findLesson } from '../../lessons/manifest';
import { usePresenter, useScenes } from '../../state/presenter';
import { absoluteLink, parseRoute, routeFigure } from '../../state/route';
import { scenesHref } from '../../state/sceneLink';
import { goToScene, lessonFigures, moveFigure, runShortcut, saveScene, setPresenting, toast, toggleFullscreen, useToast } from './actions';
import { SHORTCUTS, shortcutFor } from './shortcuts';

/** The keyboard shortcuts, for the whole app. */
export function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { on, helpOpen } = usePresenter.getState();
      // An open dialog keeps its keys (Esc closes it natively), except `?`, which closes the help.
      if (helpOpen && e.key !== '?') return;
      if (document.querySelector('dialog[open]') && !helpOpen) return;
      const found = shortcutFor(e, on);
      if (!found) return;
      e.preventDefault();
      runShortcut(found.action, found.index);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The lesson page while presenting: which figure is shown, how large, and the bar. */
export function PresenterLayer({ slug }: { slug: string }) {
  const on = usePresenter((s) => s.on);
  const figure = usePresenter((s) => s.figure);
  const zoom = usePresenter((s) => s.zoom);
  const [ids, setIds] = useState<string[]>([]);

  useEffect(() => {
    const root = document.documentElement;
    if (!on) return;
    root.dataset.presenter = 'on';
    return () => {
      delete root.dataset.presenter;
    };
  }, [on]);

  // Type and strokes grow with the screen: a 1920 × 1080 projector shows the figure about 1.4 × larger.
  useEffect(() => {
    if (!on) return;
    const fit = () => {
      const base = Math.min(2, Math.max(1, Math.min(window.innerHeight / 760, window.innerWidth / 1000)));
      document.documentElement.style.setProperty('--present-zoom', String(Math.round(base * zoom * 100) / 100));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => {
      window.removeEventListener('resize', fit);
      document.documentElement.style.removeProperty('--present-zoom');
    };
  }, [on, zoom]);

  // The lesson's figures appear once its content has loaded: watch for them, then settle 'first'/'last'.
  useEffect(() => {
    if (!on) return;
    const read = () => {
      const found = lessonFigures().map((el) => el.id);
      setIds((old) => (old.join() === found.join() ? old : found));
      const { figure: want, set } = usePresenter.getState();
      if (found.length === 0) return;
      if (want === 'last') set({ figure: found[found.length - 1]! });
      else if (want == null || want === 'first' || !found.includes(want)) set({ figure: found[0]! });
    };
    read();
    const observer = new MutationObserver(read);
    const main = document.getElementById('main');
    if (main) observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [on, slug]);

  useEffect(() => {
    if (on) window.scrollTo(0, 0);
  }, [on, figure]);

  if (!on) return null;
  return <PresenterBar slug={slug} ids={ids} figure={figure} />;
}

function PresenterBar({ slug, ids, figure }: { slug: string; ids: string[]; figure: string | null }) {
  const scene = usePresenter((s) => s.scene);
  const scenes = useScenes((s) => s.scenes);
  const set = usePresenter((s) => s.set);
  const [scenesOpen, setScenesOpen] = useState(false);
  const lesson = findLesson(slug);
  const at = figure ? ids.indexOf(figure) : -1;
  const where =
    scene != null && scenes[scene]
      ? `Scene ${scene + 1} of ${scenes.length}: ${scenes[scene]!.title}`
      : `${lesson?.title ?? slug} · figure ${at + 1} of ${ids.length}`;
  return (
    <div className="presenter-bar" role="region" aria-label="Presenter controls" data-testid="presenter-bar">
      <button type="button" className="secondary" onClick={() => moveFigure(-1)} aria-label="Previous figure (Page Up)">
        ◀
      </button>
      <p className="presenter-where" data-testid="presenter-where">
        {where}
      </p>
      <button type="button" className="secondary" onClick={() => moveFigure(1)} aria-label="Next figure (Page Down)">
        ▶
      </button>
      <span className="presenter-tools">
        <button type="button" className="secondary" onClick={() => saveScene()} title="S">
          Save scene
        </button>
        <button type="button" className="secondary" onClick={() => setScenesOpen(true)} data-testid="open-scenes">
          Scenes ({scenes.length})
        </button>
        <button type="button" className="secondary" onClick={toggleFullscreen} title="F">
          Full screen
        </button>
        <button type="button" className="secondary" onClick={() => set({ helpOpen: true })} aria-label="Keyboard shortcuts (?)">
          ?
        </button>
        <button type="button" onClick={() => setPresenting(false)} data-testid="exit-presenter" title="Esc">
          Exit
        </button>
      </span>
      {scenesOpen ? <ScenesDialog onClose={() => setScenesOpen(false)} /> : null}
    </div>
  );
}

/** A modal `<dialog>`: focus moves in and is trapped, Esc closes it, focus returns where it was. */
function Modal({ title, onClose, children, testId }: { title: string; onClose(): void; children: React.ReactNode; testId: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement as HTMLElement | null;
    dialog.showModal();
    return () => {
      dialog.close();
      before?.focus?.();
    };
  }, []);
  return (
    <dialog ref={ref} className="modal" aria-labelledby={id} onClose={onClose} onCancel={onClose} data-testid={testId}>
      <div className="modal-head">
        <h2 id={id}>{title}</h2>
        <button type="button" className="secondary" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      {children}
    </dialog>
  );
}

export function ShortcutsHelp() {
  const open = usePresenter((s) => s.helpOpen);
  const set = usePresenter((s) => s.set);
  if (!open) return null;
  return (
    <Modal title="Keyboard shortcuts" onClose={() => set({ helpOpen: false })} testId="shortcuts-help">
      <p className="muted">
        They act on the figure on screen (in presenter mode, the one presented). A presentation clicker’s buttons
        send Page Down and Page Up. Keys typed into a field, and Space or arrows on a focused button or slider, stay
        with that control.
      </p>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.filter((s) => s.label).map((s) => (
            <tr key={s.action} data-action={s.action}>
              <th scope="row">
                <kbd>{s.label}</kbd>
              </th>
              <td>
                {s.does}
                {s.presenterOnly ? <span className="muted"> (presenter mode)</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Training keeps running when you switch to another window or tab and back; only the drawing pauses while the
        page is hidden.
      </p>
    </Modal>
  );
}

function ScenesDialog({ onClose }: { onClose(): void }) {
  const scenes = useScenes((s) => s.scenes);
  const { remove, move, rename } = useScenes.getState();
  const [link, setLink] = useState('');
  const linkId = useId();
  return (
    <Modal title="Scenes" onClose={onClose} testId="scenes-dialog">
      <p className="muted">
        A scene is a figure with the settings it had when you saved it (S, or “Save scene”). Play them in order with
        Page Down. They are kept in this browser; export them as a link to open them on another computer.
      </p>
      {scenes.length === 0 ? (
        <p>No scenes yet.</p>
      ) : (
        <ol className="scene-list" data-testid="scene-list">
          {scenes.map((s, i) => (
            <li key={s.id}>
              <label className="visually-hidden" htmlFor={`scene-${s.id}`}>
                Title of scene {i + 1}
              </label>
              <input id={`scene-${s.id}`} value={s.title} onChange={(e) => rename(s.id, e.target.value)} />
              <span className="scene-buttons">
                <button
                  type="button"
                  onClick={() => {
                    onClose();
                    goToScene(i);
                  }}
                  data-testid={`play-scene-${i + 1}`}
                >
                  Show
                </button>
                <button type="button" className="secondary" onClick={() => move(s.id, -1)} disabled={i === 0} aria-label={`Move scene ${i + 1} up`}>
                  ↑
                </button>
                <button type="button" className="secondary" onClick={() => move(s.id, 1)} disabled={i === scenes.length - 1} aria-label={`Move scene ${i + 1} down`}>
                  ↓
                </button>
                <button type="button" className="secondary" onClick={() => remove(s.id)} aria-label={`Delete scene ${i + 1}`}>
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="scene-actions">
        <button type="button" className="secondary" onClick={() => saveScene()}>
          Save the figure on screen as a scene
        </button>
        <button
          type="button"
          className="secondary"
          disabled={scenes.length === 0}
          onClick={() => {
            const href = absoluteLink(scenesHref(scenes));
            setLink(href);
            void navigator.clipboard?.writeText(href).then(
              () => toast('Link to the scenes copied.'),
              () => undefined,
            );
          }}
          data-testid="export-scenes"
        >
          Export as a link
        </button>
      </div>
      {link ? (
        <p>
          <label htmlFor={linkId}>Link to these scenes:</label>{' '}
          <input id={linkId} readOnly value={link} onFocus={(e) => e.target.select()} data-testid="scenes-link" />
        </p>
      ) : null}
    </Modal>
  );
}

/** What the keys did, briefly, for the teacher and for screen readers. */
export function Toast() {
  const { text, serial } = useToast();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!serial) return;
    setShown(true);
    const t = setTimeout(() => setShown(false), 2500);
    return () => clearTimeout(t);
  }, [serial]);
  return (
    <div className={shown ? 'toast is-shown' : 'toast'} role="status" aria-live="polite" data-testid="toast">
      {shown ? text : ''}
    </div>
  );
}

/** The topbar's switch. */
export function PresentButton() {
  const on = usePresenter((s) => s.on);
  return (
    <button
      type="button"
      className="secondary present-button"
      aria-pressed={on}
      onClick={() => {
        if (!routeFigure(parseRoute(window.location.hash))) toast('Open a lesson to present it.');
        else setPresenting(!on);
      }}
      title="Presenter mode (P)"
      data-testid="present"
    >
      <span aria-hidden="true">▣ </span>Present
    </button>
  );
}


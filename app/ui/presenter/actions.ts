/**
 * What the shortcuts and the presenter bar do. Plain functions over the stores and the figure handles, so the
 * bar's buttons and the keys run the same code.
 */
import { create } from 'zustand';
import { findLesson, neighbours } from '../../lessons/manifest';
import { applyFigureParams } from '../../state/figures';
import { figureHandle, figureInView, usePresenter, useScenes, type FigureHandle, type Scene } from '../../state/presenter';
import { lessonHref, parseRoute, routeFigure } from '../../state/route';
import type { ShortcutAction } from './shortcuts';

/** A short spoken and shown confirmation of what a key did ("Paused", "Speed: fast"). */
export const useToast = create<{ text: string; serial: number }>()(() => ({ text: '', serial: 0 }));

export function toast(text: string) {
  useToast.setState((s) => ({ text, serial: s.serial + 1 }));
}

/** The figures of the lesson on screen, in page order. */
export function lessonFigures(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.prose figure.figure[id], .embed figure.figure[id]')];
}

function currentLesson(): string | null {
  return routeFigure(parseRoute(window.location.hash))?.slug ?? null;
}

/** The figure the keys act on: the presented one, else the one in focus or filling most of the screen. */
export function currentFigure(): FigureHandle | undefined {
  const { on, figure } = usePresenter.getState();
  const lesson = currentLesson();
  if (on && lesson && figure) return figureHandle(lesson, figure);
  return figureInView();
}

function figureName(handle: FigureHandle): string {
  return handle.el?.getAttribute('aria-label') ?? 'This figure';
}

export function setPresenting(on: boolean) {
  const state = usePresenter.getState();
  if (on === state.on) return;
  if (on) {
    const route = routeFigure(parseRoute(window.location.hash));
    const start = route?.figure ?? figureInView()?.id ?? 'first';
    state.set({ on: true, figure: start, scene: null });
    toast('Presenter mode: Page Down for the next figure, ? for all keys, Esc to leave.');
  } else {
    const id = state.figure;
    state.set({ on: false, scene: null });
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    // Back in the lesson at the figure that was on screen.
    requestAnimationFrame(() => (id ? document.getElementById(id)?.scrollIntoView({ block: 'start' }) : undefined));
  }
}

/** Moves the presenter to the next or previous figure, crossing into the neighbouring lesson at either end. */
export function moveFigure(by: 1 | -1) {
  const state = usePresenter.getState();
  if (state.scene != null) {
    goToScene(state.scene + by);
    return;
  }
  const ids = lessonFigures().map((el) => el.id);
  const i = state.figure ? ids.indexOf(state.figure) : -1;
  const j = i + by;
  if (i >= 0 && j >= 0 && j < ids.length) {
    state.set({ figure: ids[j]! });
    return;
  }
  const lesson = currentLesson();
  const { prev, next } = lesson ? neighbours(lesson) : {};
  const to = by > 0 ? next : prev;
  if (!to) {
    toast(by > 0 ? 'This is the last figure of the course.' : 'This is the first figure of the course.');
    return;
  }
  state.set({ figure: by > 0 ? 'first' : 'last' });
  window.location.hash = lessonHref(to.slug);
  toast(to.title);
}

/** Shows scene `index`: its lesson, its figure, its settings. */
export function goToScene(index: number) {
  const { scenes } = useScenes.getState();
  const scene = scenes[index];
  if (!scene) {
    toast(index < 0 ? 'This is the first scene.' : 'That was the last scene.');
    return;
  }
  if (!findLesson(scene.lesson)?.load) {
    toast(`Scene ${index + 1} names a lesson this course does not have.`);
    return;
  }
  usePresenter.getState().set({ on: true, scene: index, figure: scene.figure });
  const params = new URLSearchParams(scene.params);
  const mounted = applyFigureParams(scene.lesson, scene.figure, params);
  const href = lessonHref(scene.lesson, scene.figure, params);
  if (currentLesson() !== scene.lesson) window.location.hash = href;
  // Same lesson: a figure not mounted yet reads its settings from the address when it mounts.
  else if (!mounted) window.history.replaceState(window.history.state, '', href);
  toast(`Scene ${index + 1} of ${scenes.length}: ${scene.title}`);
}

export function saveScene(): Scene | null {
  const handle = currentFigure();
  if (!handle) {
    toast('There is no figure on screen to save.');
    return null;
  }
  const link = handle.toolbar?.shareLink();
  const q = link ? link.indexOf('?', link.indexOf('#')) : -1;
  const params = q >= 0 && link ? new URLSearchParams(link.slice(q + 1)) : new URLSearchParams();
  params.delete('classroom');
  const lessonTitle = findLesson(handle.lesson)?.title ?? handle.lesson;
  const { scenes, add } = useScenes.getState();
  add({ lesson: handle.lesson, figure: handle.id, params: params.toString(), title: `${lessonTitle}: ${figureName(handle)}` });
  toast(`Saved as scene ${scenes.length + 1}.`);
  return useScenes.getState().scenes.at(-1) ?? null;
}

export function toggleFullscreen() {
  if (document.fullscreenElement) {
    void document.exitFullscreen().catch(() => undefined);
    return;
  }
  document.documentElement.requestFullscreen?.().then(
    () => undefined,
    () => toast('This browser refused full screen here; try its own full-screen key (often F11).'),
  );
}

/** Runs one shortcut. `index` is which of its keys was pressed (the speed keys 1–4). */
export function runShortcut(action: ShortcutAction, index: number) {
  const presenter = usePresenter.getState();
  switch (action) {
    case 'help':
      presenter.set({ helpOpen: !presenter.helpOpen });
      return;
    case 'present':
      setPresenting(!presenter.on);
      return;
    case 'exit':
      setPresenting(false);
      return;
    case 'next':
      moveFigure(1);
      return;
    case 'previous':
      moveFigure(-1);
      return;
    case 'fullscreen':
      toggleFullscreen();
      return;
    case 'scene':
      saveScene();
      return;
    case 'zoom-in':
    case 'zoom-out': {
      const zoom = Math.min(2, Math.max(0.5, presenter.zoom * (action === 'zoom-in' ? 1.1 : 1 / 1.1)));
      presenter.set({ zoom });
      toast(`Figure size ${Math.round(zoom * 100)}%`);
      return;
    }
    default:
      break;
  }
  const handle = currentFigure();
  if (!handle) {
    toast('No live figure is on screen.');
    return;
  }
  const trainer = handle.trainer;
  if (action === 'reset' && !trainer && handle.toolbar) {
    handle.toolbar.resetDefaults();
    toast(`${figureName(handle)}: back to the lesson’s settings.`);
    return;
  }
  if (!trainer) {
    toast(`${figureName(handle)} has nothing to train.`);
    return;
  }
  if (!trainer.ready()) {
    toast('The figure is still starting.');
    return;
  }
  if (trainer.status() === 'diverged' && action !== 'reset') {
    toast('Training stopped because the loss diverged: press R to reset.');
    return;
  }
  switch (action) {
    case 'toggle': {
      const playing = trainer.status() === 'playing';
      trainer.toggle();
      toast(playing ? 'Paused' : 'Training');
      return;
    }
    case 'step':
      if (trainer.status() === 'playing') toast('Pause first (Space), then step.');
      else {
        trainer.step();
        toast('One batch');
      }
      return;
    case 'reset':
      trainer.reset();
      toast('Reset');
      return;
    case 'speed': {
      const speed = trainer.speeds[index];
      if (speed) {
        trainer.setSpeed(speed.value);
        toast(`Speed: ${speed.label}`);
      }
      return;
    }
    default:
      return;
  }
}

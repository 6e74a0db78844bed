/**
 * The classroom: presenter mode, the keyboard's "current figure", and a teacher's scenes.
 *
 * Figures register what the keyboard can do to them (train, step, reset, speed, reset to defaults, share) in a
 * plain map, not in zustand: the handles hold callbacks, and nothing needs to re-render when one is added.
 *
 *   <Figure> ─register(el)──▶ handles[lesson/id] ◀──trainer── TrainerControls
 *                                   ▲         ◀──toolbar──  FigureToolbar
 *                                   └── shortcuts (ui/presenter/useShortcuts.ts) act on the current one
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { TrainerStatus } from '../engine/types';

export interface TrainerHandle {
  status(): TrainerStatus;
  ready(): boolean;
  /** Train, or pause when training. */
  toggle(): void;
  step(): void;
  reset(): void;
  speeds: readonly { label: string; value: number }[];
  setSpeed(value: number): void;
}

export interface ToolbarHandle {
  shareLink(): string;
  resetDefaults(): void;
}

export interface FigureHandle {
  lesson: string;
  id: string;
  el: HTMLElement;
  trainer?: TrainerHandle;
  toolbar?: ToolbarHandle;
}

const handles = new Map<string, FigureHandle>();

export const figureKey = (lesson: string, id: string) => `${lesson}/${id}`;

export function registerFigure(lesson: string, id: string, el: HTMLElement): () => void {
  const key = figureKey(lesson, id);
  const handle: FigureHandle = { ...handles.get(key), lesson, id, el };
  handles.set(key, handle);
  return () => {
    if (handles.get(key) === handle) handles.delete(key);
  };
}

/** Adds a figure's trainer or toolbar to its handle; returns the undo. */
export function attachToFigure<K extends 'trainer' | 'toolbar'>(lesson: string, id: string, part: K, value: FigureHandle[K]): () => void {
  const key = figureKey(lesson, id);
  const handle = handles.get(key) ?? ({ lesson, id } as FigureHandle);
  handle[part] = value;
  handles.set(key, handle);
  return () => {
    const current = handles.get(key);
    if (current && current[part] === value) delete current[part];
  };
}

export function figureHandle(lesson: string, id: string): FigureHandle | undefined {
  return handles.get(figureKey(lesson, id));
}

/**
 * The figure the keyboard acts on outside presenter mode: the one holding focus, else the one taking up most of
 * the screen.
 */
export function figureInView(): FigureHandle | undefined {
  const active = document.activeElement;
  let best: FigureHandle | undefined;
  let bestArea = 0;
  for (const handle of handles.values()) {
    if (!handle.el?.isConnected) continue;
    if (active && handle.el.contains(active)) return handle;
    const r = handle.el.getBoundingClientRect();
    const h = Math.max(0, Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0));
    const w = Math.max(0, Math.min(r.right, window.innerWidth) - Math.max(r.left, 0));
    if (h * w > bestArea) {
      bestArea = h * w;
      best = handle;
    }
  }
  return best;
}

/** Presenter mode: per tab (sessionStorage), so a reload keeps presenting but a new tab starts as a reader. */
interface PresenterState {
  on: boolean;
  /** The figure on screen, by id; 'first' or 'last' while a lesson loads after PageDown/PageUp. */
  figure: string | null;
  /** Extra zoom the teacher chose with + and −. */
  zoom: number;
  /** The scene being shown, while stepping through scenes. */
  scene: number | null;
  helpOpen: boolean;
  set(patch: Partial<Omit<PresenterState, 'set'>>): void;
}

export const usePresenter = create<PresenterState>()(
  persist(
    (set) => ({ on: false, figure: null, zoom: 1, scene: null, helpOpen: false, set: (patch) => set(patch) }),
    {
      name: 'dll.presenter.v1',
      storage: createJSONStorage(() => sessionStorage),
      partialize: ({ on, figure, zoom, scene }) => ({ on, figure, zoom, scene }),
    },
  ),
);

export interface Scene {
  id: string;
  lesson: string;
  figure: string;
  /** The figure's settings as its link writes them (`lr=0.1&seed=3`). */
  params: string;
  title: string;
}

interface ScenesState {
  scenes: Scene[];
  add(scene: Omit<Scene, 'id'>): void;
  remove(id: string): void;
  move(id: string, by: -1 | 1): void;
  rename(id: string, title: string): void;
  replaceAll(scenes: Omit<Scene, 'id'>[]): void;
}

let sceneSerial = 0;
const newId = () => `${Date.now().toString(36)}-${(sceneSerial++).toString(36)}`;

/** A teacher's scenes, kept in this browser (localStorage) until exported as a link. */
export const useScenes = create<ScenesState>()(
  persist(
    (set) => ({
      scenes: [],
      add: (scene) => set((s) => ({ scenes: [...s.scenes, { ...scene, id: newId() }] })),
      remove: (id) => set((s) => ({ scenes: s.scenes.filter((x) => x.id !== id) })),
      move: (id, by) =>
        set((s) => {
          const i = s.scenes.findIndex((x) => x.id === id);
          const j = i + by;
          if (i < 0 || j < 0 || j >= s.scenes.length) return s;
          const scenes = [...s.scenes];
          [scenes[i], scenes[j]] = [scenes[j]!, scenes[i]!];
          return { scenes };
        }),
      rename: (id, title) => set((s) => ({ scenes: s.scenes.map((x) => (x.id === id ? { ...x, title } : x)) })),
      replaceAll: (scenes) => set({ scenes: scenes.map((x) => ({ ...x, id: newId() })) }),
    }),
    { name: 'dll.scenes.v1' },
  ),
);

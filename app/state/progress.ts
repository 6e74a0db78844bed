/**
 * Learner progress, kept in this browser's localStorage only (`dll.progress.v1`): which lessons were opened and
 * which of their checks were answered. The rules that turn that into "completed" are in `lessonProgress.ts`.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import {
  PROGRESS_VERSION,
  emptyProgress,
  migrateProgress,
  recordAnswer,
  recordVisit,
  type ProgressData,
} from './lessonProgress';

interface ProgressState extends ProgressData {
  visit(slug: string): void;
  answer(slug: string, key: string, right: boolean): void;
  /** Forgets everything: visits, answers and old completions. */
  reset(): void;
}

export const useProgress = create<ProgressState>()(
  persist(
    (set) => ({
      ...emptyProgress,
      visit: (slug) => set((s) => recordVisit(s, slug)),
      answer: (slug, key, right) => set((s) => recordAnswer(s, slug, key, right)),
      reset: () => set({ ...emptyProgress }),
    }),
    {
      // The storage key keeps its old name so that version 0's progress is found and migrated.
      name: 'dll.progress.v1',
      version: PROGRESS_VERSION,
      migrate: (persisted, version) => migrateProgress(persisted, version) as ProgressState,
      partialize: ({ visited, answers, completed }) => ({ visited, answers, completed }),
    },
  ),
);

/** The plain data of the store, for `lessonStatus` (a stable object per store state: safe as a selector). */
export function selectProgress(s: ProgressState): ProgressData {
  return s;
}

/**
 * Learner progress, kept in localStorage: which lessons were opened and which were marked complete.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface ProgressState {
  visited: Record<string, true>;
  completed: Record<string, true>;
  visit(slug: string): void;
  setCompleted(slug: string, done: boolean): void;
}

export const useProgress = create<ProgressState>()(
  persist(
    (set) => ({
      visited: {},
      completed: {},
      visit: (slug) => set((s) => (s.visited[slug] ? s : { visited: { ...s.visited, [slug]: true } })),
      setCompleted: (slug, done) =>
        set((s) => {
          const completed = { ...s.completed };
          if (done) completed[slug] = true;
          else delete completed[slug];
          return { completed };
        }),
    }),
    { name: 'dll.progress.v1' },
  ),
);

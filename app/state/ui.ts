/**
 * UI state: notices and theme. Slow state only; nothing here changes at frame rate.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export interface Notice {
  id: number;
  kind: 'info' | 'warning' | 'error';
  text: string;
}

interface NoticeState {
  notices: Notice[];
  push(kind: Notice['kind'], text: string): void;
  dismiss(id: number): void;
}

let nextNoticeId = 1;

export const useNotices = create<NoticeState>()((set, get) => ({
  notices: [],
  push(kind, text) {
    // The same message twice (a re-mounted figure re-reading a bad link) is one notice.
    if (get().notices.some((n) => n.text === text)) return;
    set((s) => ({ notices: [...s.notices, { id: nextNoticeId++, kind, text }] }));
  },
  dismiss(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
}));

export type Theme = 'system' | 'light' | 'dark';

interface PrefsState {
  theme: Theme;
  setTheme(theme: Theme): void;
}

export const usePrefs = create<PrefsState>()(
  persist((set) => ({ theme: 'system', setTheme: (theme) => set({ theme }) }), { name: 'dll.prefs.v1' }),
);

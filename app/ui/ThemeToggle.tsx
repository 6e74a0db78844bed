import { usePrefs, type Theme } from '../state/ui';

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<Theme, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

export function ThemeToggle() {
  const theme = usePrefs((s) => s.theme);
  const setTheme = usePrefs((s) => s.setTheme);
  return (
    <button
      type="button"
      className="theme-toggle"
      onClick={() => setTheme(NEXT[theme])}
      title="Switch colour theme"
      aria-label={LABEL[theme]}
    >
      <span className="wide-only">{LABEL[theme]}</span>
      <span className="narrow-only" aria-hidden="true">
        ◐
      </span>
    </button>
  );
}

import type { ThemeChoice } from '../store/settings-slice';

export type Theme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';
/** The browser UI colour (address bar on phones) for each theme: the top bar's background. */
const THEME_COLOR: Record<Theme, string> = { light: '#ffffff', dark: '#171a23' };

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'light' || choice === 'dark') return choice;
  return systemDark ? 'dark' : 'light';
}

const systemDark = () => typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;

/**
 * Sets the theme on <html> (`data-theme`, read by the CSS variables in styles.css, and `color-scheme`, so
 * form controls and scrollbars follow) and the browser's theme-color.
 */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): Theme {
  const theme = resolveTheme(choice, systemDark());
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', THEME_COLOR[theme]);
  return theme;
}

/**
 * Applies the saved choice now (boot.tsx calls this before the first render, so the first paint has the right
 * theme without an inline script), then again whenever the choice or, for 'system', the OS setting changes.
 */
export function followTheme(getChoice: () => ThemeChoice, subscribe: (onChange: () => void) => () => void): () => void {
  const update = () => applyTheme(getChoice());
  update();
  const media = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : undefined;
  media?.addEventListener('change', update);
  const unsubscribe = subscribe(update);
  return () => {
    media?.removeEventListener('change', update);
    unsubscribe();
  };
}

import { useCallback, useEffect, useSyncExternalStore } from 'react';

/** The user's theme choice; `system` follows the operating system. */
export type ThemeChoice = 'light' | 'dark' | 'system';
export type Theme = 'light' | 'dark';

const storageKey = 'tandem.theme';
const listeners = new Set<() => void>();
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function readChoice(): ThemeChoice {
  try {
    const saved = localStorage.getItem(storageKey);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

/** The theme actually shown for a choice, given the system preference. */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

function apply(): void {
  document.documentElement.dataset.theme = resolveTheme(readChoice(), darkQuery().matches);
  for (const listener of listeners) listener();
}

/** Saves the choice and repaints at once. */
export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, choice);
  } catch {
    // Private windows may refuse storage; the theme still applies for this visit.
  }
  apply();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current choice and resolved theme, with setters; re-renders when the system preference flips. */
export function useTheme(): {
  choice: ThemeChoice;
  theme: Theme;
  setChoice: (c: ThemeChoice) => void;
  toggle: () => void;
} {
  const choice = useSyncExternalStore(subscribe, readChoice);
  const theme = useSyncExternalStore(subscribe, () =>
    document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light',
  );
  useEffect(() => {
    const query = darkQuery();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, []);
  const toggle = useCallback(() => setThemeChoice(theme === 'dark' ? 'light' : 'dark'), [theme]);
  return { choice, theme, setChoice: setThemeChoice, toggle };
}

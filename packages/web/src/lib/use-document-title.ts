import { useEffect } from 'react';

/** Sets the browser tab's title, so tabs, history and screen readers name the page; parts join with "·". */
export function useDocumentTitle(...parts: (string | undefined)[]): void {
  const title = [...parts.filter(Boolean), 'Tandem'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

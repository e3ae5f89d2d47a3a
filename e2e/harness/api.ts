import type { Page } from 'playwright-core';

/**
 * Calls the API from inside the page, with its session cookie and CSRF header, exactly as the web app does;
 * for seeding data that a test is not about.
 * @example const project = await apiPost(page, `/api/workspaces/${id}/projects`, { name: 'X', startDate: '2026-01-05' });
 */
export function apiPost<T = { id: string }>(page: Page, path: string, body: unknown): Promise<T> {
  return page.evaluate(
    async ({ path, body }) => {
      const csrf = /(?:^|; )tandem_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { path, body },
  );
}

/** The workspace id in the page's address (`/w/<id>/…`). */
export function workspaceIdOf(page: Page): string {
  const id = /\/w\/([^/?#]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`No workspace in ${page.url()}`);
  return id;
}

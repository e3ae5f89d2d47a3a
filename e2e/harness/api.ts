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

/** Creates many projects at once from inside the page, in parallel batches; returns how many were created. */
export function seedProjects(
  page: Page,
  workspaceId: string,
  count: number,
  prefix: string,
): Promise<number> {
  return page.evaluate(
    async ({ workspaceId, count, prefix }) => {
      const csrf = decodeURIComponent(/(?:^|; )tandem_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
      let created = 0;
      for (let start = 0; start < count; start += 25) {
        // A keep-alive connection the server is closing just then fails the fetch; such a request is sent again.
        // (No named inner functions here: the bundler would wrap them in a helper the page does not have.)
        const batch = Array.from({ length: Math.min(25, count - start) }, (_, i) =>
          (async () => {
            const body = JSON.stringify({
              name: `${prefix} ${String(start + i + 1).padStart(4, '0')}`,
              startDate: '2026-03-02',
            });
            for (let attempt = 1; ; attempt++) {
              try {
                const response = await fetch(`/api/workspaces/${workspaceId}/projects`, {
                  method: 'POST',
                  headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
                  body,
                });
                return response.ok;
              } catch (error) {
                if (attempt >= 3) throw error;
              }
            }
          })(),
        );
        for (const ok of await Promise.all(batch)) if (ok) created++;
      }
      return created;
    },
    { workspaceId, count, prefix },
  );
}

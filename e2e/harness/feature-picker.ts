import type { Locator, Page } from 'playwright-core';

/**
 * Picks a choice of a searching picker (a combobox) the way a user does: opens it, types part of the choice's title,
 * waits for the server's matches and clicks the choice whose title is exactly `choice`.
 * @example await pick(panel, 'Delivers feature', 'traffic', 'Live traffic');
 */
export async function pick(
  scope: Page | Locator,
  label: string,
  typed: string,
  choice: string,
): Promise<void> {
  const box = scope.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(typed);
  await scope
    .getByRole('listbox', { name: label })
    .getByRole('option')
    .filter({ has: box.page().getByText(choice, { exact: true }) })
    .click();
}

/** Adds features with these titles to a product through the API, 25 at a time; returns their ids by title. */
export function seedFeatures(
  page: Page,
  productId: string,
  titles: readonly string[],
): Promise<Record<string, string>> {
  return page.evaluate(
    async ({ productId, titles }) => {
      const csrf = decodeURIComponent(/(?:^|; )tandem_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
      const ids: Record<string, string> = {};
      for (let start = 0; start < titles.length; start += 25) {
        // (No named inner functions here: the bundler would wrap them in a helper the page does not have.)
        await Promise.all(
          titles.slice(start, start + 25).map(async (title) => {
            const response = await fetch(`/api/products/${productId}/features`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
              body: JSON.stringify({ title }),
            });
            if (!response.ok) throw new Error(`Adding feature ${title}: ${response.status}`);
            ids[title] = ((await response.json()) as { id: string }).id;
          }),
        );
      }
      return ids;
    },
    { productId, titles },
  );
}

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiver } from '../packages/server/test/helpers/webhook-receiver';
import { apiPost, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { pick } from './harness/feature-picker';
import { join } from './harness/people';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const owner: Person = { name: 'Marty Cagan', email: 'marty@example.com', password: 'inspired-product-2008' };

// The server runs in this process: quick retries; internal receivers are refused until a test allows them.
const settings = {
  TANDEM_WEBHOOK_ALLOW_INTERNAL: 'false',
  TANDEM_WEBHOOK_RETRY_BASE_MS: '300',
  TANDEM_WEBHOOK_POLL_MS: '200',
  TANDEM_WEBHOOK_MAX_ATTEMPTS: '3',
} as const;
const previous = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));

let tandem: Tandem;
let browser: Browser;
let page: Page;
let workspaceId: string;
let productId: string;

beforeAll(async () => {
  Object.assign(process.env, settings);
  tandem = await startTandem();
  browser = await launchChromium();
  const context = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1440, height: 1000 } });
  page = await context.newPage();
  await page.goto('/setup');
  await ui(page).signUp(owner);
  await ui(page).createFirstWorkspace('Silicon Valley Product Group');
  workspaceId = workspaceIdOf(page);
  await ui(page).create('Product', 'Compass');
  productId = /\/products\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
});

screenshotOnFailure('handoff-details', () => page, { fullPage: true });

afterAll(async () => {
  await browser?.close();
  await tandem?.stop();
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('the hand-off’s details in the web app', () => {
  it('shows and changes the feature a task delivers in the task panel', async () => {
    const me = await page.evaluate(
      async () => (await (await fetch('/api/auth/me')).json()) as { user: { id: string } },
    );
    const routing = await apiPost(page, `/api/products/${productId}/features`, { title: 'Smart routing' });
    const traffic = await apiPost(page, `/api/products/${productId}/features`, { title: 'Live traffic' });
    const initiative = await apiPost(page, `/api/products/${productId}/initiatives`, {
      title: 'Navigation',
      plannedStart: '2026-03-02',
      plannedFinish: '2026-03-31',
    });
    await apiPost(page, `/api/initiatives/${initiative.id}/features`, { featureId: routing.id });
    const started = await apiPost<{ project: { id: string } }>(
      page,
      `/api/initiatives/${initiative.id}/start-project`,
      {
        name: 'Navigation delivery',
        projectManagerId: me.user.id,
        startDate: '2026-03-02',
      },
    );

    await page.goto(`/w/${workspaceId}/projects/${started.project.id}?view=gantt`);
    const row = page.locator('.gantt [data-column="id"]').first();
    await row.waitFor();
    await row.click();
    await page.keyboard.press('Shift+F2');
    const panel = page.getByRole('complementary', { name: 'Task Smart routing' });
    const field = panel.getByRole('combobox', { name: 'Delivers feature' });
    await expect.poll(() => field.inputValue()).toBe('Smart routing');
    await pick(panel, 'Delivers feature', 'traff', 'Live traffic');
    await expect.poll(() => field.inputValue()).toBe('Live traffic');
    await expect
      .poll(async () => {
        const tasks = await page.evaluate(
          async (projectId) =>
            (await (await fetch(`/api/projects/${projectId}/tasks`)).json()) as {
              items: { featureId: string }[];
            },
          started.project.id,
        );
        return tasks.items[0]?.featureId;
      })
      .toBe(traffic.id);
    await page.screenshot({ path: 'test-results/handoff-details-task-feature.png' });
  });

  it('refuses an internal receiver by default and shows retries in the delivery log', async () => {
    const flaky = await receiver(
      (() => {
        let calls = 0;
        return () => (++calls === 1 ? 503 : 200);
      })(),
    );
    try {
      await page.goto(`/w/${workspaceId}/products/${productId}?view=releases`);
      const card = page.getByRole('region', { name: 'Webhooks' });
      await card.getByLabel('Receiver URL').fill(flaky.url);
      await card.getByRole('button', { name: 'Add webhook' }).click();
      // The field's own error, not the card's description (which also speaks of internal addresses).
      await card.getByText(/resolves to the internal address 127\.0\.0\.1/).waitFor();

      process.env.TANDEM_WEBHOOK_ALLOW_INTERNAL = 'true';
      await card.getByRole('button', { name: 'Add webhook' }).click();
      await card.getByText(flaky.url).waitFor();
      const release = await apiPost(page, `/api/products/${productId}/releases`, { versionName: '1.0' });
      await apiPost(page, `/api/releases/${release.id}/announce`, {});
      await page.reload();
      const log = page.getByRole('table', { name: `Deliveries to ${flaky.url}` });
      await expect
        .poll(() => log.locator('tbody tr').first().textContent(), { timeout: 15_000 })
        .toContain('200');
      const first = log.locator('tbody tr').first();
      expect(await first.locator('td').nth(2).textContent()).toBe('2');
      expect(flaky.received).toHaveLength(2);
      await page.screenshot({ path: 'test-results/handoff-details-webhook-log.png', fullPage: true });
    } finally {
      process.env.TANDEM_WEBHOOK_ALLOW_INTERNAL = 'false';
      await flaky.close();
    }
  });

  it('shows a product guest the delivery but not the name of a project they cannot open', async () => {
    const guest = await (
      await browser.newContext({ baseURL: tandem.url, viewport: { width: 1440, height: 1000 } })
    ).newPage();
    const viewer: Person = {
      name: 'Petra Guest',
      email: 'petra@example.com',
      password: 'a-guest-of-the-product',
    };
    const { user } = await join(guest, viewer, page, workspaceId, 'guest');
    await page.evaluate(
      async ({ productId, userId }) => {
        const csrf = decodeURIComponent(/(?:^|; )tandem_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
        const response = await fetch(`/api/products/${productId}/members/${userId}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
          body: JSON.stringify({ role: 'viewer' }),
        });
        if (!response.ok) throw new Error(`PUT member: ${response.status}`);
      },
      { productId, userId: user.id },
    );
    await guest.goto(`/w/${workspaceId}/products/${productId}?view=roadmap`);
    await guest.locator('.roadmap-bar[data-initiative="Navigation"]').click();
    const delivery = guest.getByRole('dialog').getByRole('region', { name: 'Delivery' });
    await delivery.getByText('Delivered by a project you cannot open').waitFor();
    await delivery.locator('time[datetime="2026-03-06"]').waitFor();
    expect(await guest.content()).not.toContain('Navigation delivery');
    await guest.screenshot({ path: 'test-results/handoff-details-guest-delivery.png' });
    await guest.keyboard.press('Escape');
    await guest.getByRole('tab', { name: 'Now / Next / Later' }).click();
    const card = guest.locator('.horizon-card', { hasText: 'Navigation' });
    await card.getByText('On track').waitFor();
    expect(await card.textContent()).not.toContain('Navigation delivery');
  });
});

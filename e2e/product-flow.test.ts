import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPost, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { pick } from './harness/feature-picker';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const owner: Person = {
  name: 'Teresa Torres',
  email: 'teresa@example.com',
  password: 'continuous-discovery-2021',
};

let tandem: Tandem;
let browser: Browser;
let page: Page;
let workspaceId: string;
let productUrl: string;
let productId: string;
const scriptErrors: string[] = [];

/** Sends a JSON request from inside the page with its session, as the web app does. */
function apiSend<T>(method: string, path: string, body?: unknown, ifMatch?: number): Promise<T> {
  return page.evaluate(
    async ({ method, path, body, ifMatch }) => {
      const csrf = decodeURIComponent(/(?:^|; )tandem_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf };
      if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
      const response = await fetch(path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { method, path, body, ifMatch },
  );
}

async function openTab(view: string, label: string) {
  await page.goto(`${productUrl}?view=${view}`);
  await page.getByRole('tab', { name: label }).waitFor();
}

describe('from customer feedback to a delivered release, through the web app', () => {
  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchChromium();
    const context = await browser.newContext({
      baseURL: tandem.url,
      viewport: { width: 1440, height: 1000 },
    });
    page = await context.newPage();
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await page.goto('/setup');
    await ui(page).signUp(owner);
    await ui(page).createFirstWorkspace('Product Talk');
    workspaceId = workspaceIdOf(page);
    await ui(page).create('Product', 'Atlas');
    productId = /\/products\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
    productUrl = `/w/${workspaceId}/products/${productId}`;
  });

  screenshotOnFailure('product-flow', () => page, { fullPage: true });

  afterAll(async () => {
    await browser?.close();
    await tandem?.stop();
  });

  it('takes a customer’s feedback to a feature, a score and an initiative, then starts its project', async () => {
    // Feedback from a customer, linked to a feature (the discovery pages have their own tests; this flow is about what follows).
    const customer = await apiPost(page, `/api/workspaces/${workspaceId}/customers`, {
      name: 'Globex',
      tier: 'strategic',
      revenueCents: 12_000_000,
    });
    const feedback = await apiPost(page, `/api/products/${productId}/feedback`, {
      customerId: customer.id,
      title: 'We lose the map in tunnels',
      body: 'Our drivers need maps without signal.',
    });
    const feature = await apiPost(page, `/api/products/${productId}/features`, { title: 'Offline maps' });
    await apiPost(page, `/api/feedback/${feedback.id}/links`, {
      featureId: feature.id,
      importance: 'critical',
    });

    // Scored in the Prioritise tab.
    await openTab('prioritise', 'Prioritise');
    await page
      .locator('.backlog-table tr[data-feature="Offline maps"]')
      .getByRole('button', { name: 'Score' })
      .click();
    const score = page.getByRole('dialog', { name: 'Score “Offline maps”' });
    await score.getByLabel('Reach').fill('800');
    await score.getByLabel('Impact').selectOption('2');
    await score.getByLabel('Confidence %').fill('80');
    await score.getByLabel('Effort').fill('2');
    await score.getByRole('button', { name: 'Save scores' }).click();
    await score.waitFor({ state: 'hidden' });

    // Placed in an initiative on the roadmap.
    await openTab('roadmap', 'Roadmap');
    await page.getByRole('button', { name: 'Add the first initiative' }).click();
    const create = page.getByRole('dialog', { name: 'New initiative' });
    await create.getByLabel('Title').fill('Work offline');
    await create.getByLabel('Planned start').fill('2026-03-02');
    await create.getByLabel('Planned finish').fill('2026-03-20');
    await create.getByRole('button', { name: 'Add initiative' }).click();
    await create.waitFor({ state: 'hidden' });
    const bar = page.locator('.roadmap-bar[data-initiative="Work offline"]');
    await bar.click();
    const edit = page.getByRole('dialog', { name: 'Initiative “Work offline”' });
    await pick(edit, 'Feature to add', 'offline', 'Offline maps');
    await edit.locator('.initiative-features .list__item', { hasText: 'Offline maps' }).waitFor();

    // Handed off: "Start a project" in the initiative.
    const handoff = edit.getByRole('region', { name: 'Start a project' });
    await handoff.getByLabel('Project name').fill('Offline maps delivery');
    await handoff.getByLabel('Project manager').selectOption({ label: owner.name });
    await handoff.getByLabel('Start date').fill('2026-03-02');
    await handoff.getByRole('button', { name: 'Start a project' }).click();
    const delivery = edit.getByRole('region', { name: 'Delivery' });
    await delivery.waitFor();
    await expect.poll(() => delivery.textContent()).toContain('On track');
    await delivery.locator('time[datetime="2026-03-06"]').waitFor();
    await delivery.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/product-flow-handoff.png' });
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => bar.locator('title').textContent()).toContain('Forecast finish 2026-03-06');
  });

  it('plans a release of the feature whose forecast follows the project', async () => {
    await openTab('releases', 'Releases');
    await page.getByRole('button', { name: 'Plan the first release' }).click();
    const dialog = page.getByRole('dialog', { name: 'New release' });
    await dialog.getByLabel('Version').fill('2.0.0');
    await dialog.getByLabel('Target date').fill('2026-03-13');
    await dialog.getByLabel('Name').fill('Spring');
    await dialog.getByRole('button', { name: 'Create release' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const release = page.getByRole('region', { name: 'Release 2.0.0' });
    await pick(release, 'Feature to add to the release', 'offline', 'Offline maps');
    await release.getByRole('listitem').filter({ hasText: 'Offline maps' }).waitFor();
    await release
      .getByRole('table', { name: 'Linked project work' })
      .getByText('Offline maps delivery')
      .waitFor();
    await expect.poll(() => page.locator('.release-card').first().textContent()).toContain('On time');
    await release.getByRole('table', { name: 'Customers to tell' }).getByText('Globex').waitFor();

    await release.getByRole('button', { name: 'Draft from features' }).click();
    await expect
      .poll(() => release.getByRole('textbox', { name: 'Release notes' }).inputValue())
      .toContain('- **Offline maps**');
    await release.getByRole('button', { name: 'Save notes' }).click();

    await release.getByRole('button', { name: 'Create launch plan' }).click();
    await release.getByText('Launch blog post').waitFor();
    await release.getByLabel('Launch blog post done').click();
    await expect.poll(() => release.locator('.badge--accent').textContent()).toMatch(/^1 of \d+ done$/);
    await page.screenshot({ path: 'test-results/product-flow-release.png', fullPage: true });
  });

  it('shows a slip of the project work on the roadmap, the initiative and the release', async () => {
    const projects = await apiSend<{ items: { id: string; name: string }[] }>(
      'GET',
      `/api/workspaces/${workspaceId}/projects`,
    );
    const project = projects.items.find((item) => item.name === 'Offline maps delivery');
    if (!project) throw new Error('The started project is not listed');
    const tasks = await apiSend<{ items: { id: string; name: string; version: number }[] }>(
      'GET',
      `/api/projects/${project.id}/tasks`,
    );
    const task = tasks.items.find((item) => item.name === 'Offline maps');
    if (!task) throw new Error('The feature has no task in the project');
    // The task slips from five to fifteen working days.
    await apiSend('PATCH', `/api/tasks/${task.id}`, { durationMinutes: 15 * 480 }, task.version);

    await openTab('roadmap', 'Roadmap');
    const bar = page.locator('.roadmap-bar[data-initiative="Work offline"]');
    await expect.poll(() => bar.locator('title').textContent()).toContain('Forecast finish 2026-03-20');
    await bar.click();
    const delivery = page
      .getByRole('dialog', { name: 'Initiative “Work offline”' })
      .getByRole('region', { name: 'Delivery' });
    await delivery.locator('time[datetime="2026-03-20"]').first().waitFor();
    await expect.poll(() => delivery.locator('time').first().getAttribute('datetime')).toBe('2026-03-20');
    // It now finishes on its planned finish: no slack left.
    await expect.poll(() => delivery.textContent()).toContain('At risk');
    await page.keyboard.press('Escape');

    await openTab('releases', 'Releases');
    await expect.poll(() => page.locator('.release-card').first().textContent()).toContain('Late by 7 days');
    await page.screenshot({ path: 'test-results/product-flow-slip.png', fullPage: true });

    await openTab('budget', 'Budget');
    await page
      .getByRole('table', { name: 'Budget by initiative' })
      .getByText('Offline maps delivery')
      .waitFor();
    await page.getByLabel('Line', { exact: true }).fill('Build team');
    await page.getByLabel('For', { exact: true }).selectOption({ label: 'Work offline' });
    await page.getByLabel('Amount', { exact: true }).fill('20000');
    await page.getByRole('button', { name: 'Add budget line' }).click();
    await page.getByRole('table', { name: 'Budget lines' }).getByText('Build team').waitFor();
    await expect
      .poll(() =>
        page.getByRole('table', { name: 'Budget by initiative' }).locator('tbody tr').first().textContent(),
      )
      .toMatch(/20,000\.00/);
    await page.screenshot({ path: 'test-results/product-flow-budget.png', fullPage: true });
    expect(scriptErrors).toEqual([]);
  });
});

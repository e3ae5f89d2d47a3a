import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiPost, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { gantt } from './harness/gantt';
import { join } from './harness/people';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const owner: Person = {
  name: 'Katherine Johnson',
  email: 'katherine@example.com',
  password: 'orbital-path-1962',
};
const manager: Person = {
  name: 'Dorothy Vaughan',
  email: 'dorothy@example.com',
  password: 'fortran-team-1961',
};
const viewer: Person = { name: 'Mary Jackson', email: 'mary@example.com', password: 'wind-tunnel-1958' };

let tandem: Tandem;
let browser: Browser;
let pm: Page;
let guest: Page;
let projectUrl: string;
let productUrl: string;
/** Writes the viewer's pages sent to the server; a read-only page must send none. */
const viewerWrites: string[] = [];

async function put(page: Page, path: string, body: unknown): Promise<void> {
  await page.evaluate(
    async ({ path, body }) => {
      const csrf = decodeURIComponent(/(?:^|; )tandem_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
      const response = await fetch(path, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`PUT ${path}: ${response.status} ${await response.text()}`);
    },
    { path, body },
  );
}

/** Opens a tab of the entity page and waits for its panel. */
async function openTab(page: Page, url: string, view: string, ready: string): Promise<void> {
  await page.goto(`${url}?view=${view}`);
  await page.locator(ready).first().waitFor();
}

const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name });

describe('what a viewer and a manager are offered in the web app', () => {
  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchChromium();
    const options = { baseURL: tandem.url, viewport: { width: 1440, height: 900 } };
    const host = await (await browser.newContext(options)).newPage();
    await host.goto('/setup');
    await ui(host).signUp(owner);
    await ui(host).createFirstWorkspace('Langley');
    const workspaceId = workspaceIdOf(host);
    pm = await (await browser.newContext(options)).newPage();
    guest = await (await browser.newContext(options)).newPage();
    await join(pm, manager, host, workspaceId, 'member');
    const mary = await join(guest, viewer, host, workspaceId, 'guest');
    // The manager creates the project and the product, and so manages both; the guest views them.
    const project = await apiPost(pm, `/api/workspaces/${workspaceId}/projects`, {
      name: 'Friendship 7',
      startDate: '2026-03-02',
    });
    const product = await apiPost(pm, `/api/workspaces/${workspaceId}/products`, {
      name: 'Trajectory tables',
    });
    for (const name of ['Compute the orbit', 'Check the re-entry']) {
      await apiPost(pm, `/api/projects/${project.id}/tasks`, { name, durationMinutes: 960 });
    }
    await apiPost(pm, `/api/products/${product.id}/features`, { title: 'Re-entry angle table' });
    await apiPost(pm, `/api/products/${product.id}/feedback`, {
      title: 'Angles by hand take too long',
      body: 'We need the re-entry angles before the launch window.',
    });
    await apiPost(pm, `/api/products/${product.id}/initiatives`, { title: 'Orbital mechanics' });
    await put(pm, `/api/projects/${project.id}/members/${mary.user.id}`, { role: 'viewer' });
    await put(pm, `/api/products/${product.id}/members/${mary.user.id}`, { role: 'viewer' });
    projectUrl = `/w/${workspaceId}/projects/${project.id}`;
    productUrl = `/w/${workspaceId}/products/${product.id}`;
    guest.on('request', (request) => {
      if (request.method() !== 'GET' && request.url().includes('/api/')) viewerWrites.push(request.url());
    });
  });

  beforeEach(() => {
    viewerWrites.length = 0;
  });
  screenshotOnFailure('permissions-viewer', () => guest);
  screenshotOnFailure('permissions-manager', () => pm);

  afterAll(async () => {
    await browser?.close();
    await tandem?.stop();
  });

  it('tells a project viewer why the project is read-only and offers no edit or delete', async () => {
    await guest.goto(projectUrl);
    await guest.getByRole('heading', { level: 1, name: 'Friendship 7' }).waitFor();
    await guest.getByTestId('view-only').waitFor();
    expect(await guest.getByRole('note').textContent()).toContain('you are a viewer');
    await guest.getByRole('heading', { name: 'Details' }).waitFor();
    expect(await button(guest, 'Edit details').count()).toBe(0);
    expect(await button(guest, 'Delete').count()).toBe(0);
    await guest.screenshot({ path: 'test-results/permissions-viewer-overview.png' });
  });

  it('lets a project viewer read the Gantt and open a task, but not drag a bar or add a task', async () => {
    await openTab(guest, projectUrl, 'gantt', '.gantt__bar');
    const chart = gantt(guest);
    expect(await guest.locator('.gantt__timeline').getAttribute('data-read-only')).toBe('');
    expect(await button(guest, 'Add task').count()).toBe(0);
    const before = await chart.barBox('Check the re-entry');
    await chart.dragBar('Check the re-entry', { days: 3 });
    // The press ends as a click: the bar is selected, not moved, and nothing is sent.
    await guest.locator('.gantt__bar--selected').waitFor();
    expect(await chart.barBox('Check the re-entry')).toEqual(before);
    await chart.row('Compute the orbit').locator('[data-column="name"]').dblclick();
    expect(await guest.locator('.gantt__editor').count()).toBe(0);
    await button(guest, 'Details').click();
    const panel = guest.getByRole('complementary', { name: 'Task Compute the orbit' });
    await panel.waitFor();
    expect(await panel.getByLabel('Name').isDisabled()).toBe(true);
    expect(await panel.getByLabel('New comment').count()).toBe(0);
    await guest.screenshot({ path: 'test-results/permissions-viewer-gantt.png' });
    expect(viewerWrites).toEqual([]);
  });

  it('lets a project viewer read the board, but not drag a card or change its columns', async () => {
    await openTab(guest, projectUrl, 'board', '.board-card');
    expect(await guest.locator('.board').getAttribute('data-read-only')).toBe('');
    expect(await button(guest, 'Columns').count()).toBe(0);
    const card = guest.locator('.board-card', { hasText: 'Compute the orbit' });
    const target = guest.locator('.board__lane').first().locator('.board-cell').nth(2);
    const from = await card.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('The card or the column is not on screen');
    await guest.mouse.move(from.x + from.width / 2, from.y + 20);
    await guest.mouse.down();
    await guest.mouse.move(from.x + from.width / 2 + 10, from.y + 30, { steps: 3 });
    await guest.mouse.move(to.x + to.width / 2, to.y + 30, { steps: 12 });
    expect(await guest.locator('.board-ghost').count()).toBe(0);
    await guest.mouse.up();
    const firstColumn = guest.locator('.board__lane').first().locator('.board-cell').first();
    await firstColumn.locator('.board-card', { hasText: 'Compute the orbit' }).waitFor();
    await guest.screenshot({ path: 'test-results/permissions-viewer-board.png' });
    expect(viewerWrites).toEqual([]);
  });

  it('shows a project viewer the risk register and the RAID log with nothing to add', async () => {
    await openTab(guest, projectUrl, 'risks', '.risks');
    await guest.getByText('No risks registered').waitFor();
    expect(await button(guest, /Register (a|the first) risk/).count()).toBe(0);
    await guest.screenshot({ path: 'test-results/permissions-viewer-risks.png' });
    await openTab(guest, projectUrl, 'raid', '.risks__toolbar');
    expect(await button(guest, /^Add /).count()).toBe(0);
    await openTab(guest, projectUrl, 'members', '[aria-label="Project members"]');
    expect(await guest.getByLabel('Add a person').count()).toBe(0);
    expect(await button(guest, /^Remove /).count()).toBe(0);
  });

  it('tells a product viewer why the product is read-only and offers no strategy or goal edits', async () => {
    await openTab(guest, productUrl, 'strategy', '.strategy-grid');
    await guest.getByTestId('view-only').waitFor();
    expect(await button(guest, 'Edit strategy').count()).toBe(0);
    await openTab(guest, productUrl, 'okrs', '#objectives-title');
    await guest.getByText('No objectives yet').waitFor();
    expect(await guest.getByLabel('New objective').isVisible()).toBe(false);
    expect(await button(guest, 'Add KPI').isVisible()).toBe(false);
    await guest.screenshot({ path: 'test-results/permissions-viewer-goals.png' });
    expect(viewerWrites).toEqual([]);
  });

  it('lets a product viewer read feedback, features, the roadmap and releases with nothing to add', async () => {
    await openTab(guest, productUrl, 'feedback', '.inbox__item');
    expect(await button(guest, 'Add feedback').count()).toBe(0);
    expect(await button(guest, 'Import CSV').count()).toBe(0);
    expect(await button(guest, 'Link to a feature').count()).toBe(0);
    await guest.screenshot({ path: 'test-results/permissions-viewer-feedback.png' });
    await openTab(guest, productUrl, 'features', '.feature-card');
    expect(await guest.getByLabel('New idea or feature').isVisible()).toBe(false);
    await guest.locator('.feature-card', { hasText: 'Re-entry angle table' }).click();
    const detail = guest.getByRole('region', { name: 'Feature Re-entry angle table' });
    await detail.waitFor();
    expect(await detail.getByLabel('Title').isDisabled()).toBe(true);
    expect(await detail.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await detail.getByRole('button', { name: 'Save feature' }).isVisible()).toBe(false);
    await openTab(guest, productUrl, 'prioritise', '.prioritise__body');
    expect(await guest.getByLabel('New feature').isVisible()).toBe(false);
    expect(await button(guest, 'Pin').count()).toBe(0);
    await openTab(guest, productUrl, 'roadmap', '.roadmap__toolbar');
    expect(await button(guest, 'New initiative').count()).toBe(0);
    expect(await button(guest, 'Share…').count()).toBe(0);
    await guest.screenshot({ path: 'test-results/permissions-viewer-roadmap.png' });
    await openTab(guest, productUrl, 'releases', '.releases__toolbar');
    expect(await button(guest, 'New release').count()).toBe(0);
    expect(await button(guest, 'Plan the first release').count()).toBe(0);
    await openTab(guest, productUrl, 'budget', '#budget-lines');
    expect(await button(guest, 'Add budget line').isVisible()).toBe(false);
    expect(viewerWrites).toEqual([]);
  });

  it('offers the product manager the controls the viewer does not get', async () => {
    await openTab(pm, productUrl, 'strategy', '.strategy-grid');
    await button(pm, 'Edit strategy').waitFor();
    await openTab(pm, productUrl, 'feedback', '.inbox__item');
    await button(pm, 'Add feedback').waitFor();
    await openTab(pm, productUrl, 'roadmap', '.roadmap__toolbar');
    await button(pm, 'New initiative').waitFor();
    await button(pm, 'Share…').waitFor();
    await openTab(pm, productUrl, 'releases', '.releases__toolbar');
    await button(pm, 'New release').waitFor();
  });

  it('offers the project manager every one of those controls', async () => {
    await pm.goto(projectUrl);
    await button(pm, 'Edit details').waitFor();
    expect(await pm.getByTestId('view-only').count()).toBe(0);
    await openTab(pm, projectUrl, 'gantt', '.gantt__bar');
    expect(await pm.locator('.gantt__timeline').getAttribute('data-read-only')).toBeNull();
    await button(pm, 'Add task').waitFor();
    const chart = gantt(pm);
    const before = await chart.barBox('Check the re-entry');
    await chart.rescheduled(() => chart.dragBar('Check the re-entry', { days: 3 }));
    expect((await chart.barBox('Check the re-entry')).x).toBeGreaterThan(before.x);
    await openTab(pm, projectUrl, 'board', '.board-card');
    await button(pm, 'Columns').waitFor();
    await openTab(pm, projectUrl, 'risks', '.risks');
    await button(pm, 'Register the first risk').waitFor();
    await openTab(pm, projectUrl, 'raid', '.risks__toolbar');
    await button(pm, 'Add issue').waitFor();
  });
});

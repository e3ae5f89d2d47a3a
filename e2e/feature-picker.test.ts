import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiPost, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { pick, seedFeatures } from './harness/feature-picker';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const owner: Person = {
  name: 'Teresa Torres',
  email: 'teresa@example.com',
  password: 'continuous-discovery-21',
};

// Enough features that the old pickers read several pages of them; the ones picked sort far from the first page.
const filler = Array.from({ length: 300 }, (_, k) => `Backlog item ${String(k + 1).padStart(3, '0')}`);
const offline = 'Offline sync for field teams';
const darkMode = 'Dark mode for reports';

let tandem: Tandem;
let browser: Browser;
let page: Page;
let productId: string;
let ids: Record<string, string>;
let featureRequests: string[] = [];

beforeAll(async () => {
  tandem = await startTandem();
  browser = await launchChromium();
  const context = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1440, height: 1000 } });
  page = await context.newPage();
  await page.goto('/setup');
  await ui(page).signUp(owner);
  await ui(page).createFirstWorkspace('Product Talk');
  await ui(page).create('Product', 'Field app');
  productId = /\/products\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
  ids = await seedFeatures(page, productId, [...filler, offline, darkMode]);
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && url.pathname === `/api/products/${productId}/features`) {
      featureRequests.push(`${url.pathname}${url.search}`);
    }
  });
});

beforeEach(() => {
  featureRequests = [];
});
screenshotOnFailure('feature-picker', () => page);

afterAll(async () => {
  await browser?.close();
  await tandem?.stop();
});

/** The limits the feature-list requests asked for. */
const limits = () =>
  featureRequests.map((path) => Number(new URL(path, 'http://x').searchParams.get('limit')));

/** Screenshots of the open picker in the light and the dark theme. */
async function shoot(name: string) {
  for (const theme of ['light', 'dark']) {
    await page.evaluate((theme) => {
      document.documentElement.dataset.theme = theme;
    }, theme);
    await page.screenshot({ path: `test-results/feature-picker-${name}-${theme}.png` });
  }
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'light';
  });
}

describe('the searching feature picker', () => {
  it('links a task to a feature found by typing part of its title, in a few small requests', async () => {
    const me = await page.evaluate(
      async () => (await (await fetch('/api/auth/me')).json()) as { user: { id: string } },
    );
    const initiative = await apiPost(page, `/api/products/${productId}/initiatives`, {
      title: 'Field work',
      plannedStart: '2026-03-02',
      plannedFinish: '2026-03-31',
    });
    await apiPost(page, `/api/initiatives/${initiative.id}/features`, { featureId: ids[darkMode] });
    const started = await apiPost<{ project: { id: string } }>(
      page,
      `/api/initiatives/${initiative.id}/start-project`,
      { name: 'Field delivery', projectManagerId: me.user.id, startDate: '2026-03-02' },
    );
    await page.goto(`/w/${workspaceIdOf(page)}/projects/${started.project.id}?view=gantt`);
    const row = page.locator('.gantt [data-column="id"]').first();
    await row.waitFor();
    await row.click();
    await page.keyboard.press('Shift+F2');
    const panel = page.getByRole('complementary', { name: `Task ${darkMode}` });
    const field = panel.getByRole('combobox', { name: 'Delivers feature' });
    // The linked feature sorts after the first page of titles: its title comes from a look-up by id.
    await expect.poll(() => field.inputValue()).toBe(darkMode);
    expect(featureRequests).toEqual([]);

    await field.click();
    await field.fill('sync for');
    const listbox = panel.getByRole('listbox', { name: 'Delivers feature' });
    await listbox.getByRole('option').filter({ hasText: offline }).waitFor();
    expect(await field.getAttribute('aria-expanded')).toBe('true');
    await shoot('task-panel');
    // The first match is under the keyboard (after the fixed "None"); the arrows move through the list and wrap.
    const activeText = async () =>
      page.locator(`[id="${await field.getAttribute('aria-activedescendant')}"]`).textContent();
    await expect.poll(activeText).toContain(offline);
    await page.keyboard.press('ArrowDown');
    await expect.poll(activeText).toBe('None');
    await page.keyboard.press('ArrowUp');
    await expect.poll(activeText).toContain(offline);
    await page.keyboard.press('Enter');
    expect(await field.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => field.inputValue()).toBe(offline);
    await expect
      .poll(async () => {
        const tasks = await page.evaluate(
          async (projectId) =>
            (await (await fetch(`/api/projects/${projectId}/tasks`)).json()) as {
              items: { featureId: string | null }[];
            },
          started.project.id,
        );
        return tasks.items[0]?.featureId;
      })
      .toBe(ids[offline]);
    // Opening the picker asks for the first titles, typing for the matches: never the whole list.
    expect(featureRequests.length).toBeGreaterThan(0);
    expect(featureRequests.length).toBeLessThanOrEqual(4);
    expect(Math.max(...limits())).toBeLessThanOrEqual(50);

    await pick(panel, 'Delivers feature', 'none', 'None');
    await expect.poll(() => field.inputValue()).toBe('None');
    await field.click();
    await page.keyboard.press('Escape');
    expect(await field.getAttribute('aria-expanded')).toBe('false');
    await expect(panel.isVisible()).resolves.toBe(true);
  });

  it('links feedback to a feature found by typing, and says when nothing matches', async () => {
    const feedback = await apiPost(page, `/api/products/${productId}/feedback`, {
      title: 'Crews lose work underground',
      body: 'Our crews work in tunnels with no signal and lose their notes.',
    });
    await page.goto(`/w/${workspaceIdOf(page)}/products/${productId}?view=feedback`);
    await page.getByRole('heading', { name: 'Crews lose work underground' }).waitFor();
    await page.getByRole('button', { name: 'Link to a feature' }).click();
    const triage = page.getByRole('form', { name: 'Link to a feature' });
    const field = triage.getByRole('combobox', { name: 'Feature' });
    await field.click();
    await field.fill('no such feature');
    await triage.getByText('No feature matches').waitFor();
    // The fixed choice stays offered whatever is typed.
    await triage.getByRole('option', { name: 'New feature…' }).waitFor();
    await shoot('triage-empty');
    await page.keyboard.press('Escape');

    await pick(triage, 'Feature', 'OFFLINE', offline);
    await expect.poll(() => field.inputValue()).toBe(offline);
    await triage.getByRole('button', { name: 'Link to feature' }).click();
    await page.locator('.link-list__item', { hasText: offline }).waitFor();
    const saved = await page.evaluate(
      async (id) => (await (await fetch(`/api/feedback/${id}`)).json()) as { links: { featureId: string }[] },
      feedback.id,
    );
    expect(saved.links.map((link) => link.featureId)).toEqual([ids[offline]]);
    expect(featureRequests.length).toBeLessThanOrEqual(6);
    expect(Math.max(...limits())).toBeLessThanOrEqual(50);
  });

  it("names a KPI's linked features by asking for those ids only, and links another by typing", async () => {
    const kpi = await apiPost(page, `/api/products/${productId}/kpis`, {
      name: 'Offline notes kept',
      featureIds: [ids[darkMode]],
    });
    await page.goto(`/w/${workspaceIdOf(page)}/products/${productId}?view=okrs`);
    const card = page.getByRole('article', { name: 'KPI Offline notes kept' });
    await card.getByText(darkMode, { exact: true }).waitFor();
    expect(featureRequests).toHaveLength(1);
    expect(new URL(featureRequests[0] ?? '', 'http://x').searchParams.get('ids')).toBe(ids[darkMode]);

    const label = 'Link a feature to Offline notes kept';
    const field = card.getByRole('combobox', { name: label });
    await field.click();
    // A feature already linked is not offered again.
    await field.fill('dark mode');
    await card.getByText('No feature matches').waitFor();
    await page.keyboard.press('Escape');
    await pick(card, label, 'sync for field', offline);
    await card.getByText(offline, { exact: true }).waitFor();
    await expect.poll(() => field.inputValue()).toBe('');
    const saved = await page.evaluate(
      async (id) => (await (await fetch(`/api/kpis/${id}`)).json()) as { featureIds: string[] },
      kpi.id,
    );
    expect(saved.featureIds.sort()).toEqual([ids[darkMode], ids[offline]].sort());
    expect(featureRequests.length).toBeLessThanOrEqual(6);
    expect(Math.max(...limits())).toBeLessThanOrEqual(200);
  });
});

import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPost } from './harness/api';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { join } from './harness/people';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const owner: Person = { name: 'Marty Cagan', email: 'marty@example.com', password: 'inspired-products-2008' };
const body = 'We love it. Please add export to PDF for our board packs.';

let tandem: Tandem;
let browser: Browser;
let page: Page;
let productUrl: string;
let productId: string;
const scriptErrors: string[] = [];

/** Selects a passage of the feedback text with the mouse, from its first to its last character, as a person would. */
async function selectPassage(passage: string): Promise<void> {
  const box = await page.getByTestId('feedback-body').evaluate((element, text) => {
    const node = Array.from(element.childNodes).find((child) => child.textContent?.includes(text));
    if (!node || node.nodeType !== Node.TEXT_NODE)
      throw new Error(`"${text}" is not plain text of the feedback`);
    const start = (node.textContent ?? '').indexOf(text);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + text.length);
    const rects = Array.from(range.getClientRects());
    const first = rects[0];
    const last = rects.at(-1);
    if (!first || !last) throw new Error('the passage is not laid out');
    return {
      x1: first.left + 1,
      y1: first.top + first.height / 2,
      x2: last.right - 1,
      y2: last.top + last.height / 2,
    };
  }, passage);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

describe('product discovery in the web app', () => {
  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchChromium();
    const context = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1440, height: 960 } });
    page = await context.newPage();
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await page.goto('/setup');
    await ui(page).signUp(owner);
    await ui(page).createFirstWorkspace('SVPG');
    await ui(page).create('Product', 'Atlas');
    productUrl = new URL(page.url()).pathname;
    productId = productUrl.split('/').at(-1) ?? '';
  });

  afterAll(async () => {
    await browser?.close();
    await tandem?.stop();
  });

  screenshotOnFailure('product-discovery', () => page);

  it('adds a customer from the Customers page', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    await page.getByRole('button', { name: 'Add customer' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Acme Corp');
    await dialog.getByLabel('Segment').fill('Enterprise');
    await dialog.getByLabel('Yearly revenue').fill('120000');
    await dialog.getByLabel('Tier').selectOption('strategic');
    await dialog.getByRole('button', { name: 'Add customer' }).click();
    const row = page.getByRole('row', { name: /Acme Corp/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('120,000');
  });

  it('adds feedback, highlights a passage and links it to a new feature', async () => {
    await page.goto(`${productUrl}?view=feedback`);
    await page.getByRole('tab', { name: 'Feedback' }).waitFor();
    await page.getByRole('button', { name: 'Add feedback' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Board packs');
    await dialog.getByLabel('What they said').fill(body);
    await dialog.getByLabel('Customer').selectOption({ label: 'Acme Corp' });
    await dialog.getByRole('button', { name: 'Add feedback' }).click();
    await page.getByRole('heading', { name: 'Board packs' }).waitFor();

    await selectPassage('export to PDF');
    const triage = page.getByRole('form', { name: 'Link to a feature' });
    await triage.waitFor();
    expect(await triage.locator('blockquote').textContent()).toBe('“export to PDF”');
    const picker = triage.getByRole('combobox', { name: 'Feature' });
    await picker.click();
    await triage.getByRole('option', { name: 'New feature…' }).click();
    await triage.getByLabel('New feature title').fill('PDF export');
    await triage.getByLabel('Importance').selectOption('critical');
    await triage.getByRole('button', { name: 'Link to feature' }).click();

    const linked = page.locator('.link-list__item', { hasText: 'PDF export' });
    await linked.waitFor();
    expect(await linked.textContent()).toContain('Critical');
    expect(await page.getByTestId('feedback-body').locator('mark').textContent()).toBe('export to PDF');
  });

  it("shows the feature's demand on the Features pipeline and in the feature", async () => {
    await page.goto(`${productUrl}?view=features`);
    await page.getByRole('tab', { name: 'Features' }).waitFor();
    const card = page.locator('.feature-card', { hasText: 'PDF export' });
    await card.waitFor();
    // A strategic customer (×3) calling it critical (×3).
    expect((await card.textContent())?.replace(/\s+/g, ' ')).toContain('1 customer120,000 revenuescore 9');
    await card.click();
    const stats = page.locator('.demand-stats');
    await stats.waitFor();
    const values = await stats.locator('.demand-stat__value').allTextContents();
    expect(values).toEqual(['1', '1', '120,000', '9']);
    await page
      .getByRole('complementary', { name: 'Demand and requests' })
      .getByText('“export to PDF”')
      .waitFor();
  });

  it('shows on the Customers page what the customer asked for', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('button', { name: 'Acme Corp', exact: true }).click();
    const asked = page.getByRole('list', { name: 'What Acme Corp asked for' });
    await asked.waitFor();
    expect(await asked.textContent()).toContain('PDF export');
  });

  it('tells a guest who opens the Customers address that customers are not shared with them', async () => {
    const workspaceId = productUrl.split('/')[2] ?? '';
    const context = await browser.newContext({ baseURL: tandem.url });
    const guestPage = await context.newPage();
    const guest: Person = {
      name: 'Guest Reader',
      email: 'guest.reader@example.com',
      password: 'only-a-guest-2026',
    };
    await join(guestPage, guest, page, workspaceId, 'guest');
    await guestPage.goto(`/w/${workspaceId}/customers`);
    await guestPage.getByRole('heading', { name: 'Customers are not shared with you' }).waitFor();
    expect(await guestPage.getByText('Acme Corp').count()).toBe(0);
    expect(await guestPage.getByRole('alert').count()).toBe(0);
    await context.close();
  });

  it('reads the goals: key-result progress and a KPI chart with its target', async () => {
    const objective = await apiPost(page, `/api/products/${productId}/objectives`, {
      title: 'Win enterprise accounts',
      period: '2026-Q4',
    });
    await apiPost(page, `/api/objectives/${objective.id}/key-results`, {
      title: 'Enterprise logos',
      startValue: 10,
      targetValue: 30,
      currentValue: 20,
    });
    const kpi = await apiPost(page, `/api/products/${productId}/kpis`, {
      name: 'Weekly active teams',
      unit: 'teams',
      target: 400,
    });
    for (const [at, value] of [
      ['2026-08-03', 250],
      ['2026-09-07', 310],
      ['2026-10-05', 370],
    ] as const) {
      await apiPost(page, `/api/kpis/${kpi.id}/measurements`, { at, value });
    }
    await page.goto(`${productUrl}?view=okrs`);
    await page.getByRole('tab', { name: 'Goals' }).waitFor();
    const progress = page.getByRole('progressbar', { name: 'Progress of Win enterprise accounts' });
    await progress.waitFor();
    expect(await progress.getAttribute('aria-valuenow')).toBe('50');
    await page
      .getByRole('img', { name: 'Weekly active teams over time against its target' })
      .locator('svg')
      .waitFor();
    expect(scriptErrors).toEqual([]);
  });

  it('pages through many features and much feedback with Load more, and searches them on the server', async () => {
    // Seeded straight into the database: 130 features and 60 pieces of feedback are data, not what this is about.
    const client = new pg.Client({ connectionString: tandem.server.database.connectionString });
    await client.connect();
    try {
      await client.query(
        `insert into features (id, workspace_id, product_id, title, rank)
         select 'fea_bulk_' || i, p.workspace_id, p.id, 'Bulk feature ' || i, lpad(i::text, 12, '0')
         from products p, generate_series(1, 130) i where p.id = $1`,
        [productId],
      );
      await client.query(
        `insert into feedback (id, workspace_id, product_id, title, received_at)
         select 'fbk_bulk_' || i, p.workspace_id, p.id, 'Bulk note ' || i, '2026-01-01'::timestamptz + make_interval(hours => i)
         from products p, generate_series(1, 60) i where p.id = $1`,
        [productId],
      );
    } finally {
      await client.end();
    }
    await page.goto(`${productUrl}?view=features`);
    await page.getByRole('button', { name: 'List by demand' }).click();
    const rows = page.getByRole('table', { name: 'Features by demand' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(100);
    // Most demanded first: the one feature customers asked for heads the list.
    expect(await rows.first().textContent()).toContain('PDF export');
    await page.getByRole('button', { name: 'Load more features' }).click();
    await expect.poll(() => rows.count()).toBe(131);
    expect(await page.getByRole('button', { name: 'Load more features' }).count()).toBe(0);
    await page.getByLabel('Search features').fill('Bulk feature 13');
    await expect.poll(() => rows.count()).toBe(2);

    await page.goto(`${productUrl}?view=feedback`);
    const inbox = page.getByRole('navigation', { name: 'Feedback inbox' });
    const notes = inbox.locator('.inbox__item');
    await expect.poll(() => notes.count()).toBe(50);
    await inbox.getByRole('button', { name: 'Load more feedback' }).click();
    // The sixty and the customer's note from the start.
    await expect.poll(() => notes.count()).toBe(61);
    await page.getByLabel('Search feedback').fill('Bulk note 17');
    await expect.poll(() => notes.count()).toBe(1);
    expect(scriptErrors).toEqual([]);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPost, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { pick } from './harness/feature-picker';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const owner: Person = { name: 'Marty Cagan', email: 'marty@example.com', password: 'inspired-products-2008' };

let tandem: Tandem;
let browser: Browser;
let page: Page;
let productUrl: string;
const scriptErrors: string[] = [];

/** The feature titles of the ranked backlog, top to bottom. */
async function rankedTitles(): Promise<string[]> {
  return (await page.locator('.backlog-table tbody tr .link-button').allTextContents()).map((title) =>
    title.trim(),
  );
}

/** Scores a feature by RICE through its dialog, as a product manager would. */
async function scoreRice(
  title: string,
  rice: { reach: string; impact: string; confidence: string; effort: string },
) {
  await page
    .locator(`.backlog-table tr[data-feature="${title}"]`)
    .getByRole('button', { name: 'Score' })
    .click();
  const dialog = page.getByRole('dialog', { name: `Score “${title}”` });
  await dialog.getByLabel('Reach').fill(rice.reach);
  await dialog.getByLabel('Impact').selectOption(rice.impact);
  await dialog.getByLabel('Confidence %').fill(rice.confidence);
  await dialog.getByLabel('Effort').fill(rice.effort);
  await expect.poll(() => dialog.locator('.score-preview').textContent()).toContain('=');
  await dialog.getByRole('button', { name: 'Save scores' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('prioritising and the roadmap in the web app', () => {
  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchChromium();
    const context = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await page.goto('/setup');
    await ui(page).signUp(owner);
    await ui(page).createFirstWorkspace('Silicon Valley Product Group');
    const workspaceId = workspaceIdOf(page);
    const product = await apiPost(page, `/api/workspaces/${workspaceId}/products`, { name: 'Atlas' });
    for (const title of ['Dark mode', 'Offline maps', 'Team spaces']) {
      await apiPost(page, `/api/products/${product.id}/features`, { title });
    }
    productUrl = `/w/${workspaceId}/products/${product.id}`;
  });

  screenshotOnFailure('roadmap', () => page);

  afterAll(async () => {
    await browser?.close();
    await tandem?.stop();
  });

  it('ranks the backlog by a score given in the dialog, each score explained', async () => {
    await page.goto(`${productUrl}?view=prioritise`);
    await page.getByRole('tab', { name: 'Prioritise' }).waitFor();
    await expect.poll(rankedTitles).toEqual(['Dark mode', 'Offline maps', 'Team spaces']);
    await scoreRice('Offline maps', { reach: '2000', impact: '2', confidence: '80', effort: '4' });
    await expect.poll(rankedTitles).toEqual(['Offline maps', 'Dark mode', 'Team spaces']);
    await expect
      .poll(() =>
        page.locator('.backlog-table tr[data-feature="Offline maps"] .backlog-table__why').textContent(),
      )
      .toContain('2,000 × 2 × 0.8 ÷ 4 = 800');
    await scoreRice('Team spaces', { reach: '5000', impact: '3', confidence: '100', effort: '2' });
    await expect.poll(rankedTitles).toEqual(['Team spaces', 'Offline maps', 'Dark mode']);
  });

  it('puts the feature in an initiative and shows the initiative on the roadmap timeline', async () => {
    await page.goto(`${productUrl}?view=roadmap`);
    await page.getByRole('button', { name: 'Add the first initiative' }).click();
    const create = page.getByRole('dialog', { name: 'New initiative' });
    await create.getByLabel('Title').fill('Go mobile');
    await create.getByLabel('Theme').fill('Reach');
    await create.getByLabel('Planned start').fill('2026-12-01');
    await create.getByLabel('Planned finish').fill('2027-02-26');
    await create.getByRole('button', { name: 'Add initiative' }).click();
    await create.waitFor({ state: 'hidden' });

    const bar = page.locator('.roadmap-bar[data-initiative="Go mobile"]');
    await bar.waitFor();
    await bar.click();
    const edit = page.getByRole('dialog', { name: 'Initiative “Go mobile”' });
    await pick(edit, 'Feature to add', 'offline', 'Offline maps');
    await edit.locator('.initiative-features .list__item', { hasText: 'Offline maps' }).waitFor();
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => bar.locator('title').textContent()).toContain('1 feature');

    await page.getByLabel('Lanes by').selectOption('theme');
    await page.locator('.roadmap-timeline text', { hasText: 'Reach' }).first().waitFor();

    await page.getByRole('tab', { name: 'Now / Next / Later' }).click();
    await page.getByRole('region', { name: 'Next' }).getByText('Go mobile').waitFor();

    await page.goto(`${productUrl}?view=prioritise`);
    await expect
      .poll(() => page.locator('.backlog-table tr[data-feature="Offline maps"] td').nth(4).textContent())
      .toBe('Go mobile');
    expect(scriptErrors).toEqual([]);
  });

  it('exports the timeline as a PNG and shares it read-only through a link that can be revoked', async () => {
    await page.goto(`${productUrl}?view=roadmap`);
    await page.locator('.roadmap-bar[data-initiative="Go mobile"]').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(1, 4).toString()).toBe('PNG');

    await page.getByRole('button', { name: 'Share…' }).click();
    const share = page.getByRole('dialog', { name: 'Share the roadmap' });
    await share.getByRole('button', { name: 'Create link' }).click();
    const url = (await share.locator('.share-url').textContent()) ?? '';
    const stakeholder = await browser.newPage();
    await stakeholder.goto(url);
    await stakeholder.locator('.roadmap-bar[data-initiative="Go mobile"]').waitFor();
    await share.getByRole('button', { name: 'Revoke' }).click();
    await share.getByText('revoked').waitFor();
    await stakeholder.reload();
    await stakeholder.getByText('This link does not open anything').waitFor();
    await stakeholder.close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPost, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const manager: Person = {
  name: 'Katherine Johnson',
  email: 'katherine@example.com',
  password: 'trajectory-1961-go',
};

let tandem: Tandem;
let browser: Browser;
let page: Page;
let projectUrl: string;

/** Domain verbs of the Reports tab. */
const reports = (page: Page) => ({
  async open() {
    await page.goto(`${projectUrl}?view=reports`);
    await page.getByRole('heading', { name: 'Status reports', exact: true }).waitFor();
  },
  async startDraft(title: string) {
    await page
      .getByRole('button', { name: /New report|Write the first report/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Period start').fill('2026-03-02');
    await dialog.getByLabel('Period finish').fill('2026-03-13');
    await dialog.getByRole('button', { name: 'Create draft' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Draft', exact: true }).waitFor();
  },
  row(dimension: string) {
    return page.locator(`.rag-editor__row[data-dimension="${dimension}"]`);
  },
  async choose(dimension: string, colour: string) {
    await this.row(dimension).getByText(colour, { exact: true }).click();
  },
});

describe('status reports in the web app', () => {
  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchChromium();
    page = await (
      await browser.newContext({ baseURL: tandem.url, viewport: { width: 1440, height: 1000 } })
    ).newPage();
    await page.goto('/setup');
    await ui(page).signUp(manager);
    await ui(page).createFirstWorkspace('Flight Research');
    const workspaceId = workspaceIdOf(page);
    const project = await apiPost(page, `/api/workspaces/${workspaceId}/projects`, {
      name: 'Friendship 7',
      startDate: '2026-03-02',
    });
    const build = await apiPost(page, `/api/projects/${project.id}/tasks`, {
      name: 'Orbit equations',
      durationMinutes: 2400,
    });
    const launch = await apiPost(page, `/api/projects/${project.id}/tasks`, {
      name: 'Launch',
      durationMinutes: 0,
      isMilestone: true,
      deadline: '2026-03-06T17:00',
    });
    await apiPost(page, `/api/projects/${project.id}/links`, {
      predecessorId: build.id,
      successorId: launch.id,
      type: 'FS',
    });
    await apiPost(page, `/api/projects/${project.id}/risks`, {
      title: 'Heat shield loose',
      probability: 4,
      impact: 5,
    });
    projectUrl = `/w/${workspaceId}/projects/${project.id}`;
  });

  screenshotOnFailure('reports', () => page, { fullPage: true });

  afterAll(async () => {
    await browser?.close();
    await tandem?.stop();
  });

  it('publishes a report, opens it by its link without signing in, and sees it gone once revoked', async () => {
    const tab = reports(page);
    await tab.open();
    await tab.startDraft('Week 10 update');
    // One high open risk: the figures suggest amber for risk.
    await expect.poll(() => tab.row('risk').locator('.rag').textContent()).toBe('Amber');
    await tab.choose('cost', 'Red');
    const publish = page.getByRole('button', { name: 'Publish…' });
    expect(await publish.isDisabled()).toBe(true);
    await page.getByLabel('Cost reason').fill('Contractor overtime not yet booked');
    await page
      .getByLabel('Narrative', { exact: true })
      .fill('## Highlights\n- **Orbit equations** checked by hand');
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page.locator('.report-editor__preview strong', { hasText: 'Orbit equations' }).waitFor();
    await page.screenshot({ path: 'test-results/reports-editor.png', fullPage: true });
    await publish.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.locator('.badge', { hasText: 'Published' }).waitFor();
    const costRow = page.locator('.rag-table tr[data-dimension="cost"]');
    expect(await costRow.textContent()).toContain('Contractor overtime not yet booked');
    expect(
      await page.locator('.reports__item', { hasText: 'Week 10 update' }).locator('.rag-dots__dot').count(),
    ).toBe(5);

    await page.getByLabel('Link label').fill('Mission control');
    await page.getByRole('button', { name: 'Create link' }).click();
    const url = (await page.getByTestId('share-url').textContent()) ?? '';
    expect(url).toMatch(/\/s\/tds_/);
    await page.screenshot({ path: 'test-results/reports-published.png', fullPage: true });
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await page.screenshot({ path: 'test-results/reports-published-dark.png' });
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));

    const stakeholder = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const guest = await stakeholder.newPage();
    await guest.goto(url);
    await guest.getByRole('heading', { name: 'Week 10 update' }).waitFor();
    expect(await guest.locator('.rag-table tr[data-dimension="cost"]').textContent()).toContain('Red');
    expect(await guest.getByText('Orbit equations').first().isVisible()).toBe(true);
    expect(await guest.getByText('Friendship 7', { exact: false }).first().isVisible()).toBe(true);
    await guest.screenshot({ path: 'test-results/reports-shared.png', fullPage: true });
    const pdf = await guest.request.get(
      new URL(`${new URL(url).pathname.replace('/s/', '/api/shared/')}/pdf`, url).href,
    );
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText(/^Revoked/).waitFor();
    await guest.reload();
    await guest.getByRole('heading', { name: 'This link does not open anything' }).waitFor();
    expect(await guest.getByText('Week 10 update').count()).toBe(0);
    await stakeholder.close();
  });
});

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

// A real file MS Project computed: 108 tasks, 118 links, resources and assignments, finishing 2014-03-27 17:00.
const corpusFile = fileURLToPath(
  new URL(
    '../../shared/corpus/mpp-converted/aspose-net-data/Residential_Construction.mspdi.xml',
    import.meta.url,
  ),
);
const hasCorpus = existsSync(corpusFile);
const savedFinish = '2014-03-27 17:00';

const planner: Person = {
  name: 'Lillian Gilbreth',
  email: 'lillian@example.com',
  password: 'motion-study-1911',
};

let tandem: Tandem;
let browser: Browser;
let page: Page;

if (!hasCorpus) {
  describe('importing an MS Project file in the web app', () => {
    it.skip(`needs the corpus file ${corpusFile}, which is absent on this machine`, () => {});
  });
}

describe.skipIf(!hasCorpus)('importing an MS Project file in the web app', () => {
  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchChromium();
    const context = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    await page.goto('/setup');
    await ui(page).signUp(planner);
    await ui(page).createFirstWorkspace('Builders');
  });

  screenshotOnFailure('import', () => page);

  afterAll(async () => {
    await browser?.close();
    await tandem?.stop();
  });

  it('imports the file from the projects page and opens its Gantt', async () => {
    await ui(page).navigate('Projects');
    await page.getByRole('button', { name: 'Import from MS Project' }).click();
    await page.getByLabel('MS Project XML file').setInputFiles(corpusFile);
    // The dialog follows the job over the live stream rather than asking for it again and again.
    const streams: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/events?')) streams.push(request.url());
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/projects\/prj_[^/?]+\?view=gantt/);
    expect(streams.length).toBeGreaterThan(0);
    await page.locator('.gantt').waitFor();
    await expect
      .poll(() => page.locator('.gantt__grid [data-column="name"]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('General Conditions')]));
  });

  it('schedules it to the finish MS Project saved in the file', async () => {
    await page.getByRole('tab', { name: 'Baselines' }).click();
    await page.getByLabel('Name').fill('As imported');
    await page.getByRole('button', { name: 'Save baseline' }).click();
    const row = page
      .getByRole('table', { name: 'Saved baselines' })
      .getByRole('row', { name: /As imported/ });
    await expect.poll(() => row.textContent()).toContain(savedFinish);
  });

  it('saves the plan as a template and starts a new project from it', async () => {
    await page.getByRole('tab', { name: 'Import & export' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('House template');
    await page.getByRole('button', { name: 'Save as template' }).click();
    await page.waitForURL(/\/projects\/prj_[^/?]+\?view=gantt/);
    await ui(page).navigate('Projects');
    const listed = () => page.locator('.table__row', { hasText: 'House template' }).count();
    await page.locator('.table__row').first().waitFor();
    expect(await listed()).toBe(0);
    await page.getByLabel('Show').selectOption('templates');
    await expect.poll(listed).toBe(1);
    await page.getByRole('button', { name: 'New project' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Second house');
    await dialog.getByLabel('Start from').selectOption({ label: 'Template: House template' });
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/prj_/);
    await page.getByRole('tab', { name: 'Gantt' }).click();
    await expect
      .poll(() => page.locator('.gantt__grid [data-column="name"]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('General Conditions')]));
  });

  it('still finishes an import when the live stream is unavailable, reading the job instead', async () => {
    await ui(page).navigate('Projects');
    const before = page.url();
    await page.route('**/api/events?**', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    try {
      await page.getByRole('button', { name: 'Import from MS Project' }).click();
      await page.getByLabel('MS Project XML file').setInputFiles(corpusFile);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.waitForURL(
        (url) => /\/projects\/prj_[^/?]+\?view=gantt/.test(url.href) && url.href !== before,
      );
      await expect
        .poll(() => page.locator('.gantt__grid [data-column="name"]').allTextContents())
        .toEqual(expect.arrayContaining([expect.stringContaining('General Conditions')]));
    } finally {
      await page.unroute('**/api/events?**');
    }
  });
});

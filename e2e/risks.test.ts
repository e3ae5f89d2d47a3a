import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPost, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const manager: Person = {
  name: 'Margaret Hamilton',
  email: 'margaret@example.com',
  password: 'priority-displays-1969',
};

let tandem: Tandem;
let browser: Browser;
let page: Page;
let projectUrl: string;

/** Polls a reading until it matches, with room for a busy machine (expect.poll alone gives up after a second). */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });

/** Domain verbs of the Risks and RAID log tabs. */
const register = (page: Page) => ({
  async open() {
    await page.goto(`${projectUrl}?view=risks`);
    await page
      .getByRole('heading', { name: 'Heat map' })
      .or(page.getByText('No risks registered'))
      .first()
      .waitFor();
  },
  /** Registers a risk through the form, choosing probability and impact by their numbers. */
  async add(title: string, probability: number, impact: number, category: string) {
    await page
      .getByRole('button', { name: /Register (a|the first) risk/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Category').fill(category);
    await dialog.getByLabel('Probability', { exact: true }).selectOption({ value: String(probability) });
    await dialog.getByLabel('Impact', { exact: true }).selectOption({ value: String(impact) });
    await dialog.getByLabel('Owner').selectOption({ label: manager.name });
    await dialog.getByRole('button', { name: 'Add risk' }).click();
    await dialog.waitFor({ state: 'hidden' });
  },
  cell(probability: number, impact: number) {
    return page.locator(`.heat-map__cell[data-probability="${probability}"][data-impact="${impact}"]`);
  },
  rows() {
    return page.getByRole('table', { name: 'Risk register' }).locator('tbody tr');
  },
});

describe('the risk register and RAID log in the web app', () => {
  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchChromium();
    page = await (
      await browser.newContext({ baseURL: tandem.url, viewport: { width: 1440, height: 1000 } })
    ).newPage();
    await page.goto('/setup');
    await ui(page).signUp(manager);
    await ui(page).createFirstWorkspace('Apollo Guidance');
    const workspaceId = workspaceIdOf(page);
    const project = await apiPost(page, `/api/workspaces/${workspaceId}/projects`, {
      name: 'Lunar module software',
      startDate: '2026-03-02',
    });
    projectUrl = `/w/${workspaceId}/projects/${project.id}`;
  });

  screenshotOnFailure('risks', () => page, { fullPage: true });

  afterAll(async () => {
    await browser?.close();
    await tandem?.stop();
  });

  it('registers a risk through the form and shows it on the heat map in its cell', async () => {
    const risks = register(page);
    await risks.open();
    await risks.add('Executive overflow during landing', 4, 5, 'Technical');
    await risks.add('Rendezvous radar left on', 3, 2, 'Operations');
    // Each save refreshes the heat map; wait for the second one to arrive.
    await eventually(() => risks.cell(3, 2).getAttribute('data-count')).toBe('1');
    await eventually(() => risks.cell(4, 5).getAttribute('data-count')).toBe('1');
    expect(await risks.cell(4, 5).textContent()).toBe('1');
    expect(await risks.cell(5, 5).getAttribute('data-count')).toBe('0');
    await eventually(() => risks.rows().count()).toBe(2);
    // The first row is the highest score, with its band.
    await eventually(() => risks.rows().first().locator('.score-chip').textContent()).toBe('20');
    expect(await risks.rows().first().locator('.score-chip--high').count()).toBe(1);

    await risks.cell(3, 2).click();
    await eventually(() => risks.rows().count()).toBe(1);
    expect(await risks.rows().first().textContent()).toContain('Rendezvous radar left on');
    await risks.cell(3, 2).click();
    await eventually(() => risks.rows().count()).toBe(2);
    await page.screenshot({ path: 'test-results/risks-register.png', fullPage: true });
  });

  it('plans a mitigation action as a task of the plan from the risk', async () => {
    await page.getByRole('button', { name: 'Executive overflow during landing' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('New action task').fill('Shed low-priority jobs under load');
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await dialog.getByText('Shed low-priority jobs under load').waitFor();
    await page.screenshot({ path: 'test-results/risks-dialog.png', fullPage: true });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.goto(`${projectUrl}?view=list`);
    await page.getByText('Shed low-priority jobs under load').first().waitFor();
  });

  it('marks a risk occurred and finds its issue in the RAID log', async () => {
    const risks = register(page);
    await risks.open();
    await page.getByRole('button', { name: 'Executive overflow during landing' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Mark as occurred → raise issue' }).click();
    await dialog.getByRole('button', { name: 'Raise issue' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // It left the open register and the heat map.
    await eventually(() => risks.cell(4, 5).getAttribute('data-count')).toBe('0');

    await page.getByRole('tab', { name: 'RAID log' }).click();
    const log = page.getByRole('table', { name: 'RAID log' });
    await log.waitFor();
    const row = log.locator('tbody tr', { hasText: 'Executive overflow during landing' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Issue');
    expect(await row.textContent()).toContain('From a risk that occurred');
    await page.getByRole('tab', { name: 'Decisions' }).click();
    await page.getByText('Nothing in the log here').waitFor();
    await page.getByRole('tab', { name: 'Issues' }).click();
    await row.waitFor();
    await page.screenshot({ path: 'test-results/risks-raid-log.png', fullPage: true });
  });
  it('resizes the heat map with the project scale and refuses a scale that would strand a risk', async () => {
    const risks = register(page);
    await risks.open();
    await page.getByRole('button', { name: 'Scale…' }).click();
    const dialog = page.getByRole('dialog');
    const probability = dialog.getByRole('group', { name: 'Probability' });
    await probability.getByLabel('Highest').fill('6');
    await probability
      .getByLabel('Labels, lowest first')
      .fill('Rare, Unlikely, Possible, Likely, Probable, Certain');
    await dialog.getByRole('button', { name: 'Save scale' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(() => page.locator('.heat-map__cell').count()).toBe(30);
    await page.getByText('Certain', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Scale…' }).click();
    await probability.getByLabel('Highest').fill('2');
    await probability.getByLabel('Labels, lowest first').fill('Unlikely, Likely');
    await dialog.getByRole('button', { name: 'Save scale' }).click();
    await dialog.getByText(/re-score them first/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('.heat-map__cell').count()).toBe(30);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPost, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const controller: Person = {
  name: 'Henry Gantt',
  email: 'henry@example.com',
  password: 'bars-over-time-1917',
};

let tandem: Tandem;
let browser: Browser;
let page: Page;
let workspaceId: string;
let projectId: string;

/** Sends a write of any method from inside the page, as the web app would. */
function apiCall(method: string, path: string, body: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const csrf = /(?:^|; )tandem_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.status === 204 ? null : response.json();
    },
    { method, path, body },
  );
}

/** Domain verbs of the Cost tab and the Dashboard. */
const cost = {
  async open(view: 'cost' | 'dashboard') {
    await page.goto(`/w/${workspaceId}/projects/${projectId}?view=${view}`);
    await page.getByRole('tab', { name: view === 'cost' ? 'Cost' : 'Dashboard' }).waitFor();
  },
  async addBudgetLine(line: { name: string; category: string; for: string; amount: string }) {
    const form = page.getByRole('form', { name: 'Add a budget line' });
    await form.getByLabel('Name').fill(line.name);
    await form.getByLabel('Category').selectOption({ label: line.category });
    await form.getByLabel('For').selectOption({ label: line.for });
    await form.getByLabel('Amount').fill(line.amount);
    await form.getByRole('button', { name: 'Add line' }).click();
    await page
      .getByRole('table', { name: 'Budget lines' })
      .getByRole('cell', { name: line.name, exact: true })
      .waitFor();
  },
  async addExpense(expense: { day: string; category: string; amount: string; note: string }) {
    const form = page.getByRole('form', { name: 'Record an expense' });
    await form.getByLabel('Day').fill(expense.day);
    await form.getByLabel('Category').selectOption({ label: expense.category });
    await form.getByLabel('Amount').fill(expense.amount);
    await form.getByLabel('Note').fill(expense.note);
    await form.getByRole('button', { name: 'Record expense' }).click();
    await page
      .getByRole('table', { name: 'Expenses' })
      .getByRole('cell', { name: expense.note, exact: true })
      .waitFor();
  },
  /** The value of one row of the earned value table. */
  indicator(label: string) {
    return page
      .getByRole('table', { name: 'Earned value' })
      .getByRole('row', { name: new RegExp(`^${label}`) });
  },
};

describe('budget, expenses and earned value in the web app', () => {
  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchChromium();
    page = await (
      await browser.newContext({
        baseURL: tandem.url,
        viewport: { width: 1440, height: 1000 },
        locale: 'en-US',
      })
    ).newPage();
    await page.goto('/setup');
    await ui(page).signUp(controller);
    await ui(page).createFirstWorkspace('Gantt & Co');
    workspaceId = workspaceIdOf(page);
    // A week of design and two weeks of build from Monday 2nd March; the status date is Friday 6th.
    const project = await apiPost<{ id: string; version: number }>(
      page,
      `/api/workspaces/${workspaceId}/projects`,
      {
        name: 'Workshop',
        startDate: '2026-03-02',
      },
    );
    projectId = project.id;
    await apiCall('PATCH', `/api/projects/${projectId}`, {
      statusDate: '2026-03-06',
      version: project.version,
    });
    const design = await apiPost<{ id: string; version: number }>(page, `/api/projects/${projectId}/tasks`, {
      name: 'Design',
      durationMinutes: 2400,
    });
    await apiPost(page, `/api/projects/${projectId}/tasks`, { name: 'Build', durationMinutes: 4800 });
    await apiCall('PATCH', `/api/tasks/${design.id}`, { percentComplete: 80, version: design.version });
  });

  screenshotOnFailure('cost', () => page, { fullPage: true });

  afterAll(async () => {
    await browser?.close();
    await tandem?.stop();
  });

  it('adds a budget line and an expense and sees earned value follow', async () => {
    await cost.open('cost');
    await cost.addBudgetLine({ name: 'Design team', category: 'Labour', for: '1 Design', amount: '5,000' });
    await expect.poll(() => page.getByTestId('bac').textContent()).toBe('5,000.00');
    // PV: Design is wholly planned by Friday 6th, its $5,000 line with it; EV: 80 % of it is done.
    await expect.poll(() => cost.indicator('Planned value').textContent()).toContain('5,000.00');
    await expect.poll(() => cost.indicator('Earned value').textContent()).toContain('4,000.00');
    await expect.poll(() => cost.indicator('Actual cost').textContent()).toContain('0.00');
    await cost.addExpense({
      day: '2026-03-04',
      category: 'Materials',
      amount: '1500',
      note: 'Drawing boards',
    });
    // AC $1,500; CPI = 4,000 / 1,500 = 2.67; SPI = 4,000 / 5,000 = 0.80.
    await expect.poll(() => cost.indicator('Actual cost').textContent()).toContain('1,500.00');
    await expect.poll(() => cost.indicator('Cost performance index').textContent()).toContain('2.67');
    await expect.poll(() => cost.indicator('Schedule performance index').textContent()).toContain('0.80');
    await page.getByRole('img', { name: /S-curve/ }).waitFor();
  });

  it('changes a budget line through its dialog and sees the budget follow', async () => {
    await cost.open('cost');
    await page.getByRole('button', { name: 'Edit budget line Design team' }).click();
    const dialog = page.getByRole('dialog', { name: /Edit budget line/ });
    await dialog.getByLabel('Amount').fill('6000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('bac').textContent()).toBe('6,000.00');
    // EV is 80 % of the larger line: 4,800.
    await expect.poll(() => cost.indicator('Earned value').textContent()).toContain('4,800.00');
    await page.getByRole('button', { name: 'Edit budget line Design team' }).click();
    await dialog.getByLabel('Amount').fill('5000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('bac').textContent()).toBe('5,000.00');
  });

  it('shows the budget burn and the indicators on the dashboard, and follows a new expense', async () => {
    await cost.open('dashboard');
    const health = page.getByRole('region', { name: 'Project health' });
    await expect.poll(() => health.getByText('1,500.00 of 5,000.00').count()).toBe(1);
    await expect.poll(() => health.textContent()).toContain('30 %');
    await expect
      .poll(() => page.getByRole('region', { name: 'Earned value indicators' }).textContent())
      .toContain('0.80');
    await cost.open('cost');
    await cost.addExpense({ day: '2026-03-05', category: 'Other', amount: '1000', note: 'Site visit' });
    await cost.open('dashboard');
    await expect.poll(() => health.getByText('2,500.00 of 5,000.00').count()).toBe(1);
    await expect.poll(() => health.textContent()).toContain('50 %');
  });
});

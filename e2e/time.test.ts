import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPost, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const manager: Person = {
  name: 'Lillian Gilbreth',
  email: 'lillian@example.com',
  password: 'time-and-motion-1924',
};
const worker: Person = {
  name: 'Frank Gilbreth',
  email: 'frank@example.com',
  password: 'therblig-units-1915',
};

let tandem: Tandem;
let browser: Browser;
let boss: Page;
let crew: Page;
let workspaceId: string;
let houseId: string;

/** Sends a write of any method from inside the page, as the web app would. */
function apiCall(page: Page, method: string, path: string, body: unknown): Promise<unknown> {
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

/** Domain verbs of the Time page. */
const timesheet = (page: Page) => ({
  async open(weekStart: string) {
    await page.goto(`/w/${workspaceId}/time`);
    await page.getByRole('heading', { level: 1, name: 'Time' }).waitFor();
    await page.getByLabel('Go to the week of').fill(weekStart);
    await page.getByRole('table', { name: `Timesheet for the week of ${weekStart}` }).waitFor();
  },
  async addRow(project: string, task: string) {
    await page.getByLabel('Project', { exact: true }).selectOption({ label: project });
    await page.getByLabel('Task', { exact: true }).selectOption({ label: task });
    await page.getByRole('button', { name: 'Add row' }).click();
  },
  cell(task: string, day: string) {
    return page.getByLabel(`${task} on ${day}`);
  },
  async log(task: string, day: string, time: string) {
    const cell = this.cell(task, day);
    await cell.fill(time);
    await cell.press('Tab');
  },
  async weekTotal() {
    return (await page.getByTestId('week-total').textContent())?.trim();
  },
});

describe('time tracking and workload in the web app', () => {
  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchChromium();
    const options = { baseURL: tandem.url, viewport: { width: 1440, height: 900 } };
    boss = await (await browser.newContext(options)).newPage();
    crew = await (await browser.newContext(options)).newPage();
    await boss.goto('/setup');
    await ui(boss).signUp(manager);
    await ui(boss).createFirstWorkspace('Gilbreth & Co');
    workspaceId = workspaceIdOf(boss);
    await crew.goto('/sign-up');
    await ui(crew).signUp(worker);
    const { acceptUrl } = await apiPost<{ acceptUrl: string }>(
      boss,
      `/api/workspaces/${workspaceId}/invitations`,
      {
        email: worker.email,
        role: 'member',
      },
    );
    await apiPost(crew, `/api/invitations/${acceptUrl.split('/invite/')[1]}/accept`, {});
    const house = await apiPost(boss, `/api/workspaces/${workspaceId}/projects`, {
      name: 'House',
      startDate: '2026-03-02',
    });
    const shed = await apiPost(boss, `/api/workspaces/${workspaceId}/projects`, {
      name: 'Shed',
      startDate: '2026-03-02',
    });
    houseId = house.id;
    const foundations = await apiPost(boss, `/api/projects/${house.id}/tasks`, {
      name: 'Foundations',
      durationMinutes: 2400,
    });
    const roof = await apiPost(boss, `/api/projects/${shed.id}/tasks`, {
      name: 'Roof',
      durationMinutes: 2400,
    });
    const members = await boss.evaluate(
      async (id) => (await fetch(`/api/workspaces/${id}/members`)).json(),
      workspaceId,
    );
    const frank = (members as { items: { user: { id: string; name: string } }[] }).items.find(
      (member) => member.user.name === worker.name,
    );
    await apiCall(boss, 'PUT', `/api/projects/${house.id}/members/${frank?.user.id}`, {
      role: 'contributor',
    });
    // Ana works full time on both projects in the same week: twice what she has. (Frank's time on Foundations from
    // Tuesday starts that task a day late, so the overlap runs from Tuesday.)
    const ana = await apiPost(boss, `/api/workspaces/${workspaceId}/resources`, { name: 'Ana Builder' });
    await apiPost(boss, `/api/projects/${house.id}/assignments`, {
      taskId: foundations.id,
      resourceId: ana.id,
    });
    await apiPost(boss, `/api/projects/${shed.id}/assignments`, { taskId: roof.id, resourceId: ana.id });
  });

  screenshotOnFailure('time-manager', () => boss);
  screenshotOnFailure('time-worker', () => crew);

  afterAll(async () => {
    await browser?.close();
    await tandem?.stop();
  });

  it('logs time on the weekly timesheet and adds it up by day and week', async () => {
    const sheet = timesheet(crew);
    await sheet.open('2026-03-02');
    await sheet.addRow('House', 'Foundations');
    await sheet.log('Foundations', '2026-03-03', '2:30');
    await crew.getByTestId('week-total').filter({ hasText: '2:30' }).waitFor();
    await sheet.log('Foundations', '2026-03-04', '1.5');
    await crew.getByTestId('week-total').filter({ hasText: '4:00' }).waitFor();
    expect(await crew.getByTestId('total-2026-03-04').textContent()).toBe('1:30');
    expect(await sheet.cell('Foundations', '2026-03-03').inputValue()).toBe('2:30');
  });

  it('submits the week, after which its cells are locked', async () => {
    await crew.getByRole('button', { name: 'Submit week' }).click();
    await crew.getByText('Submitted, waiting for approval').waitFor();
    expect(await timesheet(crew).cell('Foundations', '2026-03-03').isDisabled()).toBe(true);
    expect(await crew.getByRole('button', { name: 'Submit week' }).isDisabled()).toBe(true);
  });

  it('lets the project manager approve the week, which the worker then sees approved', async () => {
    await boss.goto(`/w/${workspaceId}/time`);
    const request = boss.getByRole('article', { name: `${worker.name}, week of 2026-03-02` });
    await request.waitFor();
    expect(await request.textContent()).toContain('4:00');
    await request.getByRole('button', { name: 'Entries' }).click();
    await request.getByText(/Foundations · 2:30/).waitFor();
    await request.getByRole('button', { name: 'Approve' }).click();
    await request.waitFor({ state: 'detached' });
    await timesheet(crew).open('2026-03-02');
    await crew.getByText('Approved', { exact: true }).waitFor();
  });

  it('starts a timer from a task row and stops it from the top bar', async () => {
    const sheet = timesheet(crew);
    await sheet.open('2026-03-09');
    await sheet.addRow('House', 'Foundations');
    await crew.getByRole('button', { name: 'Start a timer on Foundations' }).click();
    const running = crew.getByRole('status', { name: 'Timer running on Foundations' });
    await running.waitFor();
    await running.getByRole('button', { name: 'Stop' }).click();
    await running.waitFor({ state: 'detached' });
  });

  it('shows the over-allocated resource in red on the workload grid', async () => {
    await boss.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Resources' }).click();
    await boss.getByRole('heading', { level: 1, name: 'Resources' }).waitFor();
    await boss.getByLabel('Workload by', { exact: true }).selectOption('day');
    await boss.getByLabel('Workload from', { exact: true }).fill('2026-03-02');
    const row = boss.getByRole('row', { name: /Ana Builder/ });
    await row.getByText('Over-allocated').waitFor();
    const cell = row.getByRole('cell', { name: 'Ana Builder, 2026-03-03: 16 h of 8 h, over-allocated' });
    await cell.waitFor();
    const background = await cell.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toBe('rgb(254, 242, 242)');
    const calm = row.getByRole('cell', { name: 'Ana Builder, 2026-03-09: 8 h of 8 h' });
    expect(await calm.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(
      'rgb(254, 242, 242)',
    );
  });
  it('shows a back-loaded assignment light at first and full at the end on the workload grid', async () => {
    const bo = await apiPost(boss, `/api/workspaces/${workspaceId}/resources`, { name: 'Bo Finisher' });
    const finishing = await apiPost(boss, `/api/projects/${houseId}/tasks`, {
      name: 'Finishing',
      durationMinutes: 2400,
    });
    // 48 h back-loaded at 100 % span ten days from Monday 2 March, at 10 % of the day first and 100 % last.
    await apiPost(boss, `/api/projects/${houseId}/assignments`, {
      taskId: finishing.id,
      resourceId: bo.id,
      workMinutes: 2880,
      contour: 'backLoaded',
    });
    await boss.reload();
    await boss.getByLabel('Workload by', { exact: true }).selectOption('day');
    await boss.getByLabel('Workload from', { exact: true }).fill('2026-03-02');
    const row = boss.getByRole('row', { name: /Bo Finisher/ });
    await row.getByRole('cell', { name: 'Bo Finisher, 2026-03-02: 0.8 h of 8 h' }).waitFor();
    await row.getByRole('cell', { name: 'Bo Finisher, 2026-03-05: 4 h of 8 h' }).waitFor();
    await row.getByRole('cell', { name: 'Bo Finisher, 2026-03-13: 8 h of 8 h' }).waitFor();
    expect(await row.getByText('Over-allocated').count()).toBe(0);
  });

  it('adds a resource with its own working time from the Resources page', async () => {
    await boss.getByRole('button', { name: 'Add resource' }).first().click();
    const dialog = boss.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Tower crane');
    await dialog.getByLabel('Kind').selectOption('equipment');
    await dialog.getByLabel('Max units (%)').fill('200');
    await dialog.getByLabel(/Own working time/).check();
    await dialog.getByLabel('Working hours').fill('07:00-15:00');
    await dialog.getByRole('button', { name: 'Add resource' }).click();
    const row = boss
      .getByRole('table')
      .first()
      .getByRole('row', { name: /Tower crane/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('200 %');
    expect(await row.textContent()).toContain('8 h/day');
  });

  it("lists a project's assignments by resource and its logged time on its Resources tab", async () => {
    await boss.goto(`/w/${workspaceId}/projects/${houseId}?view=resources`);
    const table = boss.getByRole('region', { name: 'Assignments by resource' }).getByRole('table');
    await table.getByRole('rowheader', { name: 'Ana Builder' }).waitFor();
    expect(await table.getByRole('row', { name: /Foundations/ }).textContent()).toContain('100 %');
    const actuals = boss.getByRole('table', { name: 'Actual work and cost by task' });
    expect(await actuals.getByRole('row', { name: /Foundations/ }).textContent()).toContain('4 h');
  });
});

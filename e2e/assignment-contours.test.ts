import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPost, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const planner: Person = { name: 'Henry Gantt', email: 'henry@example.com', password: 'work-contours-1910' };

let tandem: Tandem;
let browser: Browser;
let page: Page;
let workspaceId: string;
// The project and task the first test builds; the second continues on them.
let projectId: string;
let taskId: string;

beforeAll(async () => {
  tandem = await startTandem();
  browser = await launchChromium();
  const context = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1440, height: 1000 } });
  page = await context.newPage();
  await page.goto('/setup');
  await ui(page).signUp(planner);
  await ui(page).createFirstWorkspace('Midvale Steel');
  workspaceId = workspaceIdOf(page);
});

screenshotOnFailure('assignment-contours', () => page, { fullPage: true });

afterAll(async () => {
  await browser?.close();
  await tandem?.stop();
});

const finishOf = (projectId: string, taskId: string) =>
  page.evaluate(
    async ({ projectId, taskId }) => {
      const schedule = (await (await fetch(`/api/projects/${projectId}/schedule`)).json()) as {
        tasks: { id: string; finish: string }[];
      };
      return schedule.tasks.find((task) => task.id === taskId)?.finish;
    },
    { projectId, taskId },
  );

describe('work contours in the task panel', () => {
  it('reschedules a task when its assignment is given a turtle contour and a delay', async () => {
    const project = await apiPost(page, `/api/workspaces/${workspaceId}/projects`, {
      name: 'Rolling mill',
      startDate: '2026-03-02',
    });
    const task = await apiPost(page, `/api/projects/${project.id}/tasks`, {
      name: 'Forge',
      durationMinutes: 2400,
    });
    const smith = await apiPost(page, `/api/workspaces/${workspaceId}/resources`, { name: 'Smith' });
    await apiPost(page, `/api/projects/${project.id}/assignments`, {
      taskId: task.id,
      resourceId: smith.id,
      workMinutes: 2400,
    });
    projectId = project.id;
    taskId = task.id;
    expect(await finishOf(project.id, task.id)).toBe('2026-03-06T17:00');

    await page.goto(`/w/${workspaceId}/projects/${project.id}?view=gantt`);
    const row = page.locator('.gantt [data-column="id"]').first();
    await row.waitFor();
    await row.click();
    await page.keyboard.press('Shift+F2');
    const panel = page.getByRole('complementary', { name: 'Task Forge' });
    const contour = panel.getByLabel('Work contour of Smith');
    await expect.poll(() => contour.locator('option:checked').textContent()).toBe('Flat');
    await contour.selectOption({ label: 'Turtle' });
    // A turtle works 70 % of the time on average: 40 h of work last 57 h 8.6 min.
    await expect.poll(() => finishOf(project.id, task.id)).toBe('2026-03-11T09:08');
    await expect.poll(() => contour.locator('option:checked').textContent()).toBe('Turtle');
    // Two hours of delay start Smith's work two working hours after the task's start.
    const delay = panel.getByLabel('Delay of Smith (hours)');
    await delay.fill('2');
    await delay.blur();
    await expect.poll(() => finishOf(project.id, task.id)).toBe('2026-03-11T11:08');
    await panel.screenshot({ path: 'test-results/assignment-contours-panel.png' });
  });

  it('shows the refusal of more overtime than the work and keeps the task as it was', async () => {
    const panel = page.getByRole('complementary', { name: 'Task Forge' });
    const overtime = panel.getByLabel('Overtime of Smith (hours)');
    await overtime.fill('50');
    await overtime.blur();
    await panel.getByText(/cannot exceed the assignment's work/).waitFor();
    expect(await finishOf(projectId, taskId)).toBe('2026-03-11T11:08');
  });
});

import type { Page } from 'playwright-core';
import { apiPost as post } from './harness/api';

type Post = { id: string };

/** A Monday a week before today, so the today line falls inside the plan. */
function lastMonday(): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7) - 7);
  return day.toISOString().slice(0, 10);
}

/**
 * A small launch plan in the workspace of the open page, drawn on the Gantt with a baseline, the critical path, slack
 * and progress; then the same chart with a task's details open. Writes `gantt.png` and `gantt-task-panel.png`.
 */
export async function ganttShots(
  page: Page,
  workspaceId: string,
  shot: (name: string) => Promise<void>,
): Promise<void> {
  const project = await post(page, `/api/workspaces/${workspaceId}/projects`, {
    name: 'Store launch',
    startDate: lastMonday(),
    description: 'Open the online store for the spring collection',
  });
  const task = (body: Record<string, unknown>) => post<Post>(page, `/api/projects/${project.id}/tasks`, body);
  const day = 480;
  const design = await task({ name: 'Design', position: 1 });
  const build = await task({ name: 'Build', position: 2 });
  const launch = await task({ name: 'Launch', position: 3 });
  const ids: Record<string, string> = {};
  const leaves: [string, string, number, number, Record<string, unknown>?][] = [
    ['Customer interviews', design.id, 3, 100],
    ['Wireframes', design.id, 4, 80],
    ['Visual design', design.id, 5, 30],
    ['Catalogue API', build.id, 8, 20],
    ['Storefront pages', build.id, 6, 10],
    ['Payments', build.id, 5, 0],
    ['Load test', build.id, 2, 0],
    ['Marketing site', launch.id, 6, 0],
    ['Go-live', launch.id, 0, 0, { isMilestone: true }],
  ];
  for (const [index, [name, parentId, days, percentComplete, extra]] of leaves.entries()) {
    ids[name] = (
      await task({
        name,
        parentId,
        position: index + 1,
        durationMinutes: days * day,
        durationUnit: 'days',
        percentComplete,
        ...(name === 'Payments'
          ? {
              description:
                'Cards, **Apple Pay** and Google Pay.\n\n- 3-D Secure\n- Refunds from the back office',
            }
          : {}),
        ...extra,
      })
    ).id;
  }
  const link = (from: string, to: string, extra: Record<string, unknown> = {}) =>
    post(page, `/api/projects/${project.id}/links`, {
      predecessorId: ids[from],
      successorId: ids[to],
      type: 'FS',
      ...extra,
    });
  await link('Customer interviews', 'Wireframes');
  await link('Wireframes', 'Visual design');
  await link('Wireframes', 'Catalogue API');
  await link('Visual design', 'Storefront pages');
  await link('Catalogue API', 'Storefront pages', { type: 'SS', lagMinutes: 2 * day });
  await link('Catalogue API', 'Payments');
  await link('Storefront pages', 'Load test');
  await link('Payments', 'Load test');
  await link('Load test', 'Go-live');
  await link('Marketing site', 'Go-live');
  // A baseline before a slip, so the chart shows where the plan was.
  await post(page, `/api/projects/${project.id}/baselines`, { name: 'Approved plan' });
  await link('Visual design', 'Marketing site');

  await page.setViewportSize({ width: 1600, height: 860 });
  await page.goto(`/w/${workspaceId}/projects/${project.id}?view=gantt`);
  await page.locator('.gantt__bar').first().waitFor();
  await page.getByLabel('Baseline').selectOption({ label: 'Approved plan' });
  await page.locator('.gantt__baseline').first().waitFor();
  // Weeks show the whole plan; a narrower grid leaves the chart more room.
  await page.getByRole('button', { name: 'Zoom out' }).click();
  const splitter = page.getByRole('separator', { name: 'Resize the task grid' });
  for (let i = 0; i < 4; i++) await splitter.press('ArrowLeft');
  await page.getByRole('button', { name: 'Project start' }).click();
  await page
    .locator('.gantt__grid .gantt__row', { hasText: 'Catalogue API' })
    .locator('[data-column="id"]')
    .click();
  await shot('gantt');
  await page
    .locator('.gantt__grid .gantt__row', { hasText: 'Payments' })
    .locator('[data-column="outline"]')
    .dblclick();
  await page.getByRole('complementary', { name: 'Task Payments' }).waitFor();
  await shot('gantt-task-panel');
  await page.setViewportSize({ width: 1280, height: 800 });
}

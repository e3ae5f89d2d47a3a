import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPost, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const planner: Person = {
  name: 'Lillian Gilbreth',
  email: 'lillian@example.com',
  password: 'motion-study-1915',
};

let tandem: Tandem;
let browser: Browser;
let page: Page;
let workspaceId: string;
let projectId: string;
let taskId: string;
// The product the key-result test makes; the launch test continues on it.
let productUrl: string;
let productId: string;
/** Every reply of 409 the page received: an edit refused as stale. */
const conflicts: string[] = [];

beforeAll(async () => {
  tandem = await startTandem();
  browser = await launchChromium();
  const context = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1440, height: 1000 } });
  page = await context.newPage();
  page.on('response', (response: Response) => {
    if (response.status() === 409) conflicts.push(`${response.request().method()} ${response.url()}`);
  });
  await page.goto('/setup');
  await ui(page).signUp(planner);
  await ui(page).createFirstWorkspace('Motion Study');
  workspaceId = workspaceIdOf(page);
  const project = await apiPost(page, `/api/workspaces/${workspaceId}/projects`, {
    name: 'Kitchen',
    startDate: '2026-03-02',
  });
  const task = await apiPost(page, `/api/projects/${project.id}/tasks`, {
    name: 'Layout',
    durationMinutes: 960,
  });
  const cook = await apiPost(page, `/api/workspaces/${workspaceId}/resources`, { name: 'Cook' });
  await apiPost(page, `/api/projects/${project.id}/assignments`, { taskId: task.id, resourceId: cook.id });
  projectId = project.id;
  taskId = task.id;
  // Each edit reaches the server a while after it is made, so the next one is made while it is still on its way.
  await page.route(
    /\/api\/(tasks|assignments|key-results|launch-items|scorecard-criteria)\/[^/?]+$/,
    async (route) => {
      if (route.request().method() !== 'PATCH') return route.fallback();
      await new Promise((resolve) => setTimeout(resolve, 400));
      return route.fallback();
    },
  );
});

screenshotOnFailure('versioned-edits', () => page, { fullPage: true });

afterAll(async () => {
  await browser?.close();
  await tandem?.stop();
});

const savedTask = () =>
  page.evaluate(
    async ({ projectId, taskId }) => {
      const plan = (await (await fetch(`/api/projects/${projectId}/plan`)).json()) as {
        tasks: { id: string; name: string; storyPoints: number | null; percentComplete: number }[];
      };
      const task = plan.tasks.find((item) => item.id === taskId);
      return (
        task && { name: task.name, storyPoints: task.storyPoints, percentComplete: task.percentComplete }
      );
    },
    { projectId, taskId },
  );

const savedAssignment = () =>
  page.evaluate(async (projectId) => {
    const list = (await (await fetch(`/api/projects/${projectId}/assignments`)).json()) as {
      items: { contour: string; delayMinutes: number; units: number }[];
    };
    const [only] = list.items;
    return only && { contour: only.contour, delayMinutes: only.delayMinutes, units: only.units };
  }, projectId);

describe('edits of one entity in quick succession', () => {
  it('saves a task field typed while another saves, and one left right after, with no conflict', async () => {
    await page.goto(`/w/${workspaceId}/projects/${projectId}?view=gantt`);
    const row = page.locator('.gantt [data-column="id"]').first();
    await row.waitFor();
    await row.click();
    await page.keyboard.press('Shift+F2');
    const panel = page.getByRole('complementary', { name: 'Task Layout' });
    await panel.getByLabel('Name').fill('Layout and plumbing');
    const points = panel.getByLabel('Story points');
    // Leaving the name saves it; the story points are typed while that save is on its way and left after it lands.
    const renamed = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().includes('/api/tasks/'),
    );
    await points.click();
    await points.fill('5');
    await renamed;
    const after = page.getByRole('complementary', { name: 'Task Layout and plumbing' });
    await after.waitFor();
    expect(await after.getByLabel('Story points').inputValue()).toBe('5');
    // The % complete is left at once after the story points, while their save is still on its way.
    const percent = after.getByLabel('% complete');
    await percent.click();
    await percent.fill('40');
    await percent.blur();
    await expect
      .poll(savedTask, { timeout: 10_000 })
      .toEqual({ name: 'Layout and plumbing', storyPoints: 5, percentComplete: 40 });
    expect(conflicts).toEqual([]);
  });

  it('saves an assignment’s contour, delay and units changed one right after the other, with no conflict', async () => {
    const panel = page.getByRole('complementary', { name: 'Task Layout and plumbing' });
    await panel.getByLabel('Work contour of Cook').selectOption({ label: 'Back loaded' });
    const delay = panel.getByLabel('Delay of Cook (hours)');
    await delay.fill('2');
    await delay.blur();
    const units = panel.getByLabel('Units of Cook (%)');
    await units.fill('50');
    await units.blur();
    await expect
      .poll(savedAssignment, { timeout: 10_000 })
      .toEqual({ contour: 'backLoaded', delayMinutes: 120, units: 0.5 });
    expect(await panel.getByLabel('Delay of Cook (hours)').inputValue()).toBe('2');
    expect(conflicts).toEqual([]);
  });

  it('saves a key result’s value once when Enter and leaving the field both send it, with no conflict', async () => {
    await ui(page).create('Product', 'Pantry');
    productUrl = new URL(page.url()).pathname;
    productId = productUrl.split('/').at(-1) ?? '';
    const objective = await apiPost(page, `/api/products/${productId}/objectives`, { title: 'Fewer steps' });
    const keyResult = await apiPost<{ id: string; version: number }>(
      page,
      `/api/objectives/${objective.id}/key-results`,
      {
        title: 'Steps saved per meal',
        startValue: 0,
        targetValue: 40,
        currentValue: 10,
      },
    );
    const writes: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PATCH' && request.url().includes('/api/key-results/'))
        writes.push(request.url());
    });
    await page.goto(`${productUrl}?view=okrs`);
    const current = page.getByLabel('Current value of Steps saved per meal');
    await current.fill('30');
    // Enter saves; leaving the field while that save is on its way would send the same value again.
    await current.press('Enter');
    await current.blur();
    const progress = page.getByRole('progressbar', { name: 'Progress of Steps saved per meal' });
    await expect.poll(() => progress.getAttribute('aria-valuenow'), { timeout: 10_000 }).toBe('75');
    const saved = await page.evaluate(
      async (productId) =>
        (await (await fetch(`/api/products/${productId}/objectives`)).json()) as {
          items: { keyResults: { id: string; currentValue: number; version: number }[] }[];
        },
      productId,
    );
    expect(saved.items[0]?.keyResults.find((item) => item.id === keyResult.id)).toMatchObject({
      currentValue: 30,
      version: keyResult.version + 1,
    });
    expect(writes).toHaveLength(1);
    expect(conflicts).toEqual([]);
  });

  it('saves a launch item’s owner and due date set one right after the other, with no conflict', async () => {
    const release = await apiPost(page, `/api/products/${productId}/releases`, {
      versionName: '1.0.0',
      targetDate: '2026-04-01',
    });
    const launch = await apiPost<{ items: { id: string; title: string }[] }>(
      page,
      `/api/releases/${release.id}/launch`,
      {},
    );
    const [item] = launch.items;
    if (!item) throw new Error('The launch plan has no items');
    await page.goto(`${productUrl}?view=releases`);
    await page.locator('.release-card', { hasText: '1.0.0' }).click();
    const section = page.getByRole('region', { name: 'Go-to-market' });
    await section.getByLabel(`Owner of ${item.title}`).selectOption({ label: planner.name });
    await section.getByLabel(`Due date of ${item.title}`).fill('2026-03-30');
    const savedItem = () =>
      page.evaluate(
        async ({ releaseId, itemId }) => {
          const reply = (await (await fetch(`/api/releases/${releaseId}/launch`)).json()) as {
            plan: { items: { id: string; ownerId: string | null; dueDate: string | null }[] };
          };
          const found = reply.plan.items.find((entry) => entry.id === itemId);
          return found && { owner: found.ownerId !== null, dueDate: found.dueDate };
        },
        { releaseId: release.id, itemId: item.id },
      );
    await expect.poll(savedItem, { timeout: 10_000 }).toEqual({ owner: true, dueDate: '2026-03-30' });
    expect(conflicts).toEqual([]);
  });

  it('saves a scorecard weight changed twice in quick succession, the second at the first’s version', async () => {
    const criterion = await apiPost<{ id: string; version: number }>(
      page,
      `/api/products/${productId}/scorecard-criteria`,
      { name: 'Reach', weight: 1, scaleMax: 5, direction: 'benefit' },
    );
    await page.goto(`${productUrl}?view=prioritise`);
    await page.getByRole('button', { name: 'Scorecard…' }).click();
    const weight = page.getByRole('dialog').getByLabel('Weight of Reach');
    await weight.fill('3');
    await weight.blur();
    // Changed again while the first change is still on its way to the server.
    await weight.fill('4');
    await weight.blur();
    const saved = () =>
      page.evaluate(async (productId) => {
        const list = (await (await fetch(`/api/products/${productId}/scorecard-criteria`)).json()) as {
          items: { id: string; weight: number; version: number }[];
        };
        return list.items[0] && { weight: list.items[0].weight, version: list.items[0].version };
      }, productId);
    await expect.poll(saved, { timeout: 10_000 }).toEqual({ weight: 4, version: criterion.version + 2 });
    expect(conflicts).toEqual([]);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPost, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const owner: Person = { name: 'Grace Hopper', email: 'grace@example.com', password: 'cobol-compiler-1959' };

let tandem: Tandem;
let browser: Browser;
let page: Page;
let projectUrl: string;
let projectId: string;
const scriptErrors: string[] = [];

/** The names of the cards in a board column, top to bottom. */
async function cardsIn(column: string): Promise<string[]> {
  const columns = await page.locator('.board-column h3').allTextContents();
  const at = columns.indexOf(column);
  const cell = page.locator('.board__lane').first().locator('.board-cell').nth(at);
  return (await cell.locator('.board-card__name').allTextContents()).map((name) => name.trim());
}

/** Drags a card by its name onto a column, with the mouse as a person would. */
async function dragCard(name: string, column: string): Promise<void> {
  const card = page.locator('.board-card', { hasText: name });
  const columns = await page.locator('.board-column h3').allTextContents();
  const target = page.locator('.board__lane').first().locator('.board-cell').nth(columns.indexOf(column));
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error(`Cannot see card ${name} or column ${column}`);
  await page.mouse.move(from.x + from.width / 2, from.y + 20);
  await page.mouse.down();
  // Several steps, as a hand moves: the drag starts after a few pixels and follows the pointer.
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 30, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 30, { steps: 12 });
  await page.mouse.up();
}

describe('boards and sprints in the web app', () => {
  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchChromium();
    const context = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await page.goto('/setup');
    await ui(page).signUp(owner);
    await ui(page).createFirstWorkspace('Harvard');
    const workspaceId = workspaceIdOf(page);
    projectId = (
      await apiPost(page, `/api/workspaces/${workspaceId}/projects`, {
        name: 'Mark II',
        startDate: '2026-03-02',
      })
    ).id;
    const epic = await apiPost(page, `/api/projects/${projectId}/tasks`, { name: 'Relay work' });
    const tasks = [
      { name: 'Find the moth', storyPoints: 3, priority: 'high', labels: ['bug'] },
      { name: 'Tape it in the log', storyPoints: 1 },
      { name: 'Write the compiler', storyPoints: 8, status: 'in_progress' },
    ];
    for (const [index, task] of tasks.entries()) {
      await apiPost(page, `/api/projects/${projectId}/tasks`, {
        ...task,
        parentId: epic.id,
        rank: index + 1,
      });
    }
    projectUrl = `/w/${workspaceId}/projects/${projectId}`;
  });

  screenshotOnFailure('board', () => page);

  afterAll(async () => {
    await browser?.close();
    await tandem?.stop();
  });

  it('shows the leaf tasks as cards in the workflow columns, the summary task as their epic', async () => {
    await page.goto(`${projectUrl}?view=board`);
    await page.locator('.board-card').first().waitFor();
    expect(await page.locator('.board-column h3').allTextContents()).toEqual([
      'To do',
      'In progress',
      'In review',
      'Done',
    ]);
    expect(await cardsIn('To do')).toEqual(['Find the moth', 'Tape it in the log']);
    expect(await cardsIn('In progress')).toEqual(['Write the compiler']);
    await page.getByLabel('Swimlanes').selectOption('epic');
    await page.locator('.board__lane-title', { hasText: 'Relay work' }).waitFor();
    await page.getByLabel('Swimlanes').selectOption('none');
  });

  it('moves a card to another column by dragging it, and the move is still there after a reload', async () => {
    await dragCard('Find the moth', 'In review');
    await expect.poll(() => cardsIn('In review')).toEqual(['Find the moth']);
    // The PATCH lands before the page reloads: wait for the server to hold the new status.
    await expect
      .poll(async () =>
        page.evaluate(async (id) => {
          const reply = await fetch(`/api/projects/${id}/tasks?limit=200`);
          const { items } = (await reply.json()) as { items: { name: string; status: string }[] };
          return items.find((t) => t.name === 'Find the moth')?.status;
        }, projectId),
      )
      .toBe('review');
    await page.reload();
    await page.locator('.board-card').first().waitFor();
    expect(await cardsIn('In review')).toEqual(['Find the moth']);
    expect(await cardsIn('To do')).toEqual(['Tape it in the log']);
  });

  it('moves a focused card with the keyboard', async () => {
    await page.locator('.board-card', { hasText: 'Tape it in the log' }).focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => cardsIn('In progress')).toEqual(['Write the compiler', 'Tape it in the log']);
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(() => cardsIn('In progress')).toEqual(['Tape it in the log', 'Write the compiler']);
  });

  it('shows a card moved in another window without a reload', async () => {
    const other = await page.context().newPage();
    try {
      await other.goto(`${projectUrl}?view=board`);
      await other.locator('.board-card').first().waitFor();
      await other.locator('.live-dot[data-status="live"]').waitFor();
      await page.locator('.board-card', { hasText: 'Tape it in the log' }).focus();
      await page.keyboard.press('Shift+ArrowRight');
      const review = other.locator('.board__lane').first().locator('.board-cell').nth(2);
      await review.locator('.board-card', { hasText: 'Tape it in the log' }).waitFor({ timeout: 5000 });
    } finally {
      await other.close();
    }
  });

  it('highlights a column over its WIP limit after the limit is set in the column settings', async () => {
    await page.getByRole('button', { name: 'Columns' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('WIP limit of In review').fill('1');
    await dialog.getByRole('button', { name: 'Save columns' }).click();
    await page.locator('.board-column--exceeded', { hasText: 'In review' }).waitFor();
    expect(await page.locator('.board-column--exceeded .board-column__count').textContent()).toBe('2 / 1');
  });

  it('defines a custom field and fills it in on a card', async () => {
    await page.getByRole('button', { name: 'Fields' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await dialog.getByLabel('Name of field 1').fill('Team');
    await dialog.getByLabel('Type of Team').selectOption('select');
    await dialog.getByLabel('Choices of Team').fill('Red, Blue');
    await dialog.getByRole('button', { name: 'Save fields' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.board-card', { hasText: 'Find the moth' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Team').selectOption('Blue');
    await dialog.getByRole('button', { name: 'Save task' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.board-card', { hasText: 'Find the moth' }).click();
    expect(await page.getByRole('dialog').getByLabel('Team').inputValue()).toBe('Blue');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  });

  it('filters, sorts and groups the list, and saves the view for the team', async () => {
    await page.goto(`${projectUrl}?view=list`);
    await page.locator('.list-row').first().waitFor();
    const names = async () =>
      (await page.locator('.list-row .table__cell--name').allTextContents()).map((name) => name.trim());
    expect(await names()).toEqual(['Find the moth', 'Tape it in the log', 'Write the compiler']);
    await page.getByRole('button', { name: /^Points/ }).click();
    await page.getByRole('button', { name: /^Points, sorted ascending/ }).click();
    expect(await names()).toEqual(['Write the compiler', 'Find the moth', 'Tape it in the log']);
    await page.getByLabel('Label').selectOption('bug');
    expect(await names()).toEqual(['Find the moth']);
    await page.getByLabel('Label').selectOption('');
    await page.getByLabel('Group by').selectOption('status');
    await page.locator('.list-group', { hasText: 'In review' }).waitFor();
    await page.getByRole('button', { name: 'Save view' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('View name').fill('Biggest first, by status');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await page.reload();
    await page.locator('.list-row').first().waitFor();
    expect(await page.locator('.list-group').count()).toBe(0);
    await page.getByLabel('Saved view').selectOption({ label: 'Biggest first, by status' });
    await page.locator('.list-group', { hasText: 'In review' }).waitFor();
    expect((await names())[0]).toBe('Write the compiler');
  });

  it('plans a sprint in the backlog, starts it and shows its burndown', async () => {
    await page.goto(`${projectUrl}?view=backlog`);
    await page.getByRole('button', { name: 'New sprint' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Sprint name').fill('Sprint 1');
    await dialog.getByLabel('Capacity (story points)').fill('10');
    await dialog.getByRole('button', { name: 'Create sprint' }).click();
    const sprint = page.getByRole('region', { name: 'Sprint 1', exact: true });
    await sprint.waitFor();
    await page.getByLabel('Move Write the compiler to').selectOption({ label: 'Sprint 1' });
    await page.getByLabel('Move Tape it in the log to').selectOption({ label: 'Sprint 1' });
    await expect.poll(() => sprint.getByTestId('sprint-points').textContent()).toBe('9 / 10 points');
    // Dragging a row from the backlog into the sprint plans it too, and the sprint shows it is over capacity.
    const row = page
      .getByRole('region', { name: 'Backlog tasks' })
      .locator('.backlog-row', { hasText: 'Find the moth' });
    const from = await row.boundingBox();
    const to = await sprint.locator('.backlog-list').boundingBox();
    if (!from || !to) throw new Error('Cannot see the backlog row or the sprint');
    await page.mouse.move(from.x + 200, from.y + 20);
    await page.mouse.down();
    await page.mouse.move(from.x + 210, from.y + 10, { steps: 3 });
    await page.mouse.move(to.x + 200, to.y + to.height - 5, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => sprint.getByTestId('sprint-points').textContent()).toBe('12 / 10 points');
    await sprint.getByText('Over capacity by 2').waitFor();
    await sprint.getByRole('button', { name: 'Start sprint' }).click();
    await sprint.locator('.badge', { hasText: 'active' }).waitFor();
    const chart = page.locator('svg[data-chart="burndown"]');
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('of 12 committed points remain');
    await page.locator('svg[data-chart="burnup"]').waitFor();
  });

  it('raised no script error on any of these pages', () => {
    expect(scriptErrors).toEqual([]);
  });
});

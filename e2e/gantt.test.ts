import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPost, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { dayWidth, gantt } from './harness/gantt';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const planner: Person = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  password: 'analytical-engine-1843',
};
const durations: [string, string][] = [
  ['Design', '2d'],
  ['Build API', '5d'],
  ['Build UI', '4d'],
  ['Test', '3d'],
  ['Docs', '2d'],
  ['Train support', '1d'],
  ['Marketing site', '3d'],
  ['Beta', '2d'],
  ['Release', '1d'],
  ['Retrospective', '4h'],
];
// Two paths from Design to Test: through Build API (5 days) and through Build UI (4 days, one day of slack).
const links: [string, string][] = [
  ['Design', 'Build API'],
  ['Design', 'Build UI'],
  ['Build API', 'Test'],
  ['Build UI', 'Test'],
  ['Test', 'Beta'],
  ['Docs', 'Train support'],
  ['Marketing site', 'Release'],
  ['Beta', 'Release'],
  ['Release', 'Retrospective'],
];

let tandem: Tandem;
let browser: Browser;
let page: Page;
let chart: ReturnType<typeof gantt>;
let projectUrl: string;

// One planning session, step by step: each test continues where the previous one left the chart.
describe('planning a project on the Gantt', () => {
  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchChromium();
    const context = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1600, height: 900 } });
    page = await context.newPage();
    chart = gantt(page);
    await page.goto('/');
    const app = ui(page);
    await app.signUp(planner);
    await app.createFirstWorkspace('Acme');
    const workspaceId = workspaceIdOf(page);
    const project = await apiPost(page, `/api/workspaces/${workspaceId}/projects`, {
      name: 'Checkout launch',
      startDate: '2026-03-02',
    });
    projectUrl = `/w/${workspaceId}/projects/${project.id}`;
    await page.goto(projectUrl);
    await page.getByRole('heading', { level: 1, name: 'Checkout launch' }).waitFor();
  });

  screenshotOnFailure('gantt', () => page);

  afterAll(async () => {
    await browser?.close();
    await tandem?.stop();
  });

  it('adds ten tasks by typing their names into the grid', async () => {
    await chart.open();
    await chart.addTasks(durations.map(([name]) => name));
    const names = await page.locator('.gantt__grid .gantt__row [data-column="name"]').allTextContents();
    expect(names.map((n) => n.trim())).toEqual(durations.map(([name]) => name));
    expect(await chart.cell('Release', 'id')).toBe('9');
  });

  it('sets durations typed as days and hours, and the bars take their length', async () => {
    for (const [name, duration] of durations) await chart.setCell(name, 'duration', duration);
    expect(await chart.cell('Build API', 'duration')).toBe('5d');
    expect(await chart.cell('Retrospective', 'duration')).toBe('4h');
    const api = await chart.barBox('Build API');
    const ui = await chart.barBox('Build UI');
    // Same start, 5 against 4 working days: the longer bar is a day (plus the night) wider.
    expect(api.x).toBeCloseTo(ui.x, 0);
    expect(api.width - ui.width).toBeGreaterThan(dayWidth * 0.9);
  });

  it('links tasks by dragging from the end of one bar onto another', async () => {
    for (const [from, to] of links) await chart.rescheduled(() => chart.link(from, to));
    expect(await page.locator('.gantt__link').count()).toBe(links.length);
    expect(await chart.cell('Test', 'predecessors')).toBe('2, 3');
    // Test waits for the longer branch: it starts when Build API ends.
    const api = await chart.barBox('Build API');
    const test = await chart.barBox('Test');
    expect(test.x).toBeGreaterThanOrEqual(api.x + api.width - 1);
    expect(await chart.isCritical('Build API')).toBe(true);
    expect(await chart.isCritical('Build UI')).toBe(false);
    expect(await page.locator('.gantt__slack').count()).toBeGreaterThan(0);
  });

  it('moves the successors and the critical path when a bar is dragged later', async () => {
    const testBefore = await chart.barBox('Test');
    const releaseBefore = await chart.barBox('Release');
    await chart.rescheduled(() => chart.dragBar('Build UI', { days: 3 }));
    const testAfter = await chart.barBox('Test');
    const releaseAfter = await chart.barBox('Release');
    // Build UI now starts three days later and ends two days after Build API: Test and everything after it follow.
    expect(testAfter.x - testBefore.x).toBeGreaterThan(dayWidth);
    expect(releaseAfter.x - releaseBefore.x).toBeCloseTo(testAfter.x - testBefore.x, 0);
    expect(await chart.isCritical('Build UI')).toBe(true);
    expect(await chart.isCritical('Build API')).toBe(false);
  });

  it('shows after drags exactly what a reload of the plan shows (the edits merged only what changed)', async () => {
    // Docs gains slack from the finish moving; Marketing site and Beta move their successors.
    for (const [name, days] of [
      ['Marketing site', 2],
      ['Beta', 1],
      ['Marketing site', -1],
    ] as const) {
      await chart.rescheduled(() => chart.dragBar(name, { days }));
    }
    const merged = await chart.picture();
    const revision = await chart.revision();
    await page.goto(`${projectUrl}?view=gantt`);
    await page.waitForFunction(
      ({ revision, bars }) =>
        document.querySelector('.gantt')?.getAttribute('data-plan-revision') === revision &&
        document.querySelectorAll('.gantt__bar').length === bars,
      { revision, bars: durations.length },
    );
    expect(await chart.picture()).toEqual(merged);
    expect(merged.filter((line) => line.startsWith('slack')).length).toBeGreaterThan(0);
  });

  it('undoes the last drag with Ctrl+Z and does it again with Ctrl+Shift+Z', async () => {
    // The page was loaded afresh: nothing to undo or redo yet.
    await chart.undoButtons(false, false);
    const before = await chart.barBox('Docs');
    await chart.rescheduled(() => chart.dragBar('Docs', { days: 2 }));
    const moved = await chart.barBox('Docs');
    expect(moved.x - before.x).toBeGreaterThan(dayWidth);
    await chart.undoButtons(true, false);
    await chart.rescheduled(() => page.keyboard.press('Control+z'));
    expect((await chart.barBox('Docs')).x).toBeCloseTo(before.x, 0);
    await chart.undoButtons(false, true);
    await chart.rescheduled(() => page.keyboard.press('Control+Shift+z'));
    expect((await chart.barBox('Docs')).x).toBeCloseTo(moved.x, 0);
    await chart.rescheduled(() => page.getByRole('button', { name: 'Undo' }).click());
    expect((await chart.barBox('Docs')).x).toBeCloseTo(before.x, 0);
    await chart.undoButtons(false, true);
  });

  it('refuses a link that would make a cycle and says which tasks form it', async () => {
    const revision = await chart.revision();
    await chart.link('Beta', 'Build UI');
    const alert = page.getByRole('alert').filter({ hasText: /cycle/i });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Build UI.*Test.*Beta/);
    expect(await chart.revision()).toBe(revision);
    expect(await page.locator('.gantt__link').count()).toBe(links.length);
  });

  it('indents a task under the one above with Tab and shows the summary as a bracket', async () => {
    await chart.row('Marketing site').locator('[data-column="id"]').click();
    await chart.rescheduled(() => page.keyboard.press('Tab'));
    expect(await chart.cell('Marketing site', 'outline')).toBe('6.1');
    expect(await page.locator('.gantt__bar--summary').count()).toBe(1);
    await chart.rescheduled(() => page.keyboard.press('Shift+Tab'));
    expect(await chart.cell('Marketing site', 'outline')).toBe('7');
    expect(await page.locator('.gantt__bar--summary').count()).toBe(0);
  });

  it('zooms out to weeks with the button and back to days with Ctrl+wheel, the bars keeping their dates', async () => {
    const days = await chart.barBox('Build API');
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.locator('.gantt[data-zoom="weeks"]').waitFor();
    const weeks = await chart.barBox('Build API');
    expect(weeks.width).toBeCloseTo(days.width / 3, 0);
    const box = await page.getByTestId('gantt-scroller').boundingBox();
    if (!box) throw new Error('No chart on screen');
    await page.mouse.move(box.x + box.width - 200, box.y + 200);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await page.locator('.gantt[data-zoom="days"]').waitFor();
    expect((await chart.barBox('Build API')).width).toBeCloseTo(days.width, 0);
  });

  it('changes a duration by dragging the right edge of a bar', async () => {
    await chart.reveal('Docs');
    const bar = await chart.bar('Docs');
    const edge = await bar.locator('.gantt__resize').boundingBox();
    if (!edge) throw new Error('The bar of Docs has no edge on screen');
    await chart.rescheduled(async () => {
      await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
      await page.mouse.down();
      await page.mouse.move(edge.x + 2 * dayWidth, edge.y + edge.height / 2, { steps: 5 });
      await page.mouse.up();
    });
    expect(await chart.cell('Docs', 'duration')).toBe('4d');
  });

  it('edits a name with the keyboard alone and cancels the next edit with Escape', async () => {
    await chart.row('Docs').locator('[data-column="name"]').click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Write the docs');
    await chart.rescheduled(() => page.keyboard.press('Enter'));
    await chart.row('Write the docs').waitFor();
    // Enter saved and moved down one row: the next Enter edits Train support.
    await page.keyboard.press('Enter');
    await page.keyboard.type(' and more');
    await page.keyboard.press('Escape');
    expect(await chart.cell('Train support', 'name')).toBe('Train support');
    expect(await page.locator('.gantt__editor').count()).toBe(0);
  });

  it('sets % complete on several tasks selected with Shift+click', async () => {
    await chart.row('Design').locator('[data-column="id"]').click();
    await chart
      .row('Build UI')
      .locator('[data-column="id"]')
      .click({ modifiers: ['Shift'] });
    const bulk = page.getByRole('form', { name: 'Edit the selected tasks' });
    await bulk.getByText('3 selected').waitFor();
    await bulk.getByLabel('% done').fill('50');
    await chart.rescheduled(() => bulk.getByRole('button', { name: 'Apply' }).click());
    for (const name of ['Design', 'Build API', 'Build UI'])
      expect(await chart.cell(name, 'percent')).toBe('50%');
    expect(await chart.cell('Test', 'percent')).toBe('0%');
    expect(
      await page
        .locator('.gantt__progress')
        .first()
        .evaluate((e) => e.getBoundingClientRect().width),
    ).toBeGreaterThan(0);
  });

  it('shows a task description as formatted Markdown, never as HTML, and takes a comment', async () => {
    await chart.row('Design').locator('[data-column="id"]').click();
    await page.keyboard.press('Shift+F2');
    const panel = page.getByRole('complementary', { name: 'Task Design' });
    await panel.waitFor();
    await panel.getByRole('button', { name: 'Edit' }).click();
    await panel
      .getByLabel('Description')
      .fill('Agree the **checkout flow**. <img src=x onerror="window.hacked=1">');
    await chart.rescheduled(() => panel.getByRole('button', { name: 'Preview' }).click());
    await panel.locator('.markdown strong', { hasText: 'checkout flow' }).waitFor();
    expect(await panel.locator('.markdown img').count()).toBe(0);
    expect(await panel.locator('.markdown').textContent()).toContain('<img src=x');
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    await panel.getByLabel('New comment').fill('Reviewed with *legal*');
    await panel.getByRole('button', { name: 'Comment' }).click();
    await panel.getByRole('list', { name: 'Comments' }).locator('em', { hasText: 'legal' }).waitFor();
    await panel.getByRole('button', { name: 'Close' }).click();
  });

  it('deletes a task only after asking', async () => {
    await chart.row('Retrospective').locator('[data-column="id"]').click();
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('dialog', { name: 'Delete this task?' });
    await chart.rescheduled(() => dialog.getByRole('button', { name: 'Delete' }).click());
    await chart.row('Retrospective').waitFor({ state: 'detached' });
    expect(await page.locator('.gantt__grid .gantt__row').count()).toBe(9);
  });

  it('shows another viewer the rescheduled chart within a second of an edit', async () => {
    const other = await browser.newPage({ baseURL: tandem.url, viewport: { width: 1600, height: 900 } });
    await other.context().addCookies(await page.context().cookies());
    await other.goto(`${projectUrl}?view=gantt`);
    const theirs = gantt(other);
    await theirs.bar('Beta').then((bar) => bar.waitFor());
    const before = await theirs.barBox('Beta');
    await chart.setCell('Test', 'duration', '5d');
    // The live event reaches the other window and its chart is redrawn from the server within a second.
    await other.waitForFunction(
      ({ id, x }) => {
        const bar = document.querySelector(`.gantt__bar[data-task-id="${id}"]`);
        return bar ? Number(bar.getAttribute('data-x')) > x + 1 : false;
      },
      { id: await chart.idOf('Beta'), x: before.x },
      { timeout: 1000 },
    );
    await other.close();
  });

  it('moves the plan past a holiday set in the schedule settings', async () => {
    await page.goto(`${projectUrl}?view=gantt`);
    await chart.bar('Design').then((bar) => bar.waitFor());
    const before = await chart.barBox('Design');
    await page.getByRole('tab', { name: 'Overview' }).click();
    // The project starts on Monday 2 March 2026: a holiday that day pushes the first task to Tuesday.
    await page.getByLabel('Holidays').fill('2026-03-02 Founders day');
    await page.getByRole('button', { name: 'Save schedule settings' }).click();
    await page.getByText('Schedule settings saved').waitFor();
    await page.getByRole('tab', { name: 'Gantt' }).click();
    await page.waitForFunction(
      ({ id, x }) => {
        const bar = document.querySelector(`.gantt__bar[data-task-id="${id}"]`);
        return bar ? Number(bar.getAttribute('data-x')) > x + 1 : false;
      },
      { id: await chart.idOf('Design'), x: before.x },
      { timeout: 5000 },
    );
  });

  it('draws the rows further down as the grid scrolls, each beside its own bar and keeping its own edits', async () => {
    const workspaceId = workspaceIdOf(page);
    const long = await apiPost(page, `/api/workspaces/${workspaceId}/projects`, {
      name: 'Long plan',
      startDate: '2026-03-02',
    });
    const names = Array.from({ length: 80 }, (_, i) => `Step ${String(i + 1).padStart(2, '0')}`);
    for (const name of names) await apiPost(page, `/api/projects/${long.id}/tasks`, { name });
    await page.goto(`/w/${workspaceId}/projects/${long.id}?view=gantt`);
    await chart.row('Step 01').waitFor();
    // Only the rows in view (and a few beyond) are drawn.
    expect(await page.locator('.gantt__grid .gantt__row').count()).toBeLessThan(names.length);
    const scroller = page.getByTestId('gantt-scroller');
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await chart.row('Step 80').waitFor();
    await chart.row('Step 01').waitFor({ state: 'detached' });
    // A row drawn in the nodes another row left keeps its own place, number and bar.
    const last = chart.row('Step 80');
    expect(await last.getAttribute('aria-rowindex')).toBe('80');
    expect(await chart.cell('Step 80', 'id')).toBe('80');
    const bar = await chart.bar('Step 80');
    expect(Number(await bar.getAttribute('data-y'))).toBe(79 * 32);
    const untouched = await chart.cell('Step 80', 'duration');
    await chart.setCell('Step 79', 'duration', '3d');
    await scroller.evaluate((element) => element.scrollTo({ top: 0 }));
    await chart.row('Step 01').waitFor();
    expect(await chart.cell('Step 01', 'duration')).toBe(untouched);
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await chart.row('Step 79').waitFor();
    expect(await chart.cell('Step 79', 'duration')).toBe('3d');
    expect(await chart.cell('Step 80', 'duration')).toBe(untouched);
  });
});

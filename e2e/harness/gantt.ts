import type { Locator, Page } from 'playwright-core';

/** Pixels per day at the Gantt's default zoom (days). */
export const dayWidth = 36;

/**
 * Domain verbs over the Gantt view, so tests read as what a planner does.
 * @example const chart = gantt(page); await chart.addTasks(['Design', 'Build']); await chart.link('Design', 'Build');
 */
export function gantt(page: Page) {
  const row = (name: string) =>
    page.locator('.gantt__grid .gantt__row', {
      has: page.locator('[data-column="name"]', { hasText: new RegExp(`^\\W*${escapeRegExp(name)}$`) }),
    });
  const idOf = async (name: string) => {
    const id = await row(name).first().getAttribute('data-task-id');
    if (!id) throw new Error(`No task named ${name} in the grid`);
    return id;
  };
  const bar = async (name: string): Promise<Locator> =>
    page.locator(`.gantt__bar[data-task-id="${await idOf(name)}"]`);
  const revision = () => page.locator('.gantt').getAttribute('data-plan-revision');
  /** Runs an edit and waits until the chart shows a newer plan revision from the server. */
  const rescheduled = async (edit: () => Promise<void>) => {
    const before = Number(await revision());
    await edit();
    await page.waitForFunction(
      (previous) => Number(document.querySelector('.gantt')?.getAttribute('data-plan-revision')) > previous,
      before,
    );
  };
  return {
    row,
    bar,
    idOf,
    revision,
    rescheduled,
    /** Waits until the toolbar's Undo and Redo buttons are on or off as given. */
    async undoButtons(undo: boolean, redo: boolean) {
      await page.waitForFunction(
        ([undo, redo]) => {
          const buttons = document.querySelectorAll<HTMLButtonElement>(
            '[role="toolbar"][aria-label="Gantt"] button',
          );
          const button = (name: string) => {
            for (const b of Array.from(buttons)) if (b.textContent?.trim() === name) return b;
            return undefined;
          };
          return button('Undo')?.disabled === !undo && button('Redo')?.disabled === !redo;
        },
        [undo, redo] as const,
      );
    },
    /** Opens the Gantt tab of the project page that is showing. */
    async open() {
      await page.getByRole('tab', { name: 'Gantt' }).click();
      await page.locator('.gantt').waitFor();
    },
    /** Adds tasks at the end of the plan by typing their names into the grid, Enter after each. */
    async addTasks(names: readonly string[]) {
      await page.getByRole('button', { name: 'Add task' }).click();
      for (const name of names) {
        const input = page.getByLabel('New task name');
        await input.fill(name);
        await rescheduled(() => input.press('Enter'));
        await row(name).waitFor();
      }
      await page.getByLabel('New task name').press('Escape');
    },
    /** Types into one cell of a task's row (double click to edit, Enter to save) and waits for the new schedule. */
    async setCell(name: string, column: 'name' | 'duration' | 'start' | 'finish' | 'percent', value: string) {
      await row(name).locator(`[data-column="${column}"]`).dblclick();
      const editor = row(name).locator('.gantt__editor');
      await editor.fill(value);
      await rescheduled(() => editor.press('Enter'));
    },
    async cell(name: string, column: string): Promise<string> {
      return ((await row(name).locator(`[data-column="${column}"]`).textContent()) ?? '').trim();
    },
    /** Scrolls the timeline so that the earliest of these bars sits near the left edge of the chart. */
    async reveal(...names: string[]) {
      const xs = await Promise.all(
        names.map(async (name) => Number(await (await bar(name)).getAttribute('data-x'))),
      );
      await page
        .getByTestId('gantt-scroller')
        .evaluate((element, x) => element.scrollTo({ left: Math.max(0, x - 80) }), Math.min(...xs));
    },
    /** Draws a finish-to-start link by dragging from the end of one bar onto another. */
    async link(from: string, to: string) {
      await this.reveal(from, to);
      const source = await bar(from);
      const target = await bar(to);
      await source.hover();
      const handle = source.locator('.gantt__handle');
      const start = await handle.boundingBox();
      const end = await target.boundingBox();
      if (!start || !end) throw new Error(`Bars of ${from} or ${to} are not on screen`);
      await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
      await page.mouse.down();
      await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 5 });
      await page.mouse.up();
    },
    /** Drags a bar sideways by a number of days at the default zoom. */
    async dragBar(name: string, { days }: { days: number }) {
      await this.reveal(name);
      const box = await (await bar(name)).boundingBox();
      if (!box) throw new Error(`The bar of ${name} is not on screen`);
      const x = box.x + Math.min(box.width / 2, 10);
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + days * dayWidth, y, { steps: 6 });
      await page.mouse.up();
    },
    /** The bar's left edge and width on the timeline, in pixels from its start, whatever the scroll. */
    async barBox(name: string): Promise<{ x: number; width: number }> {
      const element = await bar(name);
      return {
        x: Number(await element.getAttribute('data-x')),
        width: Number(await element.getAttribute('data-width')),
      };
    },
    /**
     * Everything the chart shows, as text: each grid row's cells, each bar's place, size and classes, the slack after
     * it and every link's path. Two charts that show the same plan give the same picture, whatever is selected.
     */
    async picture(): Promise<string[]> {
      return page.evaluate(() => {
        const text = (element: Element) => (element.textContent ?? '').trim();
        const rows = Array.from(document.querySelectorAll('.gantt__grid .gantt__row')).map(
          (row) =>
            `row ${row.getAttribute('data-task-id')}: ${Array.from(row.querySelectorAll('[data-column]')).map(text).join(' | ')}`,
        );
        const bars = Array.from(document.querySelectorAll('.gantt__bar')).map((bar) =>
          ['x', 'y', 'width'].reduce(
            (line, key) => `${line} ${key}=${bar.getAttribute(`data-${key}`)}`,
            // The selection is the viewer's, not the plan's.
            `bar ${bar.getAttribute('data-task-id')} ${bar.className.replace(/ ?gantt__bar--selected/, '')}`,
          ),
        );
        const slack = Array.from(document.querySelectorAll('.gantt__slack')).map(
          (element) => `slack ${element.getAttribute('title')} ${(element as HTMLElement).style.cssText}`,
        );
        const links = Array.from(document.querySelectorAll('.gantt__link')).map(
          (link) => `link ${link.getAttribute('class')} ${link.getAttribute('d')}`,
        );
        return [...rows, ...[...bars, ...slack, ...links].sort()];
      });
    },
    async isCritical(name: string): Promise<boolean> {
      return ((await (await bar(name)).getAttribute('class')) ?? '').includes('gantt__bar--critical');
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

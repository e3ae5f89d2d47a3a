/** How the Gantt benchmarks measure a chart: time to the first drawn bar, frame times while scrolling, a drag's round trip. */
import type { Page } from 'playwright-core';

/**
 * Scrolls an element a little down and sideways every frame and returns the 95th percentile of the frame times. The
 * page script is a string: tsx would wrap a named inner function in a helper the page does not have.
 */
export function scrollP95(page: Page, selector: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const element = document.querySelector(${JSON.stringify(selector)});
    if (!element) return reject(new Error('no scroller'));
    const deltas = [];
    let last = 0;
    let frames = 0;
    const started = performance.now();
    const step = (time) => {
      if (last) deltas.push(time - last);
      last = time;
      element.scrollTop += 160;
      if (frames % 4 === 0) element.scrollLeft += 40;
      // At most 300 frames or 20 seconds: a chart that takes seconds per frame has told its figure by then.
      if (++frames < 300 && time - started < 20000) requestAnimationFrame(step);
      else {
        deltas.sort((a, b) => a - b);
        resolve(deltas[Math.floor(deltas.length * 0.95)]);
      }
    };
    requestAnimationFrame(step);
  })`);
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
export const ms = (value: number) => value.toFixed(0);

/** Records, from the first moment of the page, when the first bar is drawn and a frame has passed after it. */
export const readyProbe = () => {
  const w = window as unknown as { __ganttReady?: number };
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.gantt__bar')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      w.__ganttReady = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
};

export async function openGantt(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { __ganttReady?: number }).__ganttReady !== undefined,
    null,
    {
      timeout: 120_000,
    },
  );
  return page.evaluate(() => (window as unknown as { __ganttReady: number }).__ganttReady);
}

/** Drags a bar two days to the right and returns the time from releasing it to the redrawn, rescheduled chart. */
export async function dragRoundTrip(page: Page, taskId: string): Promise<number> {
  const bar = page.locator(`.gantt__bar[data-task-id="${taskId}"]`);
  const box = await bar.boundingBox();
  if (!box) throw new Error('The dragged bar is not on screen');
  await page.evaluate(() => {
    const w = window as unknown as { __up?: number; __drawn?: number };
    delete w.__up;
    delete w.__drawn;
    window.addEventListener(
      'pointerup',
      () => {
        w.__up = performance.now();
      },
      { capture: true, once: true },
    );
    const gantt = document.querySelector('.gantt');
    if (!gantt) return;
    const observer = new MutationObserver(() => {
      observer.disconnect();
      requestAnimationFrame(() => {
        w.__drawn = performance.now();
      });
    });
    observer.observe(gantt, { attributes: true, attributeFilter: ['data-plan-revision'] });
  });
  const x = box.x + Math.min(10, box.width / 2);
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 72, y, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => (window as unknown as { __drawn?: number }).__drawn !== undefined, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => {
    const w = window as unknown as { __up: number; __drawn: number };
    return w.__drawn - w.__up;
  });
}

/** How the Gantt benchmarks measure a chart: time to the first drawn bar, frame times while scrolling, a drag's round trip. */
import type { Page } from 'playwright-core';

/**
 * Frame cost while scrolling: scrolls the elements matching `selector` (at most `limit` of them) by `step` pixels
 * down (and a quarter of it sideways every fourth frame) on each animation frame, and returns the 95th percentile of
 * the intervals between frames. `step` 0 scrolls nothing: the idle page's figure, printed beside as the baseline.
 *
 * The method: the browser runs with its frame rate unlocked (`launchChromium({ unlockedFrames: true })`, Chromium's
 * `--disable-gpu-vsync --disable-frame-rate-limit`), so a frame starts as soon as the one before is done and the
 * interval is the frame's whole cost: scroll handlers, React's render, style, layout, paint and compositing. Locked to
 * 60 Hz vsync, every interval is at least 16.7 ms and an idle page measures as much as a page that just fits; the
 * Long Animation Frames API does not help either, as it reports only frames over 50 ms. A figure within 16 ms here
 * means a frame that fits a 60 Hz display. The page script is a string: tsx would wrap a named inner function in a
 * helper the page does not have.
 */
export function frameP95(
  page: Page,
  selector: string,
  options: { step?: number; limit?: number; frames?: number } = {},
): Promise<number> {
  const { step = 160, limit = 1, frames = 300 } = options;
  return page.evaluate(`new Promise((resolve, reject) => {
    const elements = [...document.querySelectorAll(${JSON.stringify(selector)})].slice(0, ${limit});
    if (elements.length === 0) return reject(new Error('nothing to scroll: ${selector}'));
    const deltas = [];
    let last = 0;
    let frames = 0;
    const started = performance.now();
    const step = (time) => {
      if (last) deltas.push(time - last);
      last = time;
      for (const element of elements) {
        element.scrollTop += ${step};
        if (frames % 4 === 0) element.scrollLeft += ${step / 4};
      }
      // At most ${frames} frames or 20 seconds: a chart that takes seconds per frame has told its figure by then.
      if (++frames < ${frames} && time - started < 20000) requestAnimationFrame(step);
      else {
        deltas.sort((a, b) => a - b);
        resolve(deltas[Math.floor(deltas.length * 0.95)]);
      }
    };
    requestAnimationFrame(step);
  })`);
}

/** The scroll figure of a chart: the frame p95 while scrolling its scroller 160 px a frame. */
export const scrollP95 = (page: Page, selector: string) => frameP95(page, selector);

/** The same page's frame p95 with nothing scrolling: the machine's own cost of a frame, read beside the scroll figure. */
export const idleP95 = (page: Page, selector: string) => frameP95(page, selector, { step: 0 });

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
export const ms = (value: number) => value.toFixed(0);
/** Frame times need the tenth: most of them are a few milliseconds. */
export const frameMs = (value: number) => value.toFixed(1);

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

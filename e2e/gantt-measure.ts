/** How the Gantt benchmarks measure a chart: time to the first drawn bar, frame times while scrolling, a drag's round trip. */
import type { Page } from 'playwright-core';

/**
 * Frame cost while scrolling: scrolls the elements matching `selector` (at most `limit` of them) by `step` pixels
 * down (and a quarter of it sideways every fourth frame) on each animation frame, and returns the 95th percentile of
 * the frames' main-thread cost. `step` 0 scrolls nothing: the idle page's figure, printed beside as the baseline.
 *
 * The method: a frame's cost runs from the frame's start (the animation-frame timestamp, taken before the frame's scroll
 * events, React's work they schedule, style, layout and paint) to the first task the main thread runs after that
 * frame's rendering, found with a message posted from the animation frame. The intervals between frames cannot tell
 * it: headless Chromium locks them to 60 Hz even with `--disable-gpu-vsync --disable-frame-rate-limit` (an idle page
 * measures 16.7–18 ms), so a page that does nothing and one that just fits look the same; and the Long Animation
 * Frames API reports only frames over 50 ms. Rasterising and compositing run off the main thread and are not in the
 * figure. A figure within 16 ms means the main thread fits each frame of a 60 Hz display. The page script is a
 * string: tsx would wrap a named inner function in a helper the page does not have.
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
    const costs = [];
    const channel = new MessageChannel();
    let frameStart = null;
    let lastDone = 0;
    channel.port1.onmessage = () => {
      lastDone = performance.now();
      costs.push(lastDone - frameStart);
      frameStart = null;
    };
    let frames = 0;
    const started = performance.now();
    const finish = () => {
      if (frameStart !== null) return setTimeout(finish, 0);
      channel.port1.close();
      costs.sort((a, b) => a - b);
      resolve(costs[Math.floor(costs.length * 0.95)]);
    };
    const step = (time) => {
      if (frameStart === null) {
        // The frame began at its timestamp, unless the main thread was still busy with the frame before.
        frameStart = Math.min(Math.max(time, lastDone), performance.now());
        channel.port2.postMessage(0);
      }
      for (const element of elements) {
        element.scrollTop += ${step};
        if (frames % 4 === 0) element.scrollLeft += ${step / 4};
      }
      // At most ${frames} frames or 20 seconds: a chart that takes seconds per frame has told its figure by then.
      if (++frames < ${frames} && time - started < 20000) requestAnimationFrame(step);
      else finish();
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

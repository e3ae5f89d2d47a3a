/**
 * Prints figures for the Gantt: a project of 10,000 tasks and 15,000 links, opened in Chromium; time to an
 * interactive chart, the frames' main-thread cost while scrolling (see `frameP95`, with the idle page's
 * frames beside), and the round trip of a dragged bar; then frappe-gantt given the same tasks on a static page
 * in the same browser, as the peer. `npx tsx e2e/gantt.bench.ts`. Figures only, no thresholds.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  dragRoundTrip,
  frameMs,
  idleP95,
  median,
  ms,
  openGantt,
  readyProbe,
  scrollP95,
} from './gantt-measure';
import { benchProject, seedPlan } from './gantt-seed';
import { launchChromium } from './harness/browser';
import { buildWeb, startTandem } from './harness/tandem';

const require = createRequire(import.meta.url);

/** The idle frame p95, then the median of three scroll p95s after a warm-up pass (which compiles and lays out). */
async function frames(page: Page, selector: string): Promise<{ idle: number; scroll: number }> {
  const idle = await idleP95(page, selector);
  const top = `document.querySelector(${JSON.stringify(selector)})?.scrollTo({ top: 0, left: 0 })`;
  const runs: number[] = [];
  for (let run = 0; run < 4; run++) {
    await page.evaluate(top);
    const p95 = await scrollP95(page, selector);
    if (run > 0) runs.push(p95);
  }
  await page.evaluate(top);
  return { idle, scroll: median(runs) };
}

async function frappeFigures(
  page: Page,
  tasks: unknown[],
): Promise<{ interactive: number; scroll: number; idle: number }> {
  // The package exports only its source; its built files sit beside it in dist/.
  const dist = join(dirname(require.resolve('frappe-gantt')), '..', 'dist', 'frappe-gantt.umd.js');
  const script = await readFile(dist, 'utf8');
  const css = await readFile(dist.replace('frappe-gantt.umd.js', 'frappe-gantt.css'), 'utf8');
  const data = JSON.stringify(tasks);
  const origin = 'http://peer.bench';
  await page.route(`${origin}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/frappe-gantt.js') return route.fulfill({ contentType: 'text/javascript', body: script });
    if (path === '/frappe-gantt.css') return route.fulfill({ contentType: 'text/css', body: css });
    if (path === '/tasks.json') return route.fulfill({ contentType: 'application/json', body: data });
    return route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><head><link rel="stylesheet" href="/frappe-gantt.css"><script src="/frappe-gantt.js"></script></head>
<body><div id="chart"></div><script>
fetch('/tasks.json').then((r) => r.json()).then((tasks) => {
  new Gantt('#chart', tasks, { view_mode: 'Day', container_height: 700, readonly: false });
  requestAnimationFrame(() => { window.__ready = performance.now(); });
});
</script></body></html>`,
    });
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready !== undefined, null, {
    timeout: 600_000,
    polling: 500,
  });
  const interactive = await page.evaluate(() => (window as unknown as { __ready: number }).__ready);
  return { interactive, ...(await frames(page, '.gantt-container')) };
}

async function main(): Promise<void> {
  const dist = await buildWeb();
  const tandem = await startTandem({ webDist: dist });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    const { workspaceId, project } = await benchProject(page);
    const seeding = performance.now();
    const seeded = await seedPlan(tandem.server.database.connectionString, workspaceId, project.id);
    console.log(
      `seeded ${seeded.tasks} tasks and ${seeded.links} links with SQL in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );
    const url = `/w/${workspaceId}/projects/${project.id}?view=gantt`;

    const gantt = await context.newPage();
    await gantt.addInitScript(readyProbe);
    const cold = await openGantt(gantt, url);
    const loads: number[] = [];
    for (let i = 0; i < 3; i++) loads.push(await openGantt(gantt, url));
    const { idle, scroll } = await frames(gantt, '.gantt__scroller');
    const rendered = await gantt.locator('.gantt__bar').count();
    await gantt.waitForTimeout(200);
    const drags: number[] = [];
    for (let i = 0; i < 5; i++) drags.push(await dragRoundTrip(gantt, seeded.leaf));
    console.log(
      `first load (schedule not yet cached on the server): ${ms(cold)} ms; bars in the DOM after scrolling: ${rendered}; drags: ${drags.map(ms).join(', ')} ms`,
    );
    console.log(
      `gantt ${seeded.tasks} tasks: interactive ${ms(median(loads))} ms, scroll p95 ${frameMs(scroll)} ms (idle page ${frameMs(idle)} ms), drag ${ms(median(drags))} ms`,
    );

    const plan = await gantt.evaluate(async (projectId) => {
      const response = await fetch(`/api/projects/${projectId}/plan`);
      return (await response.json()) as {
        tasks: { id: string; name: string; percentComplete: number }[];
        links: { predecessorId: string; successorId: string }[];
        schedule: { tasks: { id: string; start: string; finish: string }[] };
      };
    }, project.id);
    const dates = new Map(plan.schedule.tasks.map((t) => [t.id, t]));
    const predecessors = new Map<string, string[]>();
    for (const link of plan.links)
      predecessors.set(link.successorId, [...(predecessors.get(link.successorId) ?? []), link.predecessorId]);
    const frappeTasks = plan.tasks.map((task) => ({
      id: task.id,
      name: task.name,
      start: (dates.get(task.id)?.start ?? '2026-01-05T08:00').replace('T', ' '),
      end: (dates.get(task.id)?.finish ?? '2026-01-05T17:00').replace('T', ' '),
      progress: task.percentComplete,
      dependencies: (predecessors.get(task.id) ?? []).join(', '),
    }));
    const peer = await frappeFigures(await context.newPage(), frappeTasks);
    console.log(
      `frappe-gantt ${frappeTasks.length} tasks: interactive ${ms(peer.interactive)} ms, scroll p95 ${frameMs(peer.scroll)} ms (idle page ${frameMs(peer.idle)} ms)`,
    );
  } finally {
    await browser.close();
    await tandem.stop();
  }
}

await main();

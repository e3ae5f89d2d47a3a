/**
 * Prints figures for the Gantt: a project of 10,000 tasks and 15,000 links, opened in Chromium; time to an
 * interactive chart, frame times while scrolling, and the round trip of a dragged bar; then frappe-gantt given the same
 * tasks on a static page in the same browser, as the peer. `npx tsx e2e/gantt.bench.ts`. Figures only, no thresholds.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { apiPost, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { buildWeb, startTandem } from './harness/tandem';
import { ui } from './harness/ui';

const taskCount = Number(process.env.BENCH_TASKS ?? 10_000);
const linkCount = Number(process.env.BENCH_LINKS ?? 15_000);
const require = createRequire(import.meta.url);

/** Ten children under each summary; links within a workstream of ten summaries, always forward, so no cycle. */
async function seedPlan(connectionString: string, workspaceId: string, projectId: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('begin');
    const tasks: (string | number | null)[][] = [];
    const leaves: string[] = [];
    const perSummary = 10;
    let summaryId = '';
    for (let i = 0; i < taskCount; i++) {
      const id = `tsk_bench${String(i).padStart(6, '0')}`;
      if (i % perSummary === 0) {
        summaryId = id;
        tasks.push([id, null, `Phase ${i / perSummary + 1}`, 0, i / perSummary + 1]);
      } else {
        leaves.push(id);
        tasks.push([
          id,
          summaryId,
          `Task ${String(i).padStart(5, '0')}`,
          480 * (1 + (i % 4)),
          i % perSummary,
        ]);
      }
    }
    for (let start = 0; start < tasks.length; start += 1000) {
      const batch = tasks.slice(start, start + 1000);
      const values = batch.map(
        (_, j) =>
          `($${j * 5 + 1}, $${j * 5 + 2}, $${j * 5 + 3}, $${j * 5 + 4}, $${j * 5 + 5}, '${workspaceId}', '${projectId}')`,
      );
      await client.query(
        `insert into tasks (id, parent_id, name, duration_minutes, position, workspace_id, project_id) values ${values.join(', ')}`,
        batch.flat(),
      );
    }
    // Chains inside each summary, then cross links to a later task of the same workstream of ninety leaves.
    const pairs: [string, string][] = [];
    const workstream = 90;
    for (let k = 0; k + 1 < leaves.length && pairs.length < linkCount; k++) {
      if ((k + 1) % 9 !== 0) pairs.push([leaves[k] ?? '', leaves[k + 1] ?? '']);
    }
    for (let base = 0; base + workstream <= leaves.length && pairs.length < linkCount; base += workstream) {
      for (let c = 0; c < 70 && pairs.length < linkCount; c++) {
        pairs.push([leaves[base + c] ?? '', leaves[base + c + 9 + ((c * 7) % 11)] ?? '']);
      }
    }
    for (let start = 0; start < pairs.length; start += 1000) {
      const batch = pairs.slice(start, start + 1000);
      const values = batch.map(
        (_, j) =>
          `('lnk_bench${String(start + j).padStart(6, '0')}', $${j * 2 + 1}, $${j * 2 + 2}, '${workspaceId}', '${projectId}')`,
      );
      await client.query(
        `insert into task_links (id, predecessor_id, successor_id, workspace_id, project_id) values ${values.join(', ')}`,
        batch.flat(),
      );
    }
    await client.query('update projects set plan_revision = plan_revision + 1 where id = $1', [projectId]);
    await client.query('commit');
    return { tasks: tasks.length, links: pairs.length, leaf: leaves[0] ?? '' };
  } finally {
    await client.end();
  }
}

/**
 * Scrolls an element a little down and sideways every frame and returns the 95th percentile of the frame times. The
 * page script is a string: tsx would wrap a named inner function in a helper the page does not have.
 */
function scrollP95(page: Page, selector: string): Promise<number> {
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

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ms = (value: number) => value.toFixed(0);

/** Records, from the first moment of the page, when the first bar is drawn and a frame has passed after it. */
const readyProbe = () => {
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

async function openGantt(page: Page, url: string): Promise<number> {
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
async function dragRoundTrip(page: Page, taskId: string): Promise<number> {
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

async function frappeFigures(page: Page, tasks: unknown[]): Promise<{ interactive: number; scroll: number }> {
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
  const scroll = await scrollP95(page, '.gantt-container');
  return { interactive, scroll };
}

async function main(): Promise<void> {
  const dist = await buildWeb();
  const tandem = await startTandem({ webDist: dist });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    await page.goto('/setup');
    const app = ui(page);
    await app.signUp({
      name: 'Bench Planner',
      email: 'planner@example.com',
      password: 'benchmark-password-1',
    });
    await app.createFirstWorkspace('Bench');
    const workspaceId = workspaceIdOf(page);
    const project = await apiPost(page, `/api/workspaces/${workspaceId}/projects`, {
      name: 'Ten thousand tasks',
      startDate: '2026-01-05',
    });
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
    const scroll = await scrollP95(gantt, '.gantt__scroller');
    const rendered = await gantt.locator('.gantt__bar').count();
    await gantt.evaluate(() => document.querySelector('.gantt__scroller')?.scrollTo({ top: 0, left: 0 }));
    await gantt.waitForTimeout(200);
    const drags: number[] = [];
    for (let i = 0; i < 5; i++) drags.push(await dragRoundTrip(gantt, seeded.leaf));
    console.log(
      `first load (schedule not yet cached on the server): ${ms(cold)} ms; bars in the DOM after scrolling: ${rendered}; drags: ${drags.map(ms).join(', ')} ms`,
    );
    console.log(
      `gantt ${seeded.tasks} tasks: interactive ${ms(median(loads))} ms, scroll p95 ${ms(scroll)} ms, drag ${ms(median(drags))} ms`,
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
      `frappe-gantt ${frappeTasks.length} tasks: interactive ${ms(peer.interactive)} ms, scroll p95 ${ms(peer.scroll)} ms`,
    );
  } finally {
    await browser.close();
    await tandem.stop();
  }
}

await main();

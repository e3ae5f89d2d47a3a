/**
 * Explains the Gantt benchmark's figures: on the same 10,000-task plan and with the same scroll and drag, prints where
 * the frames of a scroll go (long animation frames split into script, style and layout; the functions that take the
 * most time) and how a drag's round trip splits between the browser, the PATCH and the schedule's delta.
 * `npx tsx e2e/gantt-profile.ts` (PROFILE_MINIFY=0 keeps function names readable). Figures only, no thresholds.
 */
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { dragRoundTrip, median, ms, openGantt, readyProbe, scrollP95 } from './gantt-measure';
import { benchProject, seedPlan } from './gantt-seed';
import { launchChromium } from './harness/browser';
import { startTandem } from './harness/tandem';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

/** The functions with the most samples of a CPU profile, as "name (file:line) ms". */
function hottest(
  profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] },
  top = 15,
): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byNode.get(samples[i] ?? -1);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} (${url.split('/').pop()}:${lineNumber + 1})`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, time]) => `${time.toFixed(1).padStart(8)} ms  ${key}`);
}

/** Collects long animation frames from now on; the returned function reads a summary of them. */
async function watchFrames(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: PerformanceEntry[] };
    w.__frames = [];
    new PerformanceObserver((list) => w.__frames.push(...list.getEntries())).observe({
      type: 'long-animation-frame',
    });
  });
  // A string, not a function: tsx would wrap the inner arrow functions in a helper the page does not have.
  return () =>
    page.evaluate(`(() => {
      const frames = window.__frames;
      const sum = (f) => frames.reduce((s, x) => s + f(x), 0);
      const script = sum((x) => x.scripts.reduce((s, y) => s + y.duration, 0));
      const layout = sum((x) => (x.styleAndLayoutStart ? x.startTime + x.duration - x.styleAndLayoutStart : 0));
      const render = sum((x) => (x.renderStart ? (x.styleAndLayoutStart || x.startTime + x.duration) - x.renderStart : 0));
      const invokers = new Map();
      for (const f of frames) for (const s of f.scripts) invokers.set(s.invoker, (invokers.get(s.invoker) ?? 0) + s.duration);
      const r = (v) => Math.round(v);
      return { count: frames.length, total: r(sum((x) => x.duration)), script: r(script), renderCallbacks: r(render),
        styleAndLayout: r(layout), invokers: [...invokers.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => [k, r(v)]) };
    })()`);
}

async function profiled<T>(page: Page, run: () => Promise<T>): Promise<{ value: T; hot: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const value = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] };
  };
  await cdp.detach();
  return { value, hot: hottest(profile) };
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: {
    name?: string;
    elementCount?: number;
    beginData?: { dirtyObjects?: number; totalObjects?: number };
    data?: {
      nodeName?: string;
      clip?: number[];
      reason?: string;
      changedAttribute?: string;
      invalidationList?: { classes?: string[]; attribute?: string; id?: string }[];
    };
  };
}

/** Runs `run` under a Chromium trace and sums the durations of the renderer's main-thread events by name. */
async function traced<T>(page: Page, run: () => Promise<T>): Promise<{ value: T; totals: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => {
    events.push(...(data.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    categories:
      'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.invalidationTracking,v8.execute,blink,cc',
    transferMode: 'ReportEvents',
  });
  const value = await run();
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  // The busiest renderer main thread is the page's (closed pages and other frames leave threads of the same name).
  const threadNames = new Map<string, string>();
  for (const e of events)
    if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const busy = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.dur && threadNames.get(key) === 'CrRendererMain')
      busy.set(key, (busy.get(key) ?? 0) + e.dur);
  }
  const main = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const totals = new Map<string, { time: number; count: number }>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const key = `${e.pid}:${e.tid}`;
    const thread = key === main ? 'main' : (threadNames.get(key) ?? '?');
    if (thread !== 'main' && !/Compositor|Raster|Viz|VizCompositor/i.test(thread)) continue;
    const name = `${thread}: ${e.name}`;
    const total = totals.get(name) ?? { time: 0, count: 0 };
    total.time += e.dur / 1000;
    total.count++;
    totals.set(name, total);
  }
  const layouts = events.filter((e) => e.name === 'Layout' && e.args?.beginData);
  const styles = events.filter((e) => e.name === 'UpdateLayoutTree').map((e) => e.args?.elementCount);
  const paints = events.filter((e) => e.name === 'Paint').map((e) => `${e.args?.data?.nodeName}`);
  const reasons = new Map<string, number>();
  for (const e of events) {
    if (!/Invalidation/.test(e.name)) continue;
    const d = e.args?.data;
    const key = `${e.name} ${d?.reason ?? ''} ${d?.nodeName ?? ''} ${d?.changedAttribute ?? ''} ${JSON.stringify(d?.invalidationList ?? '')}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  const invalidations = [...reasons.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, n]) => `${String(n).padStart(6)}  ${k}`);
  const objects = layouts.map((e) => `${e.args?.beginData?.dirtyObjects}/${e.args?.beginData?.totalObjects}`);
  return {
    value,
    totals: [
      ...[...totals.entries()]
        .sort((a, b) => b[1].time - a[1].time)
        .slice(0, 45)
        .map(([name, t]) => `${t.time.toFixed(1).padStart(8)} ms ${String(t.count).padStart(5)}x  ${name}`),
      `layouts (dirty/total objects): ${objects.slice(0, 12).join(' ')}`,
      `styles (elements): ${styles.slice(0, 30).join(' ')}`,
      `paints: ${paints.slice(0, 30).join(' ')}`,
      ...invalidations,
    ],
  };
}

/** The resource timings of the requests a drag made, relative to the pointer's release. */
function dragRequests(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __up: number; __drawn: number };
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime >= w.__up - 1)
      .map((e) => {
        const r = e as PerformanceResourceTiming;
        return {
          name: r.name.replace(location.origin, ''),
          start: r.startTime - w.__up,
          waiting: r.responseStart - r.requestStart,
          end: r.responseEnd - w.__up,
          bytes: r.encodedBodySize,
        };
      });
  });
}

async function main(): Promise<void> {
  const outDir = `/tmp/tandem-gantt-profile-${process.pid}`;
  await build({
    configFile: new URL('../packages/web/vite.config.ts', import.meta.url).pathname,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, minify: process.env.PROFILE_MINIFY !== '0' },
  });
  const tandem = await startTandem({ webDist: outDir });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    const { workspaceId, project } = await benchProject(page);
    const seeded = await seedPlan(tandem.server.database.connectionString, workspaceId, project.id);
    const url = `/w/${workspaceId}/projects/${project.id}?view=gantt`;
    const gantt = await context.newPage();
    await gantt.addInitScript(readyProbe);
    await openGantt(gantt, url);
    const loads: number[] = [];
    for (let i = 0; i < 2; i++) loads.push(await openGantt(gantt, url));
    console.log(`interactive ${loads.map(ms).join(', ')} ms`);

    const idleFrames = `new Promise((resolve) => {
      const deltas = []; let last = 0;
      const step = (t) => { if (last) deltas.push(t - last); last = t;
        if (deltas.length < 60) requestAnimationFrame(step); else { deltas.sort((a, b) => a - b); resolve(deltas[57]); } };
      requestAnimationFrame(step);
    })`;
    const blank = await context.newPage();
    console.log(`idle frame p95 on a blank page ${Number(await blank.evaluate(idleFrames)).toFixed(2)} ms`);
    await blank.close();
    console.log(`idle frame p95 on the chart ${Number(await gantt.evaluate(idleFrames)).toFixed(2)} ms`);

    if (process.env.PROFILE_CSS) await gantt.addStyleTag({ content: process.env.PROFILE_CSS });
    const only = process.env.PROFILE_ONLY;
    if (only !== 'drag') {
      await gantt.evaluate(`(() => {
      window.__mutations = new Map();
      new MutationObserver((list) => {
        for (const m of list) {
          const key = m.type + ' ' + (m.target.className?.baseVal ?? m.target.className ?? m.target.nodeName) + ' ' + (m.attributeName ?? '');
          window.__mutations.set(key, (window.__mutations.get(key) ?? 0) + 1);
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    })()`);
      // The benchmark's scroll, but keeping every frame time: the spread tells long frames from a slow steady state.
      const spread = await gantt.evaluate(`new Promise((resolve) => {
      const element = document.querySelector('.gantt__scroller');
      const deltas = []; let last = 0; let frames = 0; const started = performance.now();
      const step = (time) => {
        if (last) deltas.push(time - last);
        last = time;
        element.scrollTop += 160;
        if (frames % 4 === 0) element.scrollLeft += 40;
        if (++frames < 300 && time - started < 20000) requestAnimationFrame(step);
        else {
          deltas.sort((a, b) => a - b);
          const at = (p) => deltas[Math.floor(deltas.length * p)].toFixed(1);
          resolve({ frames: deltas.length, p50: at(0.5), p75: at(0.75), p90: at(0.9), p95: at(0.95), p99: at(0.99),
            over17: deltas.filter((d) => d > 17.5).length, worst: deltas.slice(-8).map((d) => Math.round(d)) });
        }
      };
      requestAnimationFrame(step);
    })`);
      console.log('scroll spread', JSON.stringify(spread));
      await gantt.evaluate(() => document.querySelector('.gantt__scroller')?.scrollTo({ top: 0, left: 0 }));
      await gantt.waitForTimeout(300);
      const frames = await watchFrames(gantt);
      const scroll = await profiled(gantt, () => scrollP95(gantt, '.gantt__scroller'));
      console.log(`scroll p95 ${ms(scroll.value)} ms; long frames:`, JSON.stringify(await frames()));
      console.log(scroll.hot.join('\n'));
      console.log(
        'mutations',
        await gantt.evaluate(
          `JSON.stringify([...window.__mutations].sort((a, b) => b[1] - a[1]).slice(0, 12))`,
        ),
      );
      await gantt.evaluate(() => document.querySelector('.gantt__scroller')?.scrollTo({ top: 0, left: 0 }));
      console.log(
        `bars ${await gantt.locator('.gantt__bar').count()}, elements ${await gantt.evaluate(() => document.querySelectorAll('*').length)}`,
      );
      if (process.env.PROFILE_TRACE !== '0') {
        const tracedScroll = await traced(gantt, () => scrollP95(gantt, '.gantt__scroller'));
        console.log(`traced scroll p95 ${ms(tracedScroll.value)} ms`);
        console.log(tracedScroll.totals.join('\n'));
      }
    }
    if (only === 'scroll') return;

    await gantt.evaluate(() => document.querySelector('.gantt__scroller')?.scrollTo({ top: 0, left: 0 }));
    await gantt.waitForTimeout(300);
    const drags: number[] = [];
    for (let i = 0; i < 5; i++) {
      await gantt.evaluate(() => performance.clearResourceTimings());
      const drag = await profiled(gantt, () => dragRoundTrip(gantt, seeded.leaf));
      drags.push(drag.value);
      console.log(`drag ${ms(drag.value)} ms; requests:`);
      for (const r of await dragRequests(gantt))
        console.log(
          `  ${r.name} from ${ms(r.start)} to ${ms(r.end)} ms (server ${ms(r.waiting)} ms, ${r.bytes} B)`,
        );
      if (i === 3) console.log(drag.hot.join('\n'));
      if (i === 4) {
        const tracedDrag = await traced(gantt, () => dragRoundTrip(gantt, seeded.leaf));
        console.log(`traced drag ${ms(tracedDrag.value)} ms`);
        console.log(tracedDrag.totals.join('\n'));
      }
    }
    console.log(`drag median ${ms(median(drags))} ms`);
  } finally {
    await browser.close();
    await tandem.stop();
  }
}

await main();

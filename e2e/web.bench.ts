/**
 * Prints figures for the web app: bundle size, build time, page loads and a long virtualised list.
 * `npx tsx e2e/web.bench.ts` (starts its own server on a temporary data directory). Figures only, no thresholds.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { seedProjects, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { buildWeb, startTandem } from './harness/tandem';
import { ui } from './harness/ui';

const projectCount = Number(process.env.BENCH_PROJECTS ?? 2000);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function bundleFigures(dist: string): Promise<void> {
  const assets = join(dist, 'assets');
  for (const name of (await readdir(assets)).filter((n) => /\.(js|css)$/.test(n))) {
    const bytes = await readFile(join(assets, name));
    console.log(
      `  ${name.replace(/-[\w-]+\./, '.')}: ${kb(bytes.length)} raw, ${kb(gzipSync(bytes).length)} gzip`,
    );
  }
  const fonts = (await readdir(assets)).filter((n) => n.endsWith('.woff2'));
  const latin = fonts.find((n) => n.startsWith('inter-latin-wght'));
  if (latin)
    console.log(
      `  Inter latin subset (the only font file a Latin page loads): ${kb((await stat(join(assets, latin))).size)}`,
    );
}

async function main(): Promise<void> {
  const started = performance.now();
  const dist = await buildWeb();
  console.log(`web build: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  await bundleFigures(dist);
  const tandem = await startTandem({ webDist: dist });
  const browser = await launchChromium();
  try {
    const page = await (
      await browser.newContext({ baseURL: tandem.url, viewport: { width: 1280, height: 800 } })
    ).newPage();
    await page.goto('/setup');
    await page.getByLabel('Full name').waitFor();
    const paint = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        domContentLoaded: navigation.domContentLoadedEventEnd,
        firstPaint: fcp?.startTime ?? Number.NaN,
      };
    });
    console.log(
      `set-up page, cold cache: DOMContentLoaded ${paint.domContentLoaded.toFixed(0)} ms, first contentful paint ${paint.firstPaint.toFixed(0)} ms`,
    );
    await ui(page).signUp({
      name: 'Bench Owner',
      email: 'bench@example.com',
      password: 'benchmark-password-1',
    });
    await ui(page).createFirstWorkspace('Bench');
    const workspaceId = workspaceIdOf(page);

    const seeding = performance.now();
    const created = await seedProjects(page, workspaceId, projectCount, 'Project');
    const seconds = (performance.now() - seeding) / 1000;
    console.log(`seeded ${created} projects through the API from the browser in ${seconds.toFixed(1)} s`);

    const opening = performance.now();
    await page.goto(`/w/${workspaceId}/projects`);
    await page.locator('.table__row').first().waitFor();
    console.log(`projects page, warm cache, to first row: ${(performance.now() - opening).toFixed(0)} ms`);

    const scrolling = performance.now();
    const footer = page.locator('.table__footer');
    const scroller = page.locator('.table__scroll');
    let maxRows = 0;
    while ((await footer.textContent())?.trim() !== `${created} projects`) {
      await scroller.evaluate((element) => element.scrollBy(0, element.clientHeight * 3));
      maxRows = Math.max(maxRows, await page.locator('.table__row').count());
      await page.waitForTimeout(16);
    }
    console.log(
      `scrolled through all ${created} rows (pages of 200 loaded on the way) in ${((performance.now() - scrolling) / 1000).toFixed(1)} s; at most ${maxRows} rows in the DOM at once`,
    );
    const heap = await page.evaluate(
      () =>
        (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    );
    if (heap) console.log(`JS heap after loading ${created} rows: ${(heap / 1024 / 1024).toFixed(1)} MB`);

    const typing = performance.now();
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Command' }).fill(`Project ${String(created).padStart(4, '0')}`);
    await page.locator('[cmdk-item]', { hasText: `Project ${String(created).padStart(4, '0')}` }).waitFor();
    console.log(
      `command palette: open, type, and find project #${created} on the server: ${(performance.now() - typing).toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await tandem.stop();
  }
}

await main();

/**
 * Product management figures: a backlog of 10,000 scored features with 50,000 pieces of feedback, ranked and filtered
 * over HTTP (each score and the demand computed in PostgreSQL), and a roadmap of 500 initiatives opened in headless
 * Chromium until its bars are drawn. Prints figures only, no thresholds.
 * Run: npm run bench:product
 */
import { apiPost, workspaceIdOf } from '../e2e/harness/api';
import { launchChromium } from '../e2e/harness/browser';
import { startTandem } from '../e2e/harness/tandem';
import { ui } from '../e2e/harness/ui';
import { productSize, seedProduct } from './product-seed';

const requests = 100;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ms = (value: number) => value.toFixed(0);
const { featureCount, feedbackCount, initiativeCount } = productSize;

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? Number.NaN;

async function timed(url: string, cookie: string, paths: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    await response.json();
    times.push(performance.now() - started);
  }
  return times;
}

const tandem = await startTandem();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto('/setup');
  await ui(page).signUp({
    name: 'Bench Product',
    email: 'product@example.com',
    password: 'benchmark-password-1',
  });
  await ui(page).createFirstWorkspace('Bench');
  const workspaceId = workspaceIdOf(page);
  const product = await apiPost(page, `/api/workspaces/${workspaceId}/products`, {
    name: 'Ten thousand features',
  });
  const seeding = performance.now();
  const { initiativeId } = await seedProduct(
    tandem.server.database.connectionString,
    workspaceId,
    product.id,
  );
  console.log(
    `seeded ${featureCount} features, ${feedbackCount} feedback, ${initiativeCount} initiatives with SQL in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const backlog = `/api/products/${product.id}/backlog`;
  const by = ['rice', 'wsjf', 'value_effort', 'demand'];
  // One warm-up round, as a user's second visit would be.
  await timed(
    tandem.url,
    cookie,
    by.map((b) => `${backlog}?by=${b}`),
  );
  const rank = await timed(
    tandem.url,
    cookie,
    Array.from(
      { length: requests },
      (_, k) => `${backlog}?by=${by[k % by.length]}&limit=100&offset=${(k % 5) * 100}`,
    ),
  );
  const filters = [
    'status=planned',
    'q=maps',
    `initiativeId=${initiativeId}`,
    'status=new,under_consideration&q=sync',
    'initiativeId=none&status=planned',
  ];
  const filter = await timed(
    tandem.url,
    cookie,
    Array.from(
      { length: requests },
      (_, k) => `${backlog}?by=${by[k % by.length]}&${filters[k % filters.length]}&limit=100`,
    ),
  );
  const byMethod = by
    .map((b) => `${b} ${ms(median(rank.filter((_, k) => k % by.length === by.indexOf(b))))} ms`)
    .join(', ');
  console.log(`rank p50 per score: ${byMethod}`);
  console.log(
    `backlog ${featureCount} features ${feedbackCount} feedback: rank p50 ${ms(percentile(rank, 0.5))} ms p99 ${ms(percentile(rank, 0.99))} ms, filter p50 ${ms(percentile(filter, 0.5))} ms p99 ${ms(percentile(filter, 0.99))} ms`,
  );

  // The first read after a write: every write that can move a feature (here a pin set, then lifted) changes the
  // product's backlog revision, so the next read ranks the whole backlog again before it cuts its page.
  const csrf = decodeURIComponent(
    (await context.cookies()).find((c) => c.name === 'tandem_csrf')?.value ?? '',
  );
  const write = async (path: string, body: unknown) => {
    const response = await fetch(`${tandem.url}${path}`, {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { version: number };
  };
  const [first] = (await (await fetch(`${tandem.url}${backlog}?limit=1`, { headers: { cookie } })).json())
    .items as {
    featureId: string;
    scoreVersion: number;
  }[];
  if (!first) throw new Error('The seeded backlog is empty');
  let version = first.scoreVersion;
  const coldReads = 20;
  const cold: number[] = [];
  for (let k = 0; k < coldReads; k++) {
    ({ version } = await write(`/api/features/${first.featureId}/rank`, {
      pinnedPosition: k % 2 === 0 ? 3 : null,
      version,
    }));
    cold.push(...(await timed(tandem.url, cookie, [`${backlog}?by=${by[k % by.length]}&limit=100`])));
  }
  console.log(
    `backlog first read after a write (cold, whole backlog ranked again): p50 ${ms(percentile(cold, 0.5))} ms p99 ${ms(percentile(cold, 0.99))} ms over ${coldReads} reads; the rank and filter figures above are reads with the ranking kept (warm)`,
  );

  const roadmapPage = await context.newPage();
  await roadmapPage.addInitScript(() => {
    const w = window as unknown as { __roadmapReady?: number };
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('.roadmap-bar').length === 0) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        w.__roadmapReady = performance.now();
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const open = async () => {
    await roadmapPage.goto(`/w/${workspaceId}/products/${product.id}?view=roadmap`);
    await roadmapPage.waitForFunction(
      () => (window as unknown as { __roadmapReady?: number }).__roadmapReady !== undefined,
      null,
      { timeout: 120_000 },
    );
    return roadmapPage.evaluate(() => (window as unknown as { __roadmapReady: number }).__roadmapReady);
  };
  const coldRoadmap = await open();
  const loads: number[] = [];
  for (let k = 0; k < 3; k++) loads.push(await open());
  const bars = await roadmapPage.locator('.roadmap-bar').count();
  console.log(`first roadmap load: ${ms(coldRoadmap)} ms; bars drawn: ${bars}`);
  console.log(`roadmap ${initiativeCount} initiatives: interactive ${ms(median(loads))} ms`);
} finally {
  await browser.close();
  await tandem.stop();
}

/**
 * Takes the screenshots of `docs/screenshots/` from a real server with a small seeded workspace:
 * `npx tsx e2e/screenshots.ts`. Run it after a visible change to the web app, and look at the pictures.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { ganttShots } from './gantt-shots';
import { apiPost as post, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { startTandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

// SCREENSHOTS_DIR (ending in /) writes elsewhere, to look at pictures before replacing the committed ones.
const out = process.env.SCREENSHOTS_DIR ?? fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const owner: Person = { name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical-engine-1843' };

const projects = [
  ['Checkout redesign', '2026-01-12'],
  ['Warehouse management system', '2026-02-02'],
  ['Mobile app 3.0', '2026-03-02'],
  ['EU data residency', '2026-01-05'],
  ['Partner API v2', '2026-04-06'],
  ['Customer portal', '2026-02-16'],
  ['Billing migration', '2026-05-04'],
  ['Support chatbot pilot', '2026-03-23'],
] as const;

async function main(): Promise<void> {
  await mkdir(out, { recursive: true });
  const tandem = await startTandem();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      baseURL: tandem.url,
      viewport: { width: 1280, height: 800 },
      colorScheme: 'light',
      // Pictures of the finished state, not of an overlay halfway through its entrance animation.
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const app = ui(page);
    const shot = async (name: string) => {
      // Confirmation toasts are transient; a picture of the page should not keep one.
      const dismiss = page.getByRole('button', { name: 'Dismiss' });
      while ((await dismiss.count()) > 0) await dismiss.first().click();
      await page.screenshot({ path: `${out}${name}.png` });
    };

    await page.goto('/setup');
    await page.getByLabel('Full name').waitFor();
    await shot('setup');
    await app.signUp(owner);
    await app.createFirstWorkspace('Acme');
    const workspaceId = workspaceIdOf(page);
    await shot('empty-projects');

    const program = await post(page, `/api/workspaces/${workspaceId}/programs`, {
      name: 'Enter the EU market',
      objective: 'Win 500 EU customers by the end of 2026',
    });
    const product = await post(page, `/api/workspaces/${workspaceId}/products`, {
      name: 'Storefront',
      vision: 'The fastest way for a small shop to sell online',
    });
    await post(page, `/api/workspaces/${workspaceId}/products`, {
      name: 'Mobile app',
      vision: 'Shopping in one thumb',
    });
    for (const [index, [name, startDate]] of projects.entries()) {
      await post(page, `/api/workspaces/${workspaceId}/projects`, {
        name,
        startDate,
        description: 'Planned with Tandem',
        ...(index % 2 === 0 ? { programId: program.id } : {}),
        ...(index % 3 === 0 ? { productId: product.id } : {}),
      });
    }
    await app.navigate('Projects');
    await page.locator('.table__row').first().waitFor();
    await shot('projects');

    await app.openPalette();
    await page.getByRole('combobox', { name: 'Command' }).fill('new');
    await shot('command-palette');
    await page.keyboard.press('Escape');

    await page.locator('.table__row', { hasText: 'Checkout redesign' }).click();
    await page.getByRole('heading', { level: 1, name: 'Checkout redesign' }).waitFor();
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByLabel('Description').fill('Cut checkout from five steps to two, with saved cards.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('button', { name: 'Edit details' }).waitFor();
    await page.getByLabel('Holidays').fill('2026-12-24 Christmas Eve\n2026-12-25 Christmas Day');
    await page.getByRole('button', { name: 'Save schedule settings' }).click();
    await page.getByText('Schedule settings saved').waitFor();
    await shot('project-overview');
    await page.getByRole('tab', { name: 'History' }).click();
    await page.locator('.timeline__item').first().waitFor();
    await shot('project-history');

    await page.getByRole('tab', { name: 'Members' }).click();
    await page.getByRole('list', { name: 'Project members' }).waitFor();
    await shot('project-members');

    await boardShots(page, shot);
    await ganttShots(page, workspaceId, shot);

    await app.navigate('People');
    await page.getByRole('button', { name: 'Invite people' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email address').fill('grace@example.com');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByTestId('accept-url').waitFor();
    await shot('invitation-link');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await shot('people');

    await app.navigate('Settings');
    await page.getByRole('list', { name: 'Audit log' }).waitFor();
    await page.setViewportSize({ width: 1280, height: 1100 });
    await shot('settings');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('link', { name: owner.name }).click();
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await page.getByLabel('Token name').fill('CI import script');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByTestId('token-secret').waitFor();
    // The account page is a long column of cards: a taller window shows all of it.
    await page.setViewportSize({ width: 1280, height: 1480 });
    await shot('account');
    await page.setViewportSize({ width: 1280, height: 800 });

    await app.runCommand('Theme: dark');
    await app.navigate('Projects');
    await page.locator('.table__row').first().waitFor();
    await shot('projects-dark');
    await app.openPalette();
    await page.getByRole('combobox', { name: 'Command' }).fill('check');
    await page.getByRole('option', { name: /Checkout redesign/ }).waitFor();
    await shot('command-palette-dark');
    await page.keyboard.press('Escape');

    await app.runCommand('Theme: light');
    await app.signOut();
    await page.getByLabel('Email').waitFor();
    await shot('sign-in');
    console.log(`Screenshots written to ${out}`);
  } finally {
    await browser.close();
    await tandem.stop();
  }
}

/** Work items with statuses, points and labels in the open project, then its board and its backlog with a sprint. */
async function boardShots(page: Page, shot: (name: string) => Promise<void>): Promise<void> {
  const projectId = /projects\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
  const base = page.url().split('?')[0];
  const epics = [await post(page, `/api/projects/${projectId}/tasks`, { name: 'Payments' })];
  epics.push(await post(page, `/api/projects/${projectId}/tasks`, { name: 'Guest checkout' }));
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const sprint = await post(page, `/api/projects/${projectId}/sprints`, {
    name: 'Sprint 7',
    goal: 'Two-step checkout in front of pilot shops',
    startDate: day(-4),
    finishDate: day(9),
    capacityPoints: 30,
  });
  const items = [
    ['Card form with validation', 'done', 3, 'high', ['ux']],
    ['Apple Pay and Google Pay', 'in_progress', 5, 'medium', ['api']],
    ['Saved cards', 'review', 2, 'low', ['ux', 'api']],
    ['3-D Secure challenge', 'in_progress', 8, 'highest', ['api']],
    ['Address autocomplete', 'todo', 1, 'medium', ['ux']],
    ['One-page order summary', 'in_progress', 3, 'high', ['ux']],
    ['Order confirmation email', 'todo', 5, 'medium', []],
    ['Error states and retries', 'review', 2, 'low', ['ux']],
    ['Accessibility pass', 'todo', 3, 'high', ['a11y']],
    ['Load test the payment API', 'todo', 5, 'medium', ['api']],
    ['Fraud rules for new shops', 'todo', 8, 'low', ['api']],
  ] as const;
  for (const [index, [name, status, storyPoints, priority, labels]] of items.entries()) {
    await post(page, `/api/projects/${projectId}/tasks`, {
      name,
      storyPoints,
      priority,
      labels,
      rank: index + 1,
      parentId: epics[index % 2]?.id,
      ...(index < 8 ? { sprintId: sprint.id } : {}),
      ...(status === 'done' ? {} : { status }),
    });
  }
  await post(page, `/api/sprints/${sprint.id}/start`, { version: 1 });
  // Finished after the start, so the burndown drops.
  const tasks = await page.evaluate(
    async (id) =>
      (await (await fetch(`/api/projects/${id}/tasks?limit=200`)).json()).items as {
        id: string;
        name: string;
        version: number;
      }[],
    projectId,
  );
  const done = tasks.find((task) => task.name === 'Card form with validation');
  if (done) {
    await page.evaluate(
      async ({ id, version }) => {
        const csrf = decodeURIComponent(/(?:^|; )tandem_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
        await fetch(`/api/tasks/${id}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'If-Match': `"${version}"` },
          body: JSON.stringify({ status: 'done' }),
        });
      },
      { id: done.id, version: done.version },
    );
  }
  await page.goto(`${base}?view=board`);
  await page.locator('.board-card').first().waitFor();
  await shot('board');
  await page.goto(`${base}?view=backlog`);
  await page.locator('svg[data-chart="burndown"]').waitFor();
  await page.setViewportSize({ width: 1280, height: 1480 });
  await shot('backlog');
  await page.setViewportSize({ width: 1280, height: 800 });
}

await main();

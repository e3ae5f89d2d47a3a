/**
 * Takes the screenshots of `docs/screenshots/` from a real server with a small seeded workspace:
 * `npx tsx e2e/screenshots.ts`. Run it after a visible change to the web app, and look at the pictures.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { apiPost as post, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { startTandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
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
      for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();
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
    await page.getByRole('tab', { name: 'History' }).click();
    await page.locator('.timeline__item').first().waitFor();
    await shot('project-history');

    await page.getByRole('tab', { name: 'Members' }).click();
    await page.getByRole('list', { name: 'Project members' }).waitFor();
    await shot('project-members');

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

await main();

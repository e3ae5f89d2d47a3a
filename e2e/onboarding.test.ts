import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const owner: Person = { name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical-engine-1843' };
const guest: Person = { name: 'Grace Hopper', email: 'grace@example.com', password: 'compiler-a0-1952!' };
const member: Person = {
  name: 'Linus Torvalds',
  email: 'linus@example.com',
  password: 'monolithic-kernel-1991',
};

let tandem: Tandem;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let app: ReturnType<typeof ui>;
let acceptUrl: string;

// One journey through the app, step by step: each test continues where the previous one left the browser.
describe('onboarding a team through the web app', () => {
  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchChromium();
    context = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    app = ui(page);
  });

  screenshotOnFailure('onboarding', () => page);

  afterAll(async () => {
    await browser?.close();
    await tandem?.stop();
  });

  it('sends the first visitor of a new server to set up the owner account', async () => {
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/setup');
    await expect(page.getByRole('heading', { name: 'Set up Tandem' }).isVisible()).resolves.toBe(true);
  });

  it('shows a server error next to the field it names', async () => {
    await page.getByLabel('Full name').fill(owner.name);
    await page.getByLabel('Work email').fill('not-an-email');
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Create owner account' }).click();
    const error = page.locator('.field', { has: page.getByLabel('Work email') }).getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/email/i);
  });

  it('signs the owner up and asks for a first workspace', async () => {
    await app.signUp(owner);
    await page.waitForURL((url) => url.pathname === '/welcome');
    await app.createFirstWorkspace('Acme');
    await page.getByRole('heading', { name: 'No projects yet' }).waitFor();
  });

  it('creates a product and two projects that show in their lists', async () => {
    await app.create('Product', 'Mobile app');
    await app.create('Project', 'Checkout redesign');
    await app.create('Project', 'Warehouse move');
    await app.navigate('Projects');
    await page.locator('.table__row').first().waitFor();
    expect(await app.listedNames()).toEqual(['Checkout redesign', 'Warehouse move']);
  });

  it('invites a guest and shows the accept link', async () => {
    acceptUrl = await app.invite(guest.email, 'Guest');
    expect(acceptUrl).toMatch(/^http:\/\/.+\/.+/);
    await page.getByRole('list', { name: 'Pending invitations' }).getByText(guest.email).waitFor();
  });

  it('lets the invited person sign up through the link and join as a guest who sees no project', async () => {
    await app.signOut();
    await page.goto(acceptUrl);
    await page.getByRole('heading', { name: 'Join Acme' }).waitFor();
    await page.getByRole('link', { name: 'Create an account to join' }).click();
    await app.signUp(guest);
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.waitForURL(/\/w\/[^/]+\/projects/);
    await page.getByRole('heading', { name: 'No projects yet' }).waitFor();
    expect(await page.getByRole('button', { name: /New project/ }).count()).toBe(0);
  });

  it('shows a guest exactly the project they were given a role on, and hides the other one', async () => {
    await app.signOut();
    await app.signIn(owner);
    await app.navigate('Projects');
    await page.locator('.table__row', { hasText: 'Checkout redesign' }).click();
    await page.getByRole('tab', { name: 'Members' }).click();
    await page.getByLabel('Add a person').selectOption({ label: `${guest.name} (${guest.email})` });
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page
      .getByRole('list', { name: 'Project members' })
      .getByText(guest.name, { exact: true })
      .waitFor();
    await app.navigate('Projects');
    await page.locator('.table__row', { hasText: 'Warehouse move' }).click();
    const hiddenProjectUrl = page.url();

    await app.signOut();
    await app.signIn(guest);
    await app.navigate('Projects');
    await page.locator('.table__row').first().waitFor();
    expect(await app.listedNames()).toEqual(['Checkout redesign']);
    await app.navigate('Products');
    await page.getByRole('heading', { name: 'No products yet' }).waitFor();
    await page.goto(hiddenProjectUrl);
    await page.getByRole('heading', { name: 'Project not found' }).waitFor();
  });

  it('navigates with the command palette', async () => {
    await app.runCommand('Checkout');
    await page.getByRole('heading', { level: 1, name: 'Checkout redesign' }).waitFor();
    expect(await page.title()).toBe('Checkout redesign · Projects · Tandem');
    await app.runCommand('Go to People');
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
  });

  it('toggles between light and dark themes and keeps the choice after a reload', async () => {
    const before = await app.theme();
    await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
    const after = await app.theme();
    expect(after).not.toBe(before);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    expect(await app.theme()).toBe(after);
    await app.runCommand('Theme: light');
    expect(await app.theme()).toBe('light');
  });

  it('lets a member see every project but not edit one they hold no role on', async () => {
    await app.signOut();
    await app.signIn(owner);
    const link = await app.invite(member.email, 'Member');
    await app.signOut();
    await page.goto(link);
    await page.getByRole('link', { name: 'Create an account to join' }).click();
    await app.signUp(member);
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.waitForURL(/\/w\/[^/]+\/projects/);
    await page.locator('.table__row').nth(1).waitFor();
    expect(await app.listedNames()).toEqual(['Checkout redesign', 'Warehouse move']);

    await page.locator('.table__row', { hasText: 'Warehouse move' }).click();
    // Not offered an edit the server would refuse, and told why.
    await page.getByRole('heading', { name: 'Details' }).waitFor();
    expect(await page.getByTestId('view-only').isVisible()).toBe(true);
    expect(await page.getByRole('note').textContent()).toMatch(/member of the workspace with no role on it/);
    expect(await page.getByRole('button', { name: 'Edit details' }).count()).toBe(0);
  });

  it('lets the owner change a role and remove someone, who then has no workspace left', async () => {
    await app.signOut();
    await app.signIn(owner);
    await app.navigate('People');
    await page.getByLabel(`Role of ${member.name}`).selectOption('admin');
    await page.getByText('Role changed').waitFor();
    await page.getByRole('button', { name: `Remove ${guest.name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove from workspace' }).click();
    const members = page.getByRole('list', { name: 'Workspace members' });
    await members.getByText(guest.name, { exact: true }).waitFor({ state: 'detached' });
    expect(await page.getByLabel(`Role of ${member.name}`).inputValue()).toBe('admin');

    // The new admin is offered what the server lets an admin do: nothing on the owner, and no owner invitations.
    await app.signOut();
    await app.signIn(member);
    await app.navigate('People');
    await members.getByText(owner.name, { exact: true }).waitFor();
    expect(await page.getByLabel(`Role of ${owner.name}`).count()).toBe(0);
    expect(await page.getByRole('button', { name: `Remove ${owner.name}` }).count()).toBe(0);
    await page.getByRole('button', { name: 'Invite people' }).click();
    const invite = page.getByRole('dialog');
    await invite.getByRole('radio', { name: /^Admin/ }).waitFor();
    expect(await invite.getByRole('radio', { name: /^Owner/ }).count()).toBe(0);
    await invite.getByRole('button', { name: 'Cancel' }).click();

    await app.signOut();
    await app.signIn(guest);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  });
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiPost, seedProjects, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const owner: Person = {
  name: 'Margaret Hamilton',
  email: 'margaret@example.com',
  password: 'apollo-guidance-1969',
};

let tandem: Tandem;
let browser: Browser;
let first: BrowserContext;
let second: BrowserContext;
let here: Page;
let there: Page;
let workspaceId: string;

// Two sessions of the same user side by side, as when a colleague works on the same plan at the same time.
describe('working together in the web app', () => {
  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchChromium();
    first = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1280, height: 800 } });
    here = await first.newPage();
    await here.goto('/setup');
    await ui(here).signUp(owner);
    await ui(here).createFirstWorkspace('Apollo');
    workspaceId = workspaceIdOf(here);
    await apiPost(here, `/api/workspaces/${workspaceId}/projects`, {
      name: 'Guidance computer',
      startDate: '2026-01-05',
    });
    // A second session of the same user, signed in on its own, as on a second computer.
    second = await browser.newContext({ baseURL: tandem.url, viewport: { width: 1280, height: 800 } });
    there = await second.newPage();
    await there.goto('/sign-in');
    await ui(there).signIn(owner);
  });

  screenshotOnFailure('collaboration-here', () => here);
  screenshotOnFailure('collaboration-there', () => there);

  afterAll(async () => {
    await browser?.close();
    await tandem?.stop();
  });

  it('shows a project created in another window without a reload', async () => {
    await ui(here).navigate('Projects');
    await here.locator('.live-dot[data-status="live"]').waitFor();
    await there.goto(`/w/${workspaceId}/projects`);
    await ui(there).create('Project', 'Lunar module software');
    await here.locator('.table__row', { hasText: 'Lunar module software' }).waitFor({ timeout: 5000 });
    expect(await ui(here).listedNames()).toEqual(['Guidance computer', 'Lunar module software']);
  });

  it('refuses to overwrite an edit saved meanwhile in another window, and reloads the newer version', async () => {
    await here.locator('.table__row', { hasText: 'Guidance computer' }).click();
    await here.getByRole('button', { name: 'Edit details' }).click();
    await here.getByLabel('Name', { exact: true }).fill('Guidance computer (mine)');

    await there.goto(here.url());
    await there.getByRole('button', { name: 'Edit details' }).click();
    await there.getByLabel('Name', { exact: true }).fill('Apollo guidance computer');
    await there.getByRole('button', { name: 'Save changes' }).click();
    await there.getByRole('heading', { level: 1, name: 'Apollo guidance computer' }).waitFor();

    await here.getByRole('button', { name: 'Save changes' }).click();
    const conflict = here.getByRole('alert').filter({ hasText: 'changed by someone else' });
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Reload' }).click();
    expect(await here.getByLabel('Name', { exact: true }).inputValue()).toBe('Apollo guidance computer');
    await here.getByLabel('Name', { exact: true }).fill('AGC');
    await here.getByRole('button', { name: 'Save changes' }).click();
    await here.getByRole('heading', { level: 1, name: 'AGC' }).waitFor();
  });

  it('lists every saved change in the history tab, with the old and new value', async () => {
    await here.getByRole('tab', { name: 'History' }).click();
    const entries = here.locator('.timeline__item');
    await entries.nth(2).waitFor();
    expect(await entries.first().textContent()).toContain('Apollo guidance computer → AGC');
    expect(await entries.last().textContent()).toContain('created');
  });

  it('shows an API token once, lets it call the API, and revokes it', async () => {
    await here.getByRole('link', { name: owner.name }).click();
    await here.getByLabel('Token name').fill('Deploy script');
    await here.getByRole('button', { name: 'Create token' }).click();
    const secret = (await here.getByTestId('token-secret').textContent()) ?? '';
    const me = () => fetch(`${tandem.url}/api/auth/me`, { headers: { Authorization: `Bearer ${secret}` } });
    expect((await me()).status).toBe(200);

    await here.getByRole('button', { name: 'Revoke token Deploy script' }).click();
    await here.getByRole('list', { name: 'API tokens' }).waitFor({ state: 'detached' });
    expect((await me()).status).toBe(401);
    await here.reload();
    await here.getByLabel('Token name').waitFor();
    expect(await here.getByTestId('token-secret').count()).toBe(0);
  });

  it('changes the password, which signs out the other window and retires the old password', async () => {
    const newPassword = 'apollo-guidance-1969-v2';
    await here.getByLabel('Current password').fill(owner.password);
    await here.getByLabel('New password').fill(newPassword);
    await here.getByRole('button', { name: 'Change password' }).click();
    await here.getByText('Password changed').waitFor();
    // No reload: the next call the other window makes is refused, and it goes to the sign-in page by itself.
    await there.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await there.waitForURL((url) => url.pathname === '/sign-in');
    await ui(here).signOut();
    await here.getByLabel('Email').fill(owner.email);
    await here.getByLabel('Password', { exact: true }).fill(owner.password);
    await here.getByRole('button', { name: 'Sign in' }).click();
    await here.getByRole('alert').waitFor();
    await ui(here).signIn({ email: owner.email, password: newPassword });
    await here.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
  });

  it('resets a forgotten password with the one-time link from the mail', async () => {
    // Without SMTP the server prints its mail; reading it is what an operator does to pass the link on.
    const printed: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk, ...rest) => {
      printed.push(String(chunk));
      return write(chunk, ...(rest as []));
    });
    try {
      await ui(here).signOut();
      await here.getByRole('link', { name: 'Forgot your password?' }).click();
      await here.getByLabel('Email').fill(owner.email);
      await here.getByRole('button', { name: 'Send reset link' }).click();
      await here.getByText('a reset link is on its way').waitFor();
      await expect.poll(() => printed.join('').match(/\/reset-password\?token=\S+/)?.[0]).toBeTruthy();
    } finally {
      spy.mockRestore();
    }
    const link = printed.join('').match(/\/reset-password\?token=\S+/)?.[0] ?? '';
    await here.goto(link);
    await here.getByLabel('New password').fill('margaret-reset-2026');
    await here.getByRole('button', { name: 'Set new password' }).click();
    await here.getByText('Your password has been changed').waitFor();
    await here.getByRole('link', { name: 'Sign in', exact: true }).click();
    await ui(here).signIn({ email: owner.email, password: 'margaret-reset-2026' });
    await here.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();

    await here.goto(link);
    await here.getByLabel('New password').fill('someone-else-2026');
    await here.getByRole('button', { name: 'Set new password' }).click();
    await here.getByRole('alert').waitFor();
  });

  it('loads a long list page by page while drawing only the rows in view', async () => {
    expect(await seedProjects(here, workspaceId, 430, 'Work package')).toBe(430);
    await here.goto(`/w/${workspaceId}/projects`);
    const footer = here.locator('.table__footer');
    await expect.poll(() => footer.textContent()).toMatch(/^\d+\+ projects$/);
    expect(await here.locator('.table__row').count()).toBeLessThan(60);
    const scroller = here.locator('.table__scroll');
    await expect
      .poll(
        async () => {
          await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
          return footer.textContent();
        },
        { timeout: 15_000 },
      )
      .toBe('432 projects');
    expect(await here.locator('.table__row').count()).toBeLessThan(60);
    await here.getByLabel('Search projects').fill('Work package 0429');
    await expect.poll(() => ui(here).listedNames()).toEqual(['Work package 0429']);
  });

  it('creates a second workspace from the switcher and switches back', async () => {
    await here.getByRole('button', { name: /^Workspace: Apollo\. Switch workspace$/ }).click();
    await here.getByRole('menuitem', { name: 'Create workspace' }).click();
    const dialog = here.getByRole('dialog');
    await dialog.getByLabel('Workspace name').fill('Gemini');
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await here.getByRole('button', { name: /^Workspace: Gemini\./ }).waitFor();
    await here.getByRole('heading', { name: 'No projects yet' }).waitFor();

    await here.getByRole('button', { name: /^Workspace: Gemini\./ }).click();
    await here.getByRole('menuitem', { name: /^AP Apollo/ }).click();
    await here.getByRole('button', { name: /^Workspace: Apollo\./ }).waitFor();
    expect(workspaceIdOf(here)).toBe(workspaceId);
  });

  it('shows the owner the audit log, renames the workspace, and deletes it only after its name is typed', async () => {
    await ui(here).navigate('Settings');
    await here
      .getByRole('list', { name: 'Audit log' })
      .getByText(/created project “Work package \d+”/)
      .first()
      .waitFor();
    await here.getByLabel('Workspace name').fill('Apollo program');
    await here.getByRole('button', { name: 'Save', exact: true }).click();
    await here.getByRole('button', { name: /^Workspace: Apollo program/ }).waitFor();

    await here.getByRole('button', { name: 'Delete workspace' }).click();
    const dialog = here.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Delete', exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type “Apollo program” to confirm').fill('Apollo program');
    await confirm.click();
    await here.getByRole('button', { name: /^Workspace: Gemini\./ }).waitFor();
    expect(workspaceIdOf(here)).not.toBe(workspaceId);
  });
});

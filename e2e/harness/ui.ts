import type { Page } from 'playwright-core';

/** A person the test signs up or in as. */
export interface Person {
  name: string;
  email: string;
  password: string;
}

type Kind = 'Product' | 'Program' | 'Project';
const plural: Record<Kind, 'Products' | 'Programs' | 'Projects'> = {
  Product: 'Products',
  Program: 'Programs',
  Project: 'Projects',
};

/**
 * Domain verbs over the web app, so tests read as what a user does rather than as selectors.
 * @example const app = ui(page); await app.signUp(ada); await app.createWorkspace('Acme');
 */
export function ui(page: Page) {
  const button = (name: string | RegExp) => page.getByRole('button', { name });
  return {
    page,
    /** Fills the sign-up form (the set-up page on a fresh server) and waits to leave it. */
    async signUp(person: Person) {
      await page.getByLabel('Full name').fill(person.name);
      await page.getByLabel('Work email').fill(person.email);
      await page.getByLabel('Password').fill(person.password);
      await button(/^Create (owner )?account/).click();
      await page.waitForURL((url) => !/\/(setup|sign-up)$/.test(url.pathname));
    },
    async signIn(person: Pick<Person, 'email' | 'password'>) {
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('Password', { exact: true }).fill(person.password);
      await button('Sign in').click();
      await page.waitForURL((url) => url.pathname !== '/sign-in');
    },
    async signOut() {
      await button('Sign out').click();
      await page.waitForURL((url) => url.pathname === '/sign-in');
    },
    /** Names the first workspace on the welcome page. */
    async createFirstWorkspace(name: string) {
      await page.getByLabel('Workspace name').fill(name);
      await button('Create workspace').click();
      await page.waitForURL(/\/w\/[^/]+\/projects/);
    },
    /** Opens a section from the left navigation. */
    async navigate(section: 'Products' | 'Programs' | 'Projects' | 'People' | 'Settings') {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section }).click();
      await page.getByRole('heading', { level: 1, name: section }).waitFor();
    },
    /** Creates a product, program or project from its list and waits for its page. */
    async create(kind: Kind, name: string) {
      await this.navigate(plural[kind]);
      await button(new RegExp(`^(New|Create your first) ${kind.toLowerCase()}$`))
        .first()
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Name', { exact: true }).fill(name);
      await dialog.getByRole('button', { name: `Create ${kind.toLowerCase()}` }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
    },
    /** Invites an email from the People page and returns the accept link the dialog shows. */
    async invite(email: string, role: 'Admin' | 'Member' | 'Guest'): Promise<string> {
      await this.navigate('People');
      await button('Invite people').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Email address').fill(email);
      await dialog.getByRole('radio', { name: new RegExp(`^${role}`) }).check();
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      const link = await dialog.getByTestId('accept-url').textContent();
      await dialog.getByRole('button', { name: 'Done' }).click();
      if (!link) throw new Error(`The invitation dialog showed no accept link for ${email}`);
      return link;
    },
    /** Opens the command palette with the keyboard shortcut. */
    async openPalette() {
      await page.keyboard.press('Control+k');
      await page.getByRole('combobox', { name: 'Command' }).waitFor();
    },
    /** Types into the palette and runs the first match with Enter. */
    async runCommand(text: string) {
      await this.openPalette();
      await page.getByRole('combobox', { name: 'Command' }).fill(text);
      // Entities load when the palette opens; Enter must wait until the item sought is there and selected, not a
      // command that merely matched the letters while the entities were still loading.
      await page.locator(`[cmdk-item][data-selected="true"][data-value*=${JSON.stringify(text)}]`).waitFor();
      await page.keyboard.press('Enter');
    },
    /** Names of the rows in the current entity list. */
    async listedNames(): Promise<string[]> {
      const rows = page.locator('.table__row .table__cell--name .table__cell');
      return (await rows.allTextContents()).map((t) => t.trim());
    },
    async theme(): Promise<string | undefined> {
      return page.evaluate(() => document.documentElement.dataset.theme);
    },
  };
}

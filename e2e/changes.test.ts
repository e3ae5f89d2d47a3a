import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPost, workspaceIdOf } from './harness/api';
import { launchChromium } from './harness/browser';
import { screenshotOnFailure } from './harness/failure-screenshot';
import { gantt } from './harness/gantt';
import { startTandem, type Tandem } from './harness/tandem';
import { type Person, ui } from './harness/ui';

const manager: Person = { name: 'Grace Planner', email: 'grace@example.com', password: 'critical-path-1957' };
const sponsorPerson: Person = {
  name: 'Sam Sponsor',
  email: 'sam@example.com',
  password: 'business-case-2026',
};

let tandem: Tandem;
let browser: Browser;
let pm: Page;
let sponsor: Page;
let projectUrl: string;

/** Domain verbs of the Changes tab. */
const changes = (page: Page) => ({
  async open() {
    await page.goto(`${projectUrl}?view=changes`);
    // The sponsor holds no role on the project, so is offered decisions but not New change request.
    await page.locator('.changes__toolbar').waitFor();
  },
  async raise(title: string, reason: string) {
    await page.getByRole('button', { name: 'New change request' }).click();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Reason').fill(reason);
  },
  async changeDuration(task: string, days: number) {
    await page.getByLabel('Add a plan edit').selectOption('setDuration');
    await page.getByLabel('Task', { exact: true }).selectOption({ label: task });
    await page.getByLabel('New duration (days)').fill(String(days));
  },
  impactFinish() {
    return page.getByTestId('impact-finish');
  },
  async decide(role: 'project manager' | 'sponsor', comment: string) {
    await page.getByLabel('Comment').fill(comment);
    await page.getByRole('button', { name: `Approve as ${role}` }).click();
  },
});

describe('change requests in the web app', () => {
  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchChromium();
    const options = { baseURL: tandem.url, viewport: { width: 1440, height: 1000 } };
    pm = await (await browser.newContext(options)).newPage();
    sponsor = await (await browser.newContext(options)).newPage();
    await pm.goto('/setup');
    await ui(pm).signUp(manager);
    await ui(pm).createFirstWorkspace('Critical Path Ltd');
    const workspaceId = workspaceIdOf(pm);
    await sponsor.goto('/sign-up');
    await ui(sponsor).signUp(sponsorPerson);
    const { acceptUrl } = await apiPost<{ acceptUrl: string }>(
      pm,
      `/api/workspaces/${workspaceId}/invitations`,
      {
        email: sponsorPerson.email,
        role: 'member',
      },
    );
    await apiPost(sponsor, `/api/invitations/${acceptUrl.split('/invite/')[1]}/accept`, {});
    // The sponsor creates the product and so is its product manager; the project manager holds no role on it.
    const product = await apiPost(sponsor, `/api/workspaces/${workspaceId}/products`, { name: 'Checkout' });
    // Wednesday 4 March 2026: Design, Build and Test take a day each and Launch follows on Friday.
    const project = await apiPost(pm, `/api/workspaces/${workspaceId}/projects`, {
      name: 'Checkout revamp',
      startDate: '2026-03-04',
      productId: product.id,
    });
    const ids: string[] = [];
    for (const [name, minutes] of [
      ['Design', 480],
      ['Build', 480],
      ['Test', 480],
      ['Launch', 0],
    ] as const) {
      ids.push(
        (
          await apiPost(pm, `/api/projects/${project.id}/tasks`, {
            name,
            durationMinutes: minutes,
            isMilestone: minutes === 0,
          })
        ).id,
      );
    }
    for (let i = 1; i < ids.length; i++) {
      await apiPost(pm, `/api/projects/${project.id}/links`, {
        predecessorId: ids[i - 1],
        successorId: ids[i],
      });
    }
    await apiPost(pm, `/api/projects/${project.id}/baselines`, { name: 'Signed-off plan' });
    projectUrl = `/w/${workspaceId}/projects/${project.id}`;
  });

  screenshotOnFailure('changes-pm', () => pm, { fullPage: true });
  screenshotOnFailure('changes-sponsor', () => sponsor, { fullPage: true });

  afterAll(async () => {
    await browser?.close();
    await tandem?.stop();
  });

  it('raises a change request whose impact shows the finish moving over the weekend', async () => {
    const view = changes(pm);
    await view.open();
    await view.raise('Add single sign-on', 'The largest customer requires SSO');
    await view.changeDuration('Build', 3);
    await view.impactFinish().filter({ hasText: '+2d' }).waitFor();
    expect(await view.impactFinish().textContent()).toMatch(/Mar 10, 2026|10 Mar 2026/);
    await pm.getByRole('button', { name: 'Submit for approval' }).click();
    await pm.getByRole('article', { name: 'CR-1 Add single sign-on' }).waitFor();
    await pm.getByRole('article').getByText('Awaiting approval').waitFor();
    await pm.screenshot({ path: 'test-results/changes-submitted.png', fullPage: true });
  });

  it('is approved by the project manager and then by the sponsor', async () => {
    await changes(pm).decide('project manager', 'Worth two days');
    await pm.getByText('Approved by Grace Planner').waitFor();
    expect(await pm.getByRole('button', { name: 'Approve as sponsor' }).count()).toBe(0);
    const view = changes(sponsor);
    await view.open();
    await sponsor.getByRole('article', { name: 'CR-1 Add single sign-on' }).waitFor();
    expect(await sponsor.getByRole('button', { name: 'Approve as project manager' }).count()).toBe(0);
    await view.decide('sponsor', 'Approved for the Q2 budget');
    await sponsor.getByText('Approved by Sam Sponsor').waitFor();
    await sponsor.getByRole('article').locator('.change-status--approved').waitFor();
  });

  it('applies the change: the Gantt shows the longer task and the baseline is re-set with its reason', async () => {
    await changes(pm).open();
    await pm.getByRole('button', { name: 'Apply to the plan' }).waitFor();
    await pm.getByRole('button', { name: 'Apply to the plan' }).click();
    await pm.getByRole('article').locator('.change-status--applied').waitFor();
    await pm.getByRole('heading', { name: 'Baseline re-sets' }).waitFor();
    await pm.getByText('CR-1: Add single sign-on').first().waitFor();
    await pm.screenshot({ path: 'test-results/changes-applied.png', fullPage: true });
    const chart = gantt(pm);
    await chart.open();
    await chart.row('Build').waitFor();
    expect(await chart.cell('Build', 'duration')).toMatch(/^3/);
    await pm.getByRole('tab', { name: 'Baselines' }).click();
    const saved = pm.getByRole('table', { name: 'Saved baselines' });
    await saved.getByRole('button', { name: 'After CR-1', exact: true }).waitFor();
    expect(await saved.getByRole('button', { name: 'Signed-off plan', exact: true }).count()).toBe(1);
  });

  it('adds a deliverable due at the launch milestone, which the sponsor accepts', async () => {
    await pm.goto(`${projectUrl}?view=deliverables`);
    await pm.getByRole('button', { name: 'New deliverable' }).click();
    await pm.getByLabel('Title').fill('Single sign-on runbook');
    await pm.getByLabel('Acceptance criteria').fill('- [x] Reviewed by support\n- [ ] Tested with Okta');
    await pm.getByLabel('Milestone').selectOption({ label: 'Launch' });
    await pm.getByRole('button', { name: 'Add deliverable' }).click();
    const card = pm.getByRole('listitem', { name: 'Single sign-on runbook' });
    await card.getByText('Acceptance criteria · 1/2').waitFor();
    await card.getByRole('button', { name: 'Submit for acceptance' }).click();
    await card.locator('.deliverable-state--submitted').waitFor();
    await sponsor.goto(`${projectUrl}?view=deliverables`);
    const seen = sponsor.getByRole('listitem', { name: 'Single sign-on runbook' });
    await seen.getByRole('button', { name: 'Accept' }).click();
    await sponsor.getByRole('dialog').getByRole('textbox').fill('Good enough for launch');
    await sponsor.getByRole('dialog').getByRole('button', { name: 'Accept' }).click();
    await seen.getByText('Accepted by Sam Sponsor', { exact: false }).waitFor();
    await sponsor.screenshot({ path: 'test-results/deliverables.png', fullPage: true });
  });
});

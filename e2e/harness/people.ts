import type { Page } from 'playwright-core';
import { apiPost } from './api';
import { type Person, ui } from './ui';

/**
 * Signs a person up on a page of their own and has them accept an invitation into the workspace; returns their user.
 * @example const guest = await join(guestPage, viewer, hostPage, workspaceId, 'guest');
 */
export async function join(
  page: Page,
  person: Person,
  inviter: Page,
  workspaceId: string,
  role: 'member' | 'guest',
): Promise<{ user: { id: string } }> {
  await page.goto('/sign-up');
  await ui(page).signUp(person);
  const { acceptUrl } = await apiPost<{ acceptUrl: string }>(
    inviter,
    `/api/workspaces/${workspaceId}/invitations`,
    { email: person.email, role },
  );
  await apiPost(page, `/api/invitations/${acceptUrl.split('/invite/')[1]}/accept`, {});
  return (await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()))) as { user: { id: string } };
}

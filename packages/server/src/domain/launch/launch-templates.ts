import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Queryable } from '../../db/client';
import { newId } from '../../db/ids';
import { type LaunchTemplateItem, launchTemplates } from '../../db/schema/launch';
import { ApiError } from '../../http/errors';
import { assertVersion } from '../../http/version';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { defaultTemplateItems, defaultTemplateName } from './default-template';
import { type LaunchTemplateView, launchSubject, toTemplateView } from './launch-view';

/** Fields of a launch template. */
export interface LaunchTemplateInput {
  name: string;
  items: LaunchTemplateItem[];
}

/** Seeds the workspace's default template if it has none; the partial unique index makes two first visits safe. */
export async function ensureDefaultTemplate(db: Queryable, workspaceId: string): Promise<void> {
  await db
    .insert(launchTemplates)
    .values({
      id: newId('ltp'),
      workspaceId,
      name: defaultTemplateName,
      isDefault: true,
      items: defaultTemplateItems,
    })
    .onConflictDoNothing();
}

// Guests read templates (they may be product viewers) but only members shape them.
async function assertMayWrite(db: Queryable, userId: string, workspaceId: string): Promise<void> {
  const role = await policy.assertWorkspace(db, userId, workspaceId, 'see');
  if (role === 'guest') throw new ApiError(403, 'FORBIDDEN', 'Guests may not change launch templates');
}

/** The launch templates of a workspace, the default first; seeds the default on first use. */
export async function listTemplates(
  db: Database,
  userId: string,
  workspaceId: string,
): Promise<LaunchTemplateView[]> {
  await policy.assertWorkspace(db, userId, workspaceId, 'see');
  await ensureDefaultTemplate(db, workspaceId);
  const rows = await db
    .select()
    .from(launchTemplates)
    .where(eq(launchTemplates.workspaceId, workspaceId))
    .orderBy(desc(launchTemplates.isDefault), asc(launchTemplates.name));
  return rows.map(toTemplateView);
}

/** Adds a user-defined launch template to a workspace. */
export async function createTemplate(
  db: Database,
  userId: string,
  workspaceId: string,
  input: LaunchTemplateInput,
): Promise<LaunchTemplateView> {
  await assertMayWrite(db, userId, workspaceId);
  return writeTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(launchTemplates)
      .values({ id: newId('ltp'), workspaceId, name: input.name, items: input.items, createdBy: userId })
      .returning();
    if (!row) throw new Error('insert into launch_templates returned no row');
    const view = toTemplateView(row);
    await recordChange(tx, userId, launchSubject('launchTemplate', row), 'create', null, view);
    return view;
  });
}

async function lockTemplate(db: Queryable, userId: string, templateId: string) {
  const [row] = await db
    .select()
    .from(launchTemplates)
    .where(eq(launchTemplates.id, templateId))
    .for('update');
  if (!row || (await policy.workspaceRole(db, userId, row.workspaceId)) === null) {
    throw notFound('Launch template', templateId);
  }
  await assertMayWrite(db, userId, row.workspaceId);
  return row;
}

/** Changes a launch template at the expected version (plans made from it keep their items). */
export async function updateTemplate(
  db: Database,
  userId: string,
  templateId: string,
  expectedVersion: number,
  changes: Changes<LaunchTemplateInput>,
): Promise<LaunchTemplateView> {
  return writeTransaction(db, async (tx) => {
    const row = await lockTemplate(tx, userId, templateId);
    const before = toTemplateView(row);
    assertVersion(`Launch template ${templateId}`, before, expectedVersion);
    const [updated] = await tx
      .update(launchTemplates)
      .set({ ...definedOnly(changes), version: sql`${launchTemplates.version} + 1`, updatedAt: sql`now()` })
      .where(eq(launchTemplates.id, templateId))
      .returning();
    if (!updated) throw new Error(`launch template ${templateId} vanished while locked`);
    const after = toTemplateView(updated);
    await recordChange(tx, userId, launchSubject('launchTemplate', updated), 'update', before, after);
    return after;
  });
}

/** Deletes a user-defined template; the workspace's default stays (409), to be edited instead. */
export async function deleteTemplate(
  db: Database,
  userId: string,
  templateId: string,
  expectedVersion: number,
) {
  await writeTransaction(db, async (tx) => {
    const row = await lockTemplate(tx, userId, templateId);
    const before = toTemplateView(row);
    assertVersion(`Launch template ${templateId}`, before, expectedVersion);
    if (row.isDefault) {
      throw new ApiError(409, 'CONFLICT', 'The default launch template cannot be deleted; edit it instead');
    }
    await tx.delete(launchTemplates).where(and(eq(launchTemplates.id, templateId)));
    await recordChange(tx, userId, launchSubject('launchTemplate', row), 'delete', before, null);
  });
}

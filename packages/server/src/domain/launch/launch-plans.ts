import { and, asc, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Queryable, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import {
  type LaunchArea,
  type LaunchItemStatus,
  launchItems,
  launchPlans,
  launchTemplates,
} from '../../db/schema/launch';
import { releases } from '../../db/schema/releases';
import { workspaceMembers } from '../../db/schema/workspaces';
import { ApiError } from '../../http/errors';
import { assertVersion } from '../../http/version';
import { productOfEntity } from '../releases/product-access';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { invalid, notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { ensureDefaultTemplate } from './launch-templates';
import {
  type LaunchItemView,
  type LaunchPlanView,
  launchSubject,
  toItemView,
  toPlanView,
} from './launch-view';

/** Fields of a launch checklist item. */
export interface LaunchItemInput {
  area: LaunchArea;
  title: string;
  ownerId?: string | null | undefined;
  dueDate?: string | null | undefined;
  status?: LaunchItemStatus | undefined;
}

const areaOrder = sql`array_position(array['marketing','sales','support','docs']::text[], ${launchItems.area})`;

async function releaseOf(db: Queryable, userId: string, releaseId: string) {
  const [release] = await db.select().from(releases).where(eq(releases.id, releaseId));
  const product = await productOfEntity(db, userId, 'Release', releaseId, release);
  return { release: release as typeof releases.$inferSelect, product };
}

async function planView(db: Queryable, plan: typeof launchPlans.$inferSelect): Promise<LaunchPlanView> {
  const items = await db
    .select()
    .from(launchItems)
    .where(eq(launchItems.launchPlanId, plan.id))
    .orderBy(areaOrder, asc(launchItems.position), asc(launchItems.id));
  return toPlanView(plan, items);
}

/** The launch plan of a release, or null when it has none yet. */
export async function getLaunchPlan(
  db: Database,
  userId: string,
  releaseId: string,
): Promise<LaunchPlanView | null> {
  await releaseOf(db, userId, releaseId);
  const [plan] = await db.select().from(launchPlans).where(eq(launchPlans.releaseId, releaseId));
  return plan ? planView(db, plan) : null;
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Creates a release's launch plan from a template (the workspace default when none is named), each item due its
 * offset from the release's target date (undated when the release has none); a release has one plan (409).
 */
export async function createLaunchPlan(
  db: Database,
  userId: string,
  releaseId: string,
  templateId: string | undefined,
): Promise<LaunchPlanView> {
  const { product } = await releaseOf(db, userId, releaseId);
  await policy.assertCanEdit(db, userId, product);
  await ensureDefaultTemplate(db, product.workspaceId);
  return writeTransaction(db, async (tx) => {
    const [release] = await tx.select().from(releases).where(eq(releases.id, releaseId)).for('update');
    if (!release) throw notFound('Release', releaseId);
    const [existing] = await tx
      .select({ id: launchPlans.id })
      .from(launchPlans)
      .where(eq(launchPlans.releaseId, releaseId));
    if (existing)
      throw new ApiError(409, 'CONFLICT', `Release ${release.versionName} already has a launch plan`);
    const [template] = await tx
      .select()
      .from(launchTemplates)
      .where(
        and(
          eq(launchTemplates.workspaceId, product.workspaceId),
          templateId === undefined ? eq(launchTemplates.isDefault, true) : eq(launchTemplates.id, templateId),
        ),
      );
    if (!template)
      throw invalid('templateId', `Launch template ${templateId} was not found in this workspace`);
    const [plan] = await tx
      .insert(launchPlans)
      .values({
        id: newId('lpl'),
        workspaceId: product.workspaceId,
        releaseId,
        templateId: template.id,
        createdBy: userId,
      })
      .returning();
    if (!plan) throw new Error('insert into launch_plans returned no row');
    if (template.items.length > 0) {
      await tx.insert(launchItems).values(
        template.items.map((item, index) => ({
          id: newId('lit'),
          workspaceId: product.workspaceId,
          launchPlanId: plan.id,
          area: item.area,
          title: item.title,
          dueDate: release.targetDate === null ? null : addDays(release.targetDate, item.offsetDays),
          position: index + 1,
        })),
      );
    }
    const view = await planView(tx, plan);
    await recordChange(tx, userId, launchSubject('launchPlan', plan, product.id), 'create', null, view);
    return view;
  });
}

/** An item's owner must be a member of the workspace. */
async function checkOwner(tx: Transaction, workspaceId: string, ownerId: string | null | undefined) {
  if (ownerId === undefined || ownerId === null) return;
  const [member] = await tx
    .select({ userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, ownerId)));
  if (!member) throw invalid('ownerId', `User ${ownerId} is not a member of this workspace`);
}

async function editablePlan(tx: Transaction, userId: string, planId: string) {
  const [plan] = await tx.select().from(launchPlans).where(eq(launchPlans.id, planId));
  if (!plan) throw notFound('Launch plan', planId);
  const [release] = await tx.select().from(releases).where(eq(releases.id, plan.releaseId));
  const product = await productOfEntity(tx, userId, 'Launch plan', planId, release);
  await policy.assertCanEdit(tx, userId, product);
  return { plan, product };
}

/** Adds an item to a launch plan, at the end of its area. */
export async function addLaunchItem(
  db: Database,
  userId: string,
  planId: string,
  input: LaunchItemInput,
): Promise<LaunchItemView> {
  return writeTransaction(db, async (tx) => {
    const { plan, product } = await editablePlan(tx, userId, planId);
    await checkOwner(tx, plan.workspaceId, input.ownerId);
    const [row] = await tx
      .insert(launchItems)
      .values({
        id: newId('lit'),
        workspaceId: plan.workspaceId,
        launchPlanId: plan.id,
        area: input.area,
        title: input.title,
        ownerId: input.ownerId ?? null,
        dueDate: input.dueDate ?? null,
        status: input.status ?? 'todo',
        position: sql`(select coalesce(max(${launchItems.position}), 0) + 1 from ${launchItems} where ${launchItems.launchPlanId} = ${plan.id})`,
      })
      .returning();
    if (!row) throw new Error('insert into launch_items returned no row');
    const view = toItemView(row);
    await recordChange(tx, userId, launchSubject('launchItem', row, product.id), 'create', null, view);
    return view;
  });
}

async function lockItem(tx: Transaction, userId: string, itemId: string) {
  const [row] = await tx.select().from(launchItems).where(eq(launchItems.id, itemId)).for('update');
  if (!row) throw notFound('Launch item', itemId);
  const [plan] = await tx.select().from(launchPlans).where(eq(launchPlans.id, row.launchPlanId));
  const [release] = plan ? await tx.select().from(releases).where(eq(releases.id, plan.releaseId)) : [];
  const product = await productOfEntity(tx, userId, 'Launch item', itemId, release);
  await policy.assertCanEdit(tx, userId, product);
  return { row, product };
}

/** Changes a launch item at the expected version (owner, due date, status, title, area). */
export async function updateLaunchItem(
  db: Database,
  userId: string,
  itemId: string,
  expectedVersion: number,
  changes: Changes<LaunchItemInput>,
): Promise<LaunchItemView> {
  return writeTransaction(db, async (tx) => {
    const { row, product } = await lockItem(tx, userId, itemId);
    const before = toItemView(row);
    assertVersion(`Launch item ${itemId}`, before, expectedVersion);
    await checkOwner(tx, row.workspaceId, changes.ownerId);
    const [updated] = await tx
      .update(launchItems)
      .set({ ...definedOnly(changes), version: sql`${launchItems.version} + 1`, updatedAt: sql`now()` })
      .where(eq(launchItems.id, itemId))
      .returning();
    if (!updated) throw new Error(`launch item ${itemId} vanished while locked`);
    const after = toItemView(updated);
    await recordChange(tx, userId, launchSubject('launchItem', updated, product.id), 'update', before, after);
    return after;
  });
}

/** Deletes a launch item at the expected version. */
export async function deleteLaunchItem(
  db: Database,
  userId: string,
  itemId: string,
  expectedVersion: number,
) {
  await writeTransaction(db, async (tx) => {
    const { row, product } = await lockItem(tx, userId, itemId);
    const before = toItemView(row);
    assertVersion(`Launch item ${itemId}`, before, expectedVersion);
    await tx.delete(launchItems).where(eq(launchItems.id, itemId));
    await recordChange(tx, userId, launchSubject('launchItem', row, product.id), 'delete', before, null);
  });
}

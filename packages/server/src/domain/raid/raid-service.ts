import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import {
  type RaidKind,
  type RaidPriority,
  type RaidSeverity,
  type RaidStatus,
  raidItems,
  raidLinks,
} from '../../db/schema/raid';
import { risks } from '../../db/schema/risks';
import { assertVersion } from '../../http/version';
import {
  assertWorkspaceMember,
  lockRegister,
  projectRefOf,
  registerProject,
  todayUtc,
} from '../risks/risk-access';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { type RaidItemView, raidSubject, toRaidItemView } from './raid-view';

type RaidRow = typeof raidItems.$inferSelect;

/** Fields a client sets on a RAID item. */
export interface RaidItemInput {
  kind: RaidKind;
  title: string;
  description?: string | undefined;
  severity?: RaidSeverity | undefined;
  priority?: RaidPriority | undefined;
  ownerId?: string | null | undefined;
  dueDate?: string | null | undefined;
  status?: RaidStatus | undefined;
  resolution?: string | undefined;
}

/** Filters of the RAID log list. */
export interface RaidFilters {
  kind?: RaidKind | undefined;
  status?: RaidStatus | undefined;
  ownerId?: string | undefined;
  severity?: RaidSeverity | undefined;
}

const severityOrder = sql`case ${raidItems.severity} when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`;

/** A RAID item the caller may see (404 otherwise). */
export async function visibleRaidItem(
  db: Database | Transaction,
  userId: string,
  itemId: string,
): Promise<RaidRow> {
  const [row] = await db.select().from(raidItems).where(eq(raidItems.id, itemId));
  if (!row || !(await policy.canSee(db, userId, projectRefOf(row)))) throw notFound('RAID item', itemId);
  return row;
}

/** Locks a RAID item for a write the caller may make (404 unseen, 403 read-only), serialised with its register. */
export async function lockRaidItemForWrite(
  tx: Transaction,
  userId: string,
  itemId: string,
): Promise<RaidRow> {
  const [found] = await tx
    .select({ projectId: raidItems.projectId })
    .from(raidItems)
    .where(eq(raidItems.id, itemId));
  if (!found) throw notFound('RAID item', itemId);
  await lockRegister(tx, found.projectId);
  const [row] = await tx.select().from(raidItems).where(eq(raidItems.id, itemId)).for('update');
  if (!row || !(await policy.canSee(tx, userId, projectRefOf(row)))) throw notFound('RAID item', itemId);
  await policy.assertCanEdit(tx, userId, projectRefOf(row));
  return row;
}

/** The RAID log of a project: open items first, then by severity and due date. */
export async function listRaidItems(
  db: Database,
  userId: string,
  projectId: string,
  filters: RaidFilters,
): Promise<RaidItemView[]> {
  await registerProject(db, userId, projectId);
  const conditions: SQL[] = [eq(raidItems.projectId, projectId)];
  if (filters.kind !== undefined) conditions.push(eq(raidItems.kind, filters.kind));
  if (filters.status !== undefined) conditions.push(eq(raidItems.status, filters.status));
  if (filters.ownerId !== undefined) conditions.push(eq(raidItems.ownerId, filters.ownerId));
  if (filters.severity !== undefined) conditions.push(eq(raidItems.severity, filters.severity));
  const settled = sql`${raidItems.status} in ('resolved', 'closed')`;
  const rows = await db
    .select()
    .from(raidItems)
    .where(and(...conditions))
    .orderBy(
      asc(settled),
      asc(severityOrder),
      sql`${raidItems.dueDate} asc nulls last`,
      desc(raidItems.createdAt),
    );
  const today = todayUtc();
  return rows.map((row) => toRaidItemView(row, today));
}

/** One RAID item. */
export async function getRaidItem(db: Database, userId: string, itemId: string): Promise<RaidItemView> {
  return toRaidItemView(await visibleRaidItem(db, userId, itemId), todayUtc());
}

/**
 * Inserts a RAID item inside the caller's transaction, which has checked the policy and holds the register lock; the
 * occurrence of a risk raises its issue through here.
 */
export async function insertRaidItem(
  tx: Transaction,
  userId: string,
  project: { id: string; workspaceId: string },
  input: RaidItemInput & { riskId?: string | null },
): Promise<RaidItemView> {
  await assertWorkspaceMember(tx, project.workspaceId, 'ownerId', input.ownerId);
  const [row] = await tx
    .insert(raidItems)
    .values({
      id: newId('rad'),
      workspaceId: project.workspaceId,
      projectId: project.id,
      kind: input.kind,
      title: input.title,
      description: input.description ?? '',
      severity: input.severity ?? 'medium',
      priority: input.priority ?? 'medium',
      ownerId: input.ownerId ?? null,
      dueDate: input.dueDate ?? null,
      status: input.status ?? 'open',
      resolution: input.resolution ?? '',
      riskId: input.riskId ?? null,
      createdBy: userId,
    })
    .returning();
  if (!row) throw new Error('insert into raid_items returned no row');
  const view = toRaidItemView(row, todayUtc());
  await recordChange(tx, userId, raidSubject(row), 'create', null, view);
  return view;
}

/** Adds an issue, assumption or decision to a project's RAID log. */
export async function createRaidItem(
  db: Database,
  userId: string,
  projectId: string,
  input: RaidItemInput,
): Promise<RaidItemView> {
  const { ref } = await registerProject(db, userId, projectId);
  await policy.assertCanEdit(db, userId, ref);
  return writeTransaction(db, async (tx) => {
    await lockRegister(tx, projectId);
    return insertRaidItem(tx, userId, { id: projectId, workspaceId: ref.workspaceId }, input);
  });
}

/** Changes a RAID item at the expected version. */
export async function updateRaidItem(
  db: Database,
  userId: string,
  itemId: string,
  expectedVersion: number,
  changes: Changes<RaidItemInput>,
): Promise<RaidItemView> {
  return writeTransaction(db, async (tx) => {
    const row = await lockRaidItemForWrite(tx, userId, itemId);
    const today = todayUtc();
    const before = toRaidItemView(row, today);
    assertVersion(`RAID item ${itemId}`, before, expectedVersion);
    await assertWorkspaceMember(tx, row.workspaceId, 'ownerId', changes.ownerId);
    const [updated] = await tx
      .update(raidItems)
      .set({ ...definedOnly(changes), version: sql`${raidItems.version} + 1`, updatedAt: sql`now()` })
      .where(eq(raidItems.id, itemId))
      .returning();
    if (!updated) throw new Error(`RAID item ${itemId} vanished while locked`);
    const after = toRaidItemView(updated, today);
    await recordChange(tx, userId, raidSubject(updated), 'update', before, after);
    return after;
  });
}

/** Deletes a RAID item at the expected version with its links; a risk it was raised from forgets it. */
export async function deleteRaidItem(
  db: Database,
  userId: string,
  itemId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await lockRaidItemForWrite(tx, userId, itemId);
    const before = toRaidItemView(row, todayUtc());
    assertVersion(`RAID item ${itemId}`, before, expectedVersion);
    await tx
      .delete(raidLinks)
      .where(
        sql`(${raidLinks.fromType} = 'raid' and ${raidLinks.fromId} = ${itemId}) or (${raidLinks.toType} = 'raid' and ${raidLinks.toId} = ${itemId})`,
      );
    await tx
      .update(risks)
      .set({ issueId: null, version: sql`${risks.version} + 1`, updatedAt: sql`now()` })
      .where(eq(risks.issueId, itemId));
    await tx.delete(raidItems).where(eq(raidItems.id, itemId));
    await recordChange(tx, userId, raidSubject(row), 'delete', before, null);
  });
}

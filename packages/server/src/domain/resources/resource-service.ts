import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { assignments } from '../../db/schema/assignments';
import { type ResourceKind, resources } from '../../db/schema/resources';
import { workspaceMembers } from '../../db/schema/workspaces';
import { ApiError } from '../../http/errors';
import { keyset, type ListQuery, type Page, parseSort, toPage } from '../../http/pagination';
import { assertVersion } from '../../http/version';
import { touchPlan } from '../schedule/plan-revision';
import { auditCascadedDeletions } from '../shared/audit-many';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { invalid, notFound } from '../shared/errors';
import { containsText } from '../shared/text-search';
import { writeTransaction } from '../shared/write-transaction';
import { assertCanManageResources, assertCanSeeResources } from './resource-access';
import { type ResourceCalendarInput, toStoredCalendar } from './resource-calendar';
import { type ResourceView, resourceSubject, toResourceView } from './resource-view';

type ResourceRow = typeof resources.$inferSelect;

/** Fields a client sets when creating a resource. */
export interface ResourceInput {
  name: string;
  kind?: ResourceKind | undefined;
  userId?: string | null | undefined;
  calendar?: ResourceCalendarInput | null | undefined;
  maxUnits?: number | undefined;
  standardRateCents?: number | undefined;
  overtimeRateCents?: number | undefined;
  costPerUseCents?: number | undefined;
}

/** Fields a client may change; absent ones stay as they are. */
export type ResourceChanges = Changes<ResourceInput>;

/** Per-list filters of the resource list. */
export interface ResourceFilters {
  kind?: ResourceKind | undefined;
}

const sortable = ['name', 'createdAt', 'updatedAt'] as const;

// The fields the schedule reads: changing one moves the dates or costs of every plan the resource works in.
const scheduleFields = [
  'calendar',
  'maxUnits',
  'standardRateCents',
  'overtimeRateCents',
  'costPerUseCents',
] as const;

/**
 * A person resource may stand for a member of the workspace, at most one resource each, so that their time entries
 * count as the resource's actual work.
 */
async function checkUser(
  tx: Transaction,
  workspaceId: string,
  kind: ResourceKind,
  userId: string | null,
  resourceId: string | null,
): Promise<void> {
  if (userId === null) return;
  if (kind !== 'person') throw invalid('userId', `Only a person resource can stand for a user, not ${kind}`);
  const [member] = await tx
    .select({ userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)))
    .for('key share');
  if (!member) throw invalid('userId', `User ${userId} is not a member of workspace ${workspaceId}`);
  const [taken] = await tx
    .select({ id: resources.id, name: resources.name })
    .from(resources)
    .where(
      and(
        eq(resources.workspaceId, workspaceId),
        eq(resources.userId, userId),
        resourceId === null ? undefined : ne(resources.id, resourceId),
      ),
    )
    .limit(1);
  if (taken) {
    throw new ApiError(409, 'CONFLICT', `User ${userId} is already the resource "${taken.name}"`, 'userId');
  }
}

function storedFields(input: ResourceChanges) {
  const { calendar, ...rest } = input;
  return {
    ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
    ...(calendar === undefined ? {} : { calendar: calendar === null ? null : toStoredCalendar(calendar) }),
  };
}

/** Touches the plan of every project the resource is assigned in, in id order so that two writers never deadlock. */
async function touchPlansOf(tx: Transaction, resourceId: string): Promise<void> {
  const rows = await tx
    .selectDistinct({ projectId: assignments.projectId })
    .from(assignments)
    .where(eq(assignments.resourceId, resourceId))
    .orderBy(assignments.projectId);
  for (const row of rows) await touchPlan(tx, row.projectId);
}

async function workspaceOf(tx: Transaction, userId: string, resourceId: string): Promise<string> {
  const [found] = await tx
    .select({ workspaceId: resources.workspaceId })
    .from(resources)
    .where(eq(resources.id, resourceId));
  if (!found) throw notFound('Resource', resourceId);
  await assertCanSeeResources(tx, userId, found.workspaceId, `Resource ${resourceId}`);
  await assertCanManageResources(tx, userId, found.workspaceId);
  return found.workspaceId;
}

/** Adds a resource to a workspace. */
export async function createResource(
  db: Database,
  userId: string,
  workspaceId: string,
  input: ResourceInput,
): Promise<ResourceView> {
  return writeTransaction(db, async (tx) => {
    await assertCanManageResources(tx, userId, workspaceId);
    const kind = input.kind ?? 'person';
    await checkUser(tx, workspaceId, kind, input.userId ?? null, null);
    const [row] = await tx
      .insert(resources)
      .values({ ...storedFields(input), name: input.name, id: newId('res'), workspaceId })
      .returning();
    if (!row) throw new Error('insert into resources returned no row');
    const view = toResourceView(row);
    await recordChange(tx, userId, resourceSubject(row), 'create', null, view);
    return view;
  });
}

/** One resource of a workspace the caller belongs to. */
export async function getResource(db: Database, userId: string, resourceId: string): Promise<ResourceView> {
  const [row] = await db.select().from(resources).where(eq(resources.id, resourceId));
  if (!row) throw notFound('Resource', resourceId);
  await assertCanSeeResources(db, userId, row.workspaceId, `Resource ${resourceId}`);
  return toResourceView(row);
}

/** The resources of a workspace, one page at a time (default order: name). */
export async function listResources(
  db: Database,
  userId: string,
  workspaceId: string,
  query: ListQuery & ResourceFilters,
): Promise<Page<ResourceView>> {
  await assertCanSeeResources(db, userId, workspaceId, `Workspace ${workspaceId}`);
  const sort = parseSort(query.sort, sortable, { field: 'name', direction: 'asc' });
  const column = { name: resources.name, createdAt: resources.createdAt, updatedAt: resources.updatedAt }[
    sort.field
  ];
  const page = keyset(column, resources.id, sort, query.cursor);
  const rows = await db
    .select()
    .from(resources)
    .where(
      and(
        eq(resources.workspaceId, workspaceId),
        query.kind === undefined ? undefined : eq(resources.kind, query.kind),
        containsText(resources.name, query.q),
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, sort, (row) => row[sort.field], toResourceView);
}

/**
 * Changes a resource at the expected version. A change to its calendar, units or rates bumps the plan revision of
 * every project it is assigned in, since their schedules and costs depend on it.
 */
export async function updateResource(
  db: Database,
  userId: string,
  resourceId: string,
  expectedVersion: number,
  changes: ResourceChanges,
): Promise<ResourceView> {
  return writeTransaction(db, async (tx) => {
    const workspaceId = await workspaceOf(tx, userId, resourceId);
    if (scheduleFields.some((field) => changes[field] !== undefined)) await touchPlansOf(tx, resourceId);
    // No key update: assignments being added meanwhile hold the row in key share and need not wait.
    const [row] = await tx.select().from(resources).where(eq(resources.id, resourceId)).for('no key update');
    if (!row) throw notFound('Resource', resourceId);
    const before = toResourceView(row);
    assertVersion(`Resource ${resourceId}`, before, expectedVersion);
    const kind = changes.kind ?? row.kind;
    const nextUser = changes.userId === undefined ? row.userId : changes.userId;
    if (changes.userId !== undefined || changes.kind !== undefined) {
      await checkUser(tx, workspaceId, kind, nextUser, resourceId);
    }
    const [updated] = await tx
      .update(resources)
      .set({ ...storedFields(changes), version: sql`${resources.version} + 1`, updatedAt: sql`now()` })
      .where(eq(resources.id, resourceId))
      .returning();
    if (!updated) throw new Error(`resource ${resourceId} vanished while locked`);
    const after = toResourceView(updated);
    await recordChange(tx, userId, resourceSubject(updated), 'update', before, after);
    return after;
  });
}

/** Deletes a resource and its assignments (each audited), at the expected version. */
export async function deleteResource(
  db: Database,
  userId: string,
  resourceId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const workspaceId = await workspaceOf(tx, userId, resourceId);
    await touchPlansOf(tx, resourceId);
    const [row] = await tx.select().from(resources).where(eq(resources.id, resourceId)).for('update');
    if (!row) throw notFound('Resource', resourceId);
    const before = toResourceView(row);
    assertVersion(`Resource ${resourceId}`, before, expectedVersion);
    const removed = await tx.select().from(assignments).where(eq(assignments.resourceId, resourceId));
    await tx.delete(resources).where(eq(resources.id, resourceId));
    await auditCascadedDeletions(
      tx,
      userId,
      workspaceId,
      removed.map((assignment) => ({
        entityType: 'assignment',
        entityId: assignment.id,
        before: assignment,
      })),
    );
    await recordChange(tx, userId, resourceSubject(row), 'delete', before, null);
  });
}

/** The resources with the given ids, for the views that name them. */
export async function resourcesByIds(db: Database, ids: readonly string[]): Promise<ResourceRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(resources)
    .where(inArray(resources.id, [...ids]));
}

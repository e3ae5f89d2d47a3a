import { workingMinutesPerDay } from '@tandem/core';
import { and, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { products } from '../../db/schema/products';
import { programs } from '../../db/schema/programs';
import { defaultCalendarSettings, type ProjectCalendarSettings, projects } from '../../db/schema/projects';
import { tasks } from '../../db/schema/tasks';
import { keyset, type ListQuery, type Page, parseSort, toPage } from '../../http/pagination';
import { assertVersion } from '../../http/version';
import { kindLabel } from '../members/entity-ref';
import { auditCascadedDeletions } from '../shared/audit-many';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { invalid, notFound } from '../shared/errors';
import { containsText } from '../shared/text-search';
import { writeTransaction } from '../shared/write-transaction';
import { toTaskView } from '../tasks/task-view';
import { type ProjectView, projectSubject, toProjectView } from './project-view';

type ProjectRow = typeof projects.$inferSelect;

/** Fields a client sets when creating a project. */
export interface ProjectInput {
  name: string;
  description?: string | undefined;
  programId?: string | null | undefined;
  productId?: string | null | undefined;
  startDate: string;
  statusDate?: string | null | undefined;
  calendar?: Changes<ProjectCalendarSettings> | undefined;
}

/** Fields a client may change; absent ones stay as they are, `calendar` merges into the current settings. */
export type ProjectChanges = Changes<ProjectInput>;

/** Per-list filters of the project list. */
export interface ProjectFilters {
  programId?: string | undefined;
  productId?: string | undefined;
  /** True lists only templates; live projects (no templates) otherwise. */
  template?: boolean | undefined;
}

const sortable = ['name', 'startDate', 'createdAt', 'updatedAt'] as const;

async function lockProject(tx: Transaction, projectId: string): Promise<ProjectRow> {
  const [row] = await tx.select().from(projects).where(eq(projects.id, projectId)).for('update');
  if (!row) throw notFound('Project', projectId);
  return row;
}

// The kinds a project links to, each with its table and the project field that points at it.
const linkTables = [
  ['program', programs, 'programId'],
  ['product', products, 'productId'],
] as const;

/**
 * A program or product a project links to must be one the caller can see in the same workspace. The rows are held
 * (key share) until the transaction ends, so they cannot be deleted between this check and the write that links them.
 */
async function checkLinks(
  db: Transaction,
  userId: string,
  workspaceId: string,
  links: { programId?: string | null | undefined; productId?: string | null | undefined },
): Promise<void> {
  for (const [kind, table, field] of linkTables) {
    const id = links[field];
    if (!id) continue;
    const [linked] = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, id), eq(table.workspaceId, workspaceId)))
      .for('key share');
    const seen = linked && (await policy.canSee(db, userId, { kind, id: linked.id, workspaceId }));
    if (!seen) throw invalid(field, `${kindLabel(kind)} ${id} was not found in this workspace`);
  }
}

function checkDates(startDate: string, statusDate: string | null): void {
  if (statusDate !== null && statusDate < startDate) {
    throw invalid('statusDate', `The status date ${statusDate} is before the project start ${startDate}`);
  }
}

/** Creates a project in a workspace; its creator becomes its project manager. */
export async function createProject(
  db: Database,
  userId: string,
  workspaceId: string,
  input: ProjectInput,
): Promise<ProjectView> {
  await policy.assertCanCreate(db, userId, workspaceId, 'project');
  checkDates(input.startDate, input.statusDate ?? null);
  return writeTransaction(db, async (tx) => {
    await checkLinks(tx, userId, workspaceId, input);
    const [row] = await tx
      .insert(projects)
      .values({
        id: newId('prj'),
        workspaceId,
        name: input.name,
        description: input.description ?? '',
        programId: input.programId ?? null,
        productId: input.productId ?? null,
        startDate: input.startDate,
        statusDate: input.statusDate ?? null,
        calendar: { ...defaultCalendarSettings, ...definedOnly(input.calendar ?? {}) },
        createdBy: userId,
      })
      .returning();
    if (!row) throw new Error('insert into projects returned no row');
    await policy.grantCreatorRole(tx, userId, workspaceId, 'project', row.id);
    const view = toProjectView(row);
    await recordChange(tx, userId, projectSubject(row), 'create', null, view);
    return view;
  });
}

/** One project the caller may see. */
export async function getProject(db: Database, userId: string, projectId: string): Promise<ProjectView> {
  const [row] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!row) throw notFound('Project', projectId);
  await policy.assertCanSee(db, userId, { kind: 'project', id: row.id, workspaceId: row.workspaceId });
  return toProjectView(row);
}

/** The projects of a workspace the caller may see, optionally of one program or product, one page at a time. */
export async function listProjects(
  db: Database,
  userId: string,
  workspaceId: string,
  query: ListQuery & ProjectFilters,
): Promise<Page<ProjectView>> {
  const visible = await policy.visibleFilter(db, userId, workspaceId, 'project', projects.id);
  const sort = parseSort(query.sort, sortable, { field: 'name', direction: 'asc' });
  const column = {
    name: projects.name,
    startDate: projects.startDate,
    createdAt: projects.createdAt,
    updatedAt: projects.updatedAt,
  }[sort.field];
  const page = keyset(column, projects.id, sort, query.cursor);
  const rows = await db
    .select()
    .from(projects)
    .where(
      and(
        eq(projects.workspaceId, workspaceId),
        visible,
        query.programId ? eq(projects.programId, query.programId) : undefined,
        query.productId ? eq(projects.productId, query.productId) : undefined,
        eq(projects.isTemplate, query.template === true),
        containsText(projects.name, query.q),
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, sort, (row) => row[sort.field], toProjectView);
}

/**
 * The settings after a change. New working hours carry their unit figures with them (minutes per day and per week),
 * so "1d" stays one working day, unless the client sets those figures itself.
 */
function mergedCalendar(
  current: ProjectCalendarSettings,
  change: Partial<ProjectCalendarSettings>,
): ProjectCalendarSettings {
  const next = { ...current, ...change };
  if (change.workingHours && change.minutesPerDay === undefined) {
    next.minutesPerDay = workingMinutesPerDay(next.workingHours);
    if (change.minutesPerWeek === undefined)
      next.minutesPerWeek = next.minutesPerDay * next.workingDays.length;
  }
  return next;
}

/** Changes a project at the expected version; a stale version is a 409 carrying the current project. */
export async function updateProject(
  db: Database,
  userId: string,
  projectId: string,
  expectedVersion: number,
  changes: ProjectChanges,
): Promise<ProjectView> {
  return writeTransaction(db, async (tx) => {
    const row = await lockProject(tx, projectId);
    await policy.assertCanEdit(tx, userId, { kind: 'project', id: row.id, workspaceId: row.workspaceId });
    const before = toProjectView(row);
    assertVersion(`Project ${projectId}`, before, expectedVersion);
    await checkLinks(tx, userId, row.workspaceId, changes);
    const { calendar, ...rest } = changes;
    const next = definedOnly(rest);
    checkDates(
      next.startDate ?? row.startDate,
      next.statusDate === undefined ? row.statusDate : next.statusDate,
    );
    const [updated] = await tx
      .update(projects)
      .set({
        ...next,
        ...(calendar ? { calendar: mergedCalendar(row.calendar, definedOnly(calendar)) } : {}),
        // The calendar and the dates feed the schedule: a new plan revision, so no cached schedule outlives them.
        ...(calendar || next.startDate !== undefined || next.statusDate !== undefined
          ? { planRevision: sql`${projects.planRevision} + 1` }
          : {}),
        version: sql`${projects.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(projects.id, projectId))
      .returning();
    if (!updated) throw new Error(`project ${projectId} vanished while locked`);
    const after = toProjectView(updated);
    await recordChange(tx, userId, projectSubject(updated), 'update', before, after);
    return after;
  });
}

/** Deletes a project and its tasks at the expected version; every removed task keeps an audited end. */
export async function deleteProject(
  db: Database,
  userId: string,
  projectId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await lockProject(tx, projectId);
    await policy.assertCanManage(tx, userId, { kind: 'project', id: row.id, workspaceId: row.workspaceId });
    const before = toProjectView(row);
    assertVersion(`Project ${projectId}`, before, expectedVersion);
    const removedTasks = await tx.delete(tasks).where(eq(tasks.projectId, projectId)).returning();
    await tx.delete(projects).where(eq(projects.id, projectId));
    await policy.dropEntityRoles(tx, 'project', projectId);
    await auditCascadedDeletions(
      tx,
      userId,
      row.workspaceId,
      removedTasks.map((task) => ({ entityType: 'task', entityId: task.id, before: toTaskView(task) })),
    );
    await recordChange(tx, userId, projectSubject(row), 'delete', before, null);
  });
}

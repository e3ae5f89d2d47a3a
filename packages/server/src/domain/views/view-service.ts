import { and, asc, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Queryable } from '../../db/client';
import { newId } from '../../db/ids';
import { type SavedViewConfig, type SavedViewKind, savedViews } from '../../db/schema/saved-views';
import { ApiError } from '../../http/errors';
import { assertVersion } from '../../http/version';
import { type ChangeSubject, recordChange } from '../shared/change-log';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { loadProject, projectRef } from '../workflow/agile-project';
import { checkViewConfig } from './view-config';

type ViewRow = typeof savedViews.$inferSelect;

/** A saved view as the API shows it. */
export interface SavedView {
  id: string;
  workspaceId: string;
  projectId: string;
  kind: SavedViewKind;
  name: string;
  config: SavedViewConfig;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Fields a client sets when saving a view. */
export interface SavedViewInput {
  kind: SavedViewKind;
  name: string;
  config: SavedViewConfig;
}

/** The most views one project keeps, so a script gone wrong cannot fill a project's menu with thousands. */
export const maxViewsPerProject = 200;

function toView(row: ViewRow): SavedView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    projectId: row.projectId,
    kind: row.kind,
    name: row.name,
    config: row.config,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

const subjectOf = (row: ViewRow): ChangeSubject => ({
  entityType: 'savedView',
  entityId: row.id,
  workspaceId: row.workspaceId,
  projectId: row.projectId,
});

/** The saved views of a project the caller may see, of one kind or all, by name. */
export async function listViews(
  db: Database,
  userId: string,
  projectId: string,
  kind: SavedViewKind | undefined,
): Promise<SavedView[]> {
  const project = await loadProject(db, projectId);
  await policy.assertCanSee(db, userId, projectRef(project));
  const rows = await db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.projectId, projectId), kind ? eq(savedViews.kind, kind) : undefined))
    .orderBy(asc(savedViews.kind), asc(savedViews.name), asc(savedViews.id))
    .limit(maxViewsPerProject);
  return rows.map(toView);
}

/** Saves a view of a project, shared with everyone who sees the project. */
export async function createView(
  db: Database,
  userId: string,
  projectId: string,
  input: SavedViewInput,
): Promise<SavedView> {
  checkViewConfig(input.config);
  return writeTransaction(db, async (tx) => {
    // The project row is held so two saves cannot both slip under the per-project limit.
    const project = await loadProject(tx, projectId, true);
    await policy.assertCanEdit(tx, userId, projectRef(project));
    const [held] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(savedViews)
      .where(eq(savedViews.projectId, projectId));
    if ((held?.n ?? 0) >= maxViewsPerProject) {
      throw new ApiError(
        409,
        'CONFLICT',
        `Project ${projectId} already keeps ${maxViewsPerProject} saved views`,
      );
    }
    const [row] = await tx
      .insert(savedViews)
      .values({
        id: newId('vw'),
        workspaceId: project.workspaceId,
        projectId,
        kind: input.kind,
        name: input.name,
        config: input.config,
        createdBy: userId,
      })
      .returning();
    if (!row) throw new Error('insert into saved_views returned no row');
    const view = toView(row);
    await recordChange(tx, userId, subjectOf(row), 'create', null, view);
    return view;
  });
}

async function viewForEdit(tx: Queryable, userId: string, viewId: string): Promise<ViewRow> {
  const [row] = await tx.select().from(savedViews).where(eq(savedViews.id, viewId)).for('update');
  if (!row) throw notFound('View', viewId);
  const ref = projectRef({ id: row.projectId, workspaceId: row.workspaceId });
  if (!(await policy.canSee(tx, userId, ref))) throw notFound('View', viewId);
  await policy.assertCanEdit(tx, userId, ref);
  return row;
}

/** Renames a saved view or replaces its configuration at the expected version. */
export async function updateView(
  db: Database,
  userId: string,
  viewId: string,
  expectedVersion: number,
  changes: { name?: string | undefined; config?: SavedViewConfig | undefined },
): Promise<SavedView> {
  if (changes.config !== undefined) checkViewConfig(changes.config);
  return writeTransaction(db, async (tx) => {
    const row = await viewForEdit(tx, userId, viewId);
    const before = toView(row);
    assertVersion(`View ${viewId}`, before, expectedVersion);
    const [updated] = await tx
      .update(savedViews)
      .set({ ...definedOnly(changes), version: sql`${savedViews.version} + 1`, updatedAt: sql`now()` })
      .where(eq(savedViews.id, viewId))
      .returning();
    if (!updated) throw new Error(`view ${viewId} vanished while locked`);
    const after = toView(updated);
    await recordChange(tx, userId, subjectOf(updated), 'update', before, after);
    return after;
  });
}

/** Deletes a saved view at the expected version. */
export async function deleteView(
  db: Database,
  userId: string,
  viewId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await viewForEdit(tx, userId, viewId);
    const before = toView(row);
    assertVersion(`View ${viewId}`, before, expectedVersion);
    await tx.delete(savedViews).where(eq(savedViews.id, viewId));
    await recordChange(tx, userId, subjectOf(row), 'delete', before, null);
  });
}

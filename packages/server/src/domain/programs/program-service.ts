import { and, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { programs } from '../../db/schema/programs';
import type { WorkspaceRole } from '../../db/schema/workspaces';
import { keyset, type ListQuery, type Page, parseSort, toPage } from '../../http/pagination';
import { assertVersion } from '../../http/version';
import { unlinkProjects } from '../projects/project-links';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { containsText } from '../shared/text-search';
import { visibleFilter } from '../shared/visible-filter';
import { writeTransaction } from '../shared/write-transaction';

type ProgramRow = typeof programs.$inferSelect;

/** A program as the API shows it. */
export interface ProgramView {
  id: string;
  workspaceId: string;
  name: string;
  objective: string;
  description: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Fields a client sets when creating a program. */
export interface ProgramInput {
  name: string;
  objective?: string | undefined;
  description?: string | undefined;
}

/** Fields a client may change; absent ones stay as they are. */
export type ProgramChanges = Changes<ProgramInput>;

const sortable = ['name', 'createdAt', 'updatedAt'] as const;

/** Maps a row to its API view. */
export function toProgramView(row: ProgramRow): ProgramView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    objective: row.objective,
    description: row.description,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

async function lockProgram(tx: Transaction, programId: string): Promise<ProgramRow> {
  const [row] = await tx.select().from(programs).where(eq(programs.id, programId)).for('update');
  if (!row) throw notFound('Program', programId);
  return row;
}

/** Creates a program in a workspace; its creator becomes its program manager. */
export async function createProgram(
  db: Database,
  userId: string,
  workspaceId: string,
  input: ProgramInput,
): Promise<ProgramView> {
  await policy.assertCanCreate(db, userId, workspaceId, 'program');
  return writeTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(programs)
      .values({
        id: newId('prg'),
        workspaceId,
        name: input.name,
        objective: input.objective ?? '',
        description: input.description ?? '',
        createdBy: userId,
      })
      .returning();
    if (!row) throw new Error('insert into programs returned no row');
    await policy.grantCreatorRole(tx, userId, workspaceId, 'program', row.id);
    const view = toProgramView(row);
    await recordChange(
      tx,
      userId,
      { entityType: 'program', entityId: row.id, workspaceId },
      'create',
      null,
      view,
    );
    return view;
  });
}

/** One program the caller may see. */
export async function getProgram(db: Database, userId: string, programId: string): Promise<ProgramView> {
  const [row] = await db.select().from(programs).where(eq(programs.id, programId));
  if (!row) throw notFound('Program', programId);
  await policy.assertCanSee(db, userId, { kind: 'program', id: row.id, workspaceId: row.workspaceId });
  return toProgramView(row);
}

/** The programs of a workspace the caller may see, one page at a time. */
export async function listPrograms(
  db: Database,
  userId: string,
  workspaceId: string,
  query: ListQuery,
  knownRole?: WorkspaceRole,
): Promise<Page<ProgramView>> {
  const visible = await visibleFilter(db, userId, workspaceId, 'program', programs.id, knownRole);
  const sort = parseSort(query.sort, sortable, { field: 'name', direction: 'asc' });
  const column = { name: programs.name, createdAt: programs.createdAt, updatedAt: programs.updatedAt }[
    sort.field
  ];
  const page = keyset(column, programs.id, sort, query.cursor);
  const rows = await db
    .select()
    .from(programs)
    .where(
      and(eq(programs.workspaceId, workspaceId), visible, containsText(programs.name, query.q), page.where),
    )
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, sort, (row) => row[sort.field], toProgramView);
}

/** Changes a program at the expected version; a stale version is a 409 carrying the current program. */
export async function updateProgram(
  db: Database,
  userId: string,
  programId: string,
  expectedVersion: number,
  changes: ProgramChanges,
): Promise<ProgramView> {
  return writeTransaction(db, async (tx) => {
    const row = await lockProgram(tx, programId);
    await policy.assertCanEdit(tx, userId, { kind: 'program', id: row.id, workspaceId: row.workspaceId });
    const before = toProgramView(row);
    assertVersion(`Program ${programId}`, before, expectedVersion);
    const [updated] = await tx
      .update(programs)
      .set({ ...definedOnly(changes), version: sql`${programs.version} + 1`, updatedAt: sql`now()` })
      .where(eq(programs.id, programId))
      .returning();
    if (!updated) throw new Error(`program ${programId} vanished while locked`);
    const after = toProgramView(updated);
    await recordChange(
      tx,
      userId,
      { entityType: 'program', entityId: programId, workspaceId: row.workspaceId },
      'update',
      before,
      after,
    );
    return after;
  });
}

/** Deletes a program at the expected version; its projects stay, unlinked from it (each a recorded update). */
export async function deleteProgram(
  db: Database,
  userId: string,
  programId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await lockProgram(tx, programId);
    await policy.assertCanManage(tx, userId, { kind: 'program', id: row.id, workspaceId: row.workspaceId });
    const before = toProgramView(row);
    assertVersion(`Program ${programId}`, before, expectedVersion);
    await unlinkProjects(tx, userId, 'programId', programId);
    await tx.delete(programs).where(eq(programs.id, programId));
    await policy.dropEntityRoles(tx, 'program', programId);
    await recordChange(
      tx,
      userId,
      { entityType: 'program', entityId: programId, workspaceId: row.workspaceId },
      'delete',
      before,
      null,
    );
  });
}

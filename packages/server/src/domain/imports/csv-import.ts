import { and, eq, isNull, max } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { auditEntries } from '../../db/schema/audit';
import { tasks } from '../../db/schema/tasks';
import { projectSubject } from '../projects/project-view';
import { touchPlan } from '../schedule/plan-revision';
import { recordChange } from '../shared/change-log';
import { writeTransaction } from '../shared/write-transaction';
import { planFromCsv } from './csv-plan';
import { visibleProject } from './mspdi-export';
import { insertPlan, writePlanRows } from './plan-insert';
import { type Upload, uploadText } from './upload';

/** A CSV file is a few thousand rows at most; anything far bigger is not a task list. */
const csvLimitBytes = 16 * 1024 * 1024;

/** Where the rows of a CSV import go: appended to the project, or into a new project beside it. */
export interface CsvImportOptions {
  into: 'append' | 'new';
  /** The new project's name (default: the project's name and "(CSV)"). */
  name?: string | undefined;
  /** The new project's start day, `YYYY-MM-DD` (default: the project's). */
  startDate?: string | undefined;
}

/** What a CSV import wrote. */
export interface CsvImportResult {
  projectId: string;
  tasks: number;
  links: number;
}

async function auditCreatedTasks(
  tx: Transaction,
  userId: string,
  workspaceId: string,
  ids: readonly string[],
) {
  for (let start = 0; start < ids.length; start += 500) {
    await tx.insert(auditEntries).values(
      ids.slice(start, start + 500).map((id) => ({
        id: newId('aud'),
        workspaceId,
        actorId: userId,
        entityType: 'task',
        entityId: id,
        action: 'create',
        before: null,
        after: { id, imported: 'csv' },
      })),
    );
  }
}

/**
 * Imports a task CSV (see `exportCsv` for the columns) into a project, after its last top-level task, or into a new
 * project of the same workspace. All rows are checked first and written in one transaction: a bad cell refuses the
 * whole file with its row and column.
 */
export async function importCsv(
  db: Database,
  userId: string,
  projectId: string,
  upload: Upload,
  options: CsvImportOptions,
): Promise<CsvImportResult> {
  const project = await visibleProject(db, userId, projectId);
  const ref = { kind: 'project' as const, id: project.id, workspaceId: project.workspaceId };
  if (options.into === 'append') await policy.assertCanEdit(db, userId, ref);
  else await policy.assertCanCreate(db, userId, project.workspaceId, 'project');
  const plan = planFromCsv(await uploadText(upload, csvLimitBytes), project.calendar);
  if (options.into === 'new') {
    const { project: created } = await writeTransaction(db, (tx) =>
      insertPlan(tx, userId, project.workspaceId, {
        project: {
          name: options.name ?? `${project.name} (CSV)`.slice(0, 200),
          description: '',
          startDate: options.startDate ?? project.startDate,
          statusDate: null,
          calendar: project.calendar,
        },
        ...plan,
        resources: [],
        assignments: [],
      }),
    );
    return { projectId: created.id, tasks: plan.tasks.length, links: plan.links.length };
  }
  await writeTransaction(db, async (tx) => {
    await touchPlan(tx, projectId);
    const [last] = await tx
      .select({ position: max(tasks.position) })
      .from(tasks)
      .where(and(eq(tasks.projectId, projectId), isNull(tasks.parentId)));
    const taskIds = await writePlanRows(
      tx,
      { projectId, workspaceId: project.workspaceId, userId, positionAfter: last?.position ?? 0 },
      { ...plan, resources: [], assignments: [] },
    );
    await auditCreatedTasks(tx, userId, project.workspaceId, [...taskIds.values()]);
    // One change for the whole file: open plans reload once rather than once per row.
    await recordChange(tx, userId, projectSubject(project), 'update', null, {
      importedTasks: plan.tasks.length,
      importedLinks: plan.links.length,
    });
  });
  return { projectId, tasks: plan.tasks.length, links: plan.links.length };
}

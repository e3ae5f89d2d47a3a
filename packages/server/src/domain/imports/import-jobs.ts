import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { newId } from '../../db/ids';
import { type ImportJobError, type ImportJobState, importJobs } from '../../db/schema/import-jobs';
import { ApiError } from '../../http/errors';
import type { Logger } from '../../http/logger';
import { type Change, changesChannel } from '../../realtime/change';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { imageSummary, type PlanImage } from './plan-image';
import { insertPlan } from './plan-insert';

/** An import as the API shows it. */
export interface ImportJobView {
  id: string;
  workspaceId: string;
  format: string;
  fileName: string;
  state: ImportJobState;
  /** 0–100. */
  progress: number;
  projectId: string | null;
  error: ImportJobError | null;
  summary: Record<string, number> | null;
  createdAt: string;
  updatedAt: string;
}

type JobRow = typeof importJobs.$inferSelect;

function toView(row: JobRow): ImportJobView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    format: row.format,
    fileName: row.fileName,
    state: row.state,
    progress: row.progress,
    projectId: row.projectId,
    error: row.error,
    summary: row.summary,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// Parsing and checking the file happen before the job exists; writing the rows is the rest.
const PARSED = 10;

/** Saves the job's new state and tells the live stream, so a progress bar anywhere follows it. */
async function saveJob(db: Database, row: JobRow, changes: Partial<JobRow>): Promise<void> {
  const change: Change = {
    entityType: 'import',
    entityId: row.id,
    action: 'update',
    workspaceId: row.workspaceId,
  };
  await db
    .update(importJobs)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(importJobs.id, row.id));
  await db.execute(sql`select pg_notify(${changesChannel}, ${JSON.stringify(change)})`);
}

function errorOf(error: unknown): ImportJobError {
  if (error instanceof ApiError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.field === undefined ? {} : { field: error.field }),
    };
  }
  return { code: 'IMPORT_FAILED', message: 'The import failed on the server; nothing was imported' };
}

const running = new Set<Promise<void>>();

/** Resolves when every import this process runs has finished (servers wait for it before they stop). */
export async function importsSettled(): Promise<void> {
  await Promise.allSettled([...running]);
}

/**
 * Starts writing a checked plan image as a new project of the workspace in the background and returns the job at once.
 * The rows are written in one transaction: the job ends `succeeded` with the project's id, or `failed` with nothing
 * imported. Progress (0–100) is saved as the rows go in.
 */
export async function startPlanImport(
  db: Database,
  logger: Logger,
  userId: string,
  workspaceId: string,
  format: string,
  fileName: string,
  image: PlanImage,
): Promise<ImportJobView> {
  const [row] = await db
    .insert(importJobs)
    .values({
      id: newId('imp'),
      workspaceId,
      format,
      fileName: fileName.slice(0, 255),
      progress: PARSED,
      createdBy: userId,
    })
    .returning();
  if (!row) throw new Error('insert into import_jobs returned no row');
  let saved = PARSED;
  const report = async (fraction: number) => {
    // Ten steps are enough for a bar, and each saved step costs a write.
    const progress = Math.min(99, PARSED + Math.floor(fraction * (99 - PARSED)));
    if (progress - saved < 9) return;
    saved = progress;
    await saveJob(db, row, { progress });
  };
  const job = (async () => {
    try {
      const { project } = await writeTransaction(db, (tx) =>
        insertPlan(tx, userId, workspaceId, image, report),
      );
      await saveJob(db, row, {
        state: 'succeeded',
        progress: 100,
        projectId: project.id,
        summary: imageSummary(image),
      });
    } catch (error) {
      if (!(error instanceof ApiError))
        logger.error({ msg: 'import failed', importId: row.id, error: String(error) });
      await saveJob(db, row, { state: 'failed', error: errorOf(error) }).catch(() => {});
    }
  })();
  running.add(job);
  void job.finally(() => running.delete(job));
  return toView(row);
}

// A running import saves its progress at least every tenth of the way; one silent this long died with its server.
const staleAfterMs = 10 * 60 * 1000;

/**
 * One import, for the person who started it (anyone else gets 404). An import whose server stopped while it ran (its
 * transaction rolled back, nothing written) is reported as failed.
 */
export async function getImportJob(db: Database, userId: string, importId: string): Promise<ImportJobView> {
  const [row] = await db.select().from(importJobs).where(eq(importJobs.id, importId));
  if (!row || row.createdBy !== userId) throw notFound('Import', importId);
  if (row.state === 'running' && Date.now() - row.updatedAt.getTime() > staleAfterMs) {
    const error = {
      code: 'IMPORT_INTERRUPTED',
      message: 'The server stopped during the import; nothing was imported',
    };
    await db
      .update(importJobs)
      .set({ state: 'failed', error, updatedAt: sql`now()` })
      .where(and(eq(importJobs.id, row.id), eq(importJobs.state, 'running')));
    return toView({ ...row, state: 'failed', error });
  }
  return toView(row);
}

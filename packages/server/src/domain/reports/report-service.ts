import {
  defaultReportPeriod,
  type RagColour,
  type RagDimension,
  type RagRatings,
  type ReportFigures,
  type ReportPeriod,
  ragDimensions,
  ratingProblems,
  settledRatings,
  suggestedRatings,
  suggestRag,
  withSuggestions,
} from '@tandem/core';
import { and, desc, eq, max, type SQL, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { newId } from '../../db/ids';
import { statusReports } from '../../db/schema/reports';
import { ApiError } from '../../http/errors';
import { assertVersion } from '../../http/version';
import { recordChange } from '../shared/change-log';
import { invalid } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { readsDrafts, visibleProject, visibleReport } from './report-access';
import { reportFigures } from './report-figures';
import {
  type StatusReportSummary,
  type StatusReportView,
  statusReportSubject,
  toStatusReportSummary,
  toStatusReportView,
} from './report-view';

type StatusReportRow = typeof statusReports.$inferSelect;

/** What the manager sets of one dimension: the colour they choose (null to follow the suggestion) and why. */
export interface RagChoice {
  chosen?: RagColour | null | undefined;
  reason?: string | undefined;
}

/** Fields of a report. */
export interface StatusReportInput {
  title: string;
  periodStart: string;
  periodFinish: string;
  narrative?: string | undefined;
  rag?: { [D in RagDimension]?: RagChoice | undefined } | undefined;
}

/** Fields of a new report: a period start or finish left out takes the default period's (`defaultReportPeriod`). */
export type NewStatusReportInput = Omit<StatusReportInput, 'periodStart' | 'periodFinish'> & {
  periodStart?: string | undefined;
  periodFinish?: string | undefined;
};

/** Changes to a draft. */
export type StatusReportChanges = { [K in keyof StatusReportInput]?: StatusReportInput[K] | undefined };

const today = () => new Date().toISOString().slice(0, 10);

function assertPeriod(start: string, finish: string): void {
  if (finish < start)
    throw invalid('periodFinish', `The period finishes (${finish}) before it starts (${start})`);
}

function assertRatings(ratings: RagRatings): void {
  const [problem] = ratingProblems(ratings);
  if (problem) throw invalid(problem.field, problem.message);
}

function applyChoices(ratings: RagRatings, choices: StatusReportInput['rag']): RagRatings {
  if (!choices) return ratings;
  const next = { ...ratings };
  for (const dimension of ragDimensions) {
    const choice = choices[dimension];
    if (!choice) continue;
    next[dimension] = {
      ...next[dimension],
      ...(choice.chosen !== undefined ? { chosen: choice.chosen } : {}),
      ...(choice.reason !== undefined ? { reason: choice.reason.trim() } : {}),
    };
  }
  return next;
}

function assertDraft(row: StatusReportRow): void {
  if (row.state === 'published') {
    throw new ApiError(
      409,
      'CONFLICT',
      `Status report ${row.id} is published and can no longer change`,
      'state',
    );
  }
}

/** A draft's ratings with suggestions from the figures as they are now. */
async function liveDraft(db: Database, row: StatusReportRow): Promise<StatusReportView> {
  const figures = await reportFigures(db, row.projectId, today());
  return toStatusReportView({ ...row, rag: withSuggestions(row.rag, suggestRag(figures)) }, figures);
}

function viewOf(db: Database, row: StatusReportRow): Promise<StatusReportView> | StatusReportView {
  return row.state === 'published'
    ? toStatusReportView(row, (row.snapshot as ReportFigures | null) ?? null)
    : liveDraft(db, row);
}

/** The project's reports, newest period first; drafts only for those who may read them. */
export async function listStatusReports(
  db: Database,
  userId: string,
  projectId: string,
): Promise<StatusReportSummary[]> {
  const project = await visibleProject(db, userId, projectId);
  const drafts = await readsDrafts(db, userId, project);
  const rows = await db
    .select()
    .from(statusReports)
    .where(
      and(eq(statusReports.projectId, projectId), drafts ? undefined : eq(statusReports.state, 'published')),
    )
    .orderBy(desc(statusReports.periodFinish), desc(statusReports.createdAt), desc(statusReports.id));
  return rows.map(toStatusReportSummary);
}

/** One report: a published one as frozen, a draft with the figures and suggestions of now. */
export async function getStatusReport(
  db: Database,
  userId: string,
  projectId: string,
  reportId: string,
): Promise<StatusReportView> {
  const { row } = await visibleReport(db, userId, projectId, reportId);
  return viewOf(db, row);
}

/** The period a new report of the project covers unless told otherwise: it follows the latest report's period. */
async function defaultPeriodOf(db: Database, projectId: string): Promise<ReportPeriod> {
  const [latest] = await db
    .select({ finish: max(statusReports.periodFinish) })
    .from(statusReports)
    .where(eq(statusReports.projectId, projectId));
  return defaultReportPeriod(today(), latest?.finish ?? undefined);
}

/** Starts a draft report for a period, its colours suggested from the project's figures of now. */
export async function createStatusReport(
  db: Database,
  userId: string,
  projectId: string,
  newInput: NewStatusReportInput,
): Promise<StatusReportView> {
  const project = await visibleProject(db, userId, projectId);
  await policy.assertCanEdit(db, userId, project);
  const { periodStart, periodFinish } = newInput;
  const period =
    periodStart !== undefined && periodFinish !== undefined
      ? { start: periodStart, finish: periodFinish }
      : await defaultPeriodOf(db, projectId);
  const input: StatusReportInput = {
    ...newInput,
    periodStart: periodStart ?? period.start,
    periodFinish: periodFinish ?? period.finish,
  };
  assertPeriod(input.periodStart, input.periodFinish);
  const figures = await reportFigures(db, projectId, today());
  const rag = applyChoices(suggestedRatings(suggestRag(figures)), input.rag);
  assertRatings(rag);
  const row = await writeTransaction(db, async (tx) => {
    const [created] = await tx
      .insert(statusReports)
      .values({
        id: newId('srp'),
        workspaceId: project.workspaceId,
        projectId,
        title: input.title,
        periodStart: input.periodStart,
        periodFinish: input.periodFinish,
        narrative: input.narrative ?? '',
        rag,
        createdBy: userId,
      })
      .returning();
    if (!created) throw new Error('insert into status_reports returned no row');
    await recordChange(
      tx,
      userId,
      statusReportSubject(created),
      'create',
      null,
      toStatusReportSummary(created),
    );
    return created;
  });
  return toStatusReportView(row, figures);
}

/** What a write to a draft may set, computed from the draft as it is (under its row lock). */
type DraftValues = {
  [K in keyof typeof statusReports.$inferInsert]?: (typeof statusReports.$inferInsert)[K] | SQL;
};

/**
 * Writes a draft at the expected version in one transaction: the caller may `action` the project, the report is still
 * a draft (409 once published), the version matches (409 when stale); then `values` gives what to set, checked against
 * the figures of now, and the write is audited.
 */
async function writeDraft(
  db: Database,
  userId: string,
  target: { projectId: string; reportId: string; expected: number },
  action: 'edit' | 'manage',
  values: (current: StatusReportRow, figures: ReportFigures) => DraftValues,
): Promise<StatusReportView> {
  const { projectId, reportId, expected } = target;
  await visibleProject(db, userId, projectId);
  const figures = await reportFigures(db, projectId, today());
  const row = await writeTransaction(db, async (tx) => {
    const found = await visibleReport(tx, userId, projectId, reportId, { forUpdate: true });
    const current = found.row;
    if (action === 'manage') await policy.assertCanManage(tx, userId, found.project);
    else await policy.assertCanEdit(tx, userId, found.project);
    assertDraft(current);
    const before = toStatusReportSummary(current);
    assertVersion(`Status report ${reportId}`, before, expected);
    const [updated] = await tx
      .update(statusReports)
      .set({ ...values(current, figures), updatedAt: sql`now()`, version: current.version + 1 })
      .where(eq(statusReports.id, reportId))
      .returning();
    if (!updated) throw new Error(`update of status report ${reportId} returned no row`);
    const after = toStatusReportSummary(updated);
    await recordChange(tx, userId, statusReportSubject(updated), 'update', before, after);
    return updated;
  });
  return toStatusReportView(row, figures);
}

/** Changes a draft at the expected version; a published report is read-only (409). */
export function updateStatusReport(
  db: Database,
  userId: string,
  projectId: string,
  reportId: string,
  expected: number,
  changes: StatusReportChanges,
): Promise<StatusReportView> {
  return writeDraft(db, userId, { projectId, reportId, expected }, 'edit', (current, figures) => {
    const periodStart = changes.periodStart ?? current.periodStart;
    const periodFinish = changes.periodFinish ?? current.periodFinish;
    assertPeriod(periodStart, periodFinish);
    const rag = applyChoices(withSuggestions(current.rag, suggestRag(figures)), changes.rag);
    assertRatings(rag);
    return {
      title: changes.title ?? current.title,
      periodStart,
      periodFinish,
      narrative: changes.narrative ?? current.narrative,
      rag,
    };
  });
}

/**
 * Publishes a draft: the figures of now are frozen into its snapshot, every colour is settled (the suggestion where
 * none was chosen) and the report becomes read-only. Only the project's managers publish.
 */
export function publishStatusReport(
  db: Database,
  userId: string,
  projectId: string,
  reportId: string,
  expected: number,
): Promise<StatusReportView> {
  return writeDraft(db, userId, { projectId, reportId, expected }, 'manage', (current, figures) => {
    const rag = settledRatings(withSuggestions(current.rag, suggestRag(figures)));
    assertRatings(rag);
    return {
      rag,
      state: 'published',
      snapshot: figures as unknown as Record<string, unknown>,
      publishedAt: sql`now()`,
      publishedBy: userId,
    };
  });
}

/** Deletes a draft at the expected version; a published report stays in the history (409). */
export async function deleteStatusReport(
  db: Database,
  userId: string,
  projectId: string,
  reportId: string,
  expected: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const { row, project } = await visibleReport(tx, userId, projectId, reportId, { forUpdate: true });
    await policy.assertCanEdit(tx, userId, project);
    assertDraft(row);
    const before = toStatusReportSummary(row);
    assertVersion(`Status report ${reportId}`, before, expected);
    await tx.delete(statusReports).where(eq(statusReports.id, reportId));
    await recordChange(tx, userId, statusReportSubject(row), 'delete', before, null);
  });
}

import type { RiskScale } from '@tandem/core';
import { and, eq, sql } from 'drizzle-orm';
import { type EntityRef, policy } from '../../auth/policy';
import type { Queryable, Transaction } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { workspaceMembers } from '../../db/schema/workspaces';
import { invalid, notFound } from '../shared/errors';

/** A project as the register needs it: who may see it and the scale its risks are scored on. */
export interface RegisterProject {
  ref: EntityRef;
  riskScale: RiskScale;
}

/** The project, 404 when it does not exist or the caller may not see it. */
export async function registerProject(
  db: Queryable,
  userId: string,
  projectId: string,
): Promise<RegisterProject> {
  const [row] = await db
    .select({ id: projects.id, workspaceId: projects.workspaceId, riskScale: projects.riskScale })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!row) throw notFound('Project', projectId);
  const ref: EntityRef = { kind: 'project', id: row.id, workspaceId: row.workspaceId };
  await policy.assertCanSee(db, userId, ref);
  return { ref, riskScale: row.riskScale };
}

/** A project reference from a row that carries one, for the policy. */
export function projectRefOf(row: { projectId: string; workspaceId: string }): EntityRef {
  return { kind: 'project', id: row.projectId, workspaceId: row.workspaceId };
}

/**
 * Serialises the writes to one project's risk register and RAID log until the transaction ends, so the day's
 * snapshot is always computed from a register no other write is changing.
 */
export async function lockRegister(tx: Transaction, projectId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`risk-register:${projectId}`}))`);
}

/** 400 naming `field` unless the user is a member of the workspace; null (no owner) passes. */
export async function assertWorkspaceMember(
  tx: Queryable,
  workspaceId: string,
  field: string,
  userId: string | null | undefined,
): Promise<void> {
  if (userId === null || userId === undefined) return;
  const [member] = await tx
    .select({ userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
  if (!member) throw invalid(field, `User ${userId} is not a member of workspace ${workspaceId}`);
}

/** Today's date in UTC, `YYYY-MM-DD`, as the server's clock says. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

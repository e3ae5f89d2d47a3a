import { riskScore } from '@tandem/core';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { projects } from '../../db/schema/projects';
import { raidLinks } from '../../db/schema/raid';
import { type RiskResponse, type RiskStatus, risks } from '../../db/schema/risks';
import { assertVersion } from '../../http/version';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { assertWorkspaceMember, lockRegister, projectRefOf, registerProject, todayUtc } from './risk-access';
import { actionsOf } from './risk-actions-read';
import { checkScored } from './risk-rules';
import { recordRiskSnapshot } from './risk-snapshot';
import { type RiskView, riskSubject, toRiskView } from './risk-view';

type RiskRow = typeof risks.$inferSelect;

/** Fields a client sets on a risk; `status` here is open or closed (a risk occurs through `markRiskOccurred`). */
export interface RiskInput {
  title: string;
  description?: string | undefined;
  category?: string | undefined;
  ownerId?: string | null | undefined;
  probability: number;
  impact: number;
  residualProbability?: number | null | undefined;
  residualImpact?: number | null | undefined;
  response?: RiskResponse | undefined;
  triggers?: string | undefined;
  reviewDate?: string | null | undefined;
  status?: 'open' | 'closed' | undefined;
}

/** Filters of the register list; `probability` and `impact` together pick one heat-map cell. */
export interface RiskFilters {
  status?: RiskStatus | undefined;
  category?: string | undefined;
  ownerId?: string | undefined;
  probability?: number | undefined;
  impact?: number | undefined;
}

async function scaleOf(db: Database | Transaction, projectId: string) {
  const [project] = await db
    .select({ riskScale: projects.riskScale })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!project) throw notFound('Project', projectId);
  return project.riskScale;
}

/** Reads a risk's view inside a transaction or not. */
export async function riskViewOf(db: Database | Transaction, row: RiskRow): Promise<RiskView> {
  const scale = await scaleOf(db, row.projectId);
  const actions = await actionsOf(db, [row.id]);
  return toRiskView(row, scale, actions.get(row.id) ?? [], todayUtc());
}

/** A risk the caller may see (404 otherwise, as for one that does not exist). */
export async function visibleRisk(
  db: Database | Transaction,
  userId: string,
  riskId: string,
): Promise<RiskRow> {
  const [row] = await db.select().from(risks).where(eq(risks.id, riskId));
  if (!row || !(await policy.canSee(db, userId, projectRefOf(row)))) throw notFound('Risk', riskId);
  return row;
}

/**
 * Locks a risk for a write the caller may make: 404 when it is not visible, 403 when it is but the caller only reads,
 * and serialises the write with the rest of the project's register.
 */
export async function lockRiskForWrite(tx: Transaction, userId: string, riskId: string): Promise<RiskRow> {
  const [found] = await tx.select({ projectId: risks.projectId }).from(risks).where(eq(risks.id, riskId));
  if (!found) throw notFound('Risk', riskId);
  await lockRegister(tx, found.projectId);
  const [row] = await tx.select().from(risks).where(eq(risks.id, riskId)).for('update');
  if (!row || !(await policy.canSee(tx, userId, projectRefOf(row)))) throw notFound('Risk', riskId);
  await policy.assertCanEdit(tx, userId, projectRefOf(row));
  return row;
}

/** The register of a project, highest score first, filtered. */
export async function listRisks(
  db: Database,
  userId: string,
  projectId: string,
  filters: RiskFilters,
): Promise<RiskView[]> {
  const { riskScale } = await registerProject(db, userId, projectId);
  const conditions: SQL[] = [eq(risks.projectId, projectId)];
  if (filters.status !== undefined) conditions.push(eq(risks.status, filters.status));
  if (filters.category !== undefined) conditions.push(eq(risks.category, filters.category));
  if (filters.ownerId !== undefined) conditions.push(eq(risks.ownerId, filters.ownerId));
  if (filters.probability !== undefined) conditions.push(eq(risks.probability, filters.probability));
  if (filters.impact !== undefined) conditions.push(eq(risks.impact, filters.impact));
  const rows = await db
    .select()
    .from(risks)
    .where(and(...conditions))
    .orderBy(desc(risks.score), risks.createdAt, risks.id);
  const actions = await actionsOf(
    db,
    rows.map((row) => row.id),
  );
  const today = todayUtc();
  return rows.map((row) => toRiskView(row, riskScale, actions.get(row.id) ?? [], today));
}

/** One risk with its mitigation actions. */
export async function getRisk(db: Database, userId: string, riskId: string): Promise<RiskView> {
  return riskViewOf(db, await visibleRisk(db, userId, riskId));
}

/** Adds a risk to a project's register; probability and impact must sit on the project's scale. */
export async function createRisk(
  db: Database,
  userId: string,
  projectId: string,
  input: RiskInput,
): Promise<RiskView> {
  const { ref } = await registerProject(db, userId, projectId);
  await policy.assertCanEdit(db, userId, ref);
  return writeTransaction(db, async (tx) => {
    await lockRegister(tx, projectId);
    const scale = await scaleOf(tx, projectId);
    const scored = {
      probability: input.probability,
      impact: input.impact,
      residualProbability: input.residualProbability ?? null,
      residualImpact: input.residualImpact ?? null,
    };
    checkScored(scored, scale);
    await assertWorkspaceMember(tx, ref.workspaceId, 'ownerId', input.ownerId);
    const [row] = await tx
      .insert(risks)
      .values({
        id: newId('rsk'),
        workspaceId: ref.workspaceId,
        projectId,
        title: input.title,
        description: input.description ?? '',
        category: input.category ?? '',
        ownerId: input.ownerId ?? null,
        ...scored,
        score: riskScore(scored.probability, scored.impact),
        response: input.response ?? 'mitigate',
        triggers: input.triggers ?? '',
        reviewDate: input.reviewDate ?? null,
        status: input.status ?? 'open',
        createdBy: userId,
      })
      .returning();
    if (!row) throw new Error('insert into risks returned no row');
    const view = toRiskView(row, scale, [], todayUtc());
    await recordChange(tx, userId, riskSubject(row), 'create', null, view);
    await recordRiskSnapshot(tx, projectId, ref.workspaceId);
    return view;
  });
}

/** Changes a risk at the expected version; the score follows probability and impact. */
export async function updateRisk(
  db: Database,
  userId: string,
  riskId: string,
  expectedVersion: number,
  changes: Changes<RiskInput>,
): Promise<RiskView> {
  return writeTransaction(db, async (tx) => {
    const row = await lockRiskForWrite(tx, userId, riskId);
    const before = await riskViewOf(tx, row);
    assertVersion(`Risk ${riskId}`, before, expectedVersion);
    const scale = await scaleOf(tx, row.projectId);
    const scored = {
      probability: changes.probability ?? row.probability,
      impact: changes.impact ?? row.impact,
      residualProbability:
        changes.residualProbability === undefined ? row.residualProbability : changes.residualProbability,
      residualImpact: changes.residualImpact === undefined ? row.residualImpact : changes.residualImpact,
    };
    checkScored(scored, scale);
    await assertWorkspaceMember(tx, row.workspaceId, 'ownerId', changes.ownerId);
    const [updated] = await tx
      .update(risks)
      .set({
        ...definedOnly(changes),
        ...scored,
        score: riskScore(scored.probability, scored.impact),
        version: sql`${risks.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(risks.id, riskId))
      .returning();
    if (!updated) throw new Error(`risk ${riskId} vanished while locked`);
    const after = toRiskView(updated, scale, before.actions, todayUtc());
    await recordChange(tx, userId, riskSubject(updated), 'update', before, after);
    await recordRiskSnapshot(tx, row.projectId, row.workspaceId);
    return after;
  });
}

/** Deletes a risk at the expected version, with its mitigation links and RAID links; its issue stays, unlinked. */
export async function deleteRisk(
  db: Database,
  userId: string,
  riskId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await lockRiskForWrite(tx, userId, riskId);
    const before = await riskViewOf(tx, row);
    assertVersion(`Risk ${riskId}`, before, expectedVersion);
    await tx
      .delete(raidLinks)
      .where(
        sql`(${raidLinks.fromType} = 'risk' and ${raidLinks.fromId} = ${riskId}) or (${raidLinks.toType} = 'risk' and ${raidLinks.toId} = ${riskId})`,
      );
    // raid_items.risk_id is set null by its foreign key; the issue keeps its own history.
    await tx.delete(risks).where(eq(risks.id, riskId));
    await recordChange(tx, userId, riskSubject(row), 'delete', before, null);
    await recordRiskSnapshot(tx, row.projectId, row.workspaceId);
  });
}

import { type ScopeChange, scopeChanges } from '@tandem/core';
import { and, desc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { newId } from '../../db/ids';
import { auditEntries } from '../../db/schema/audit';
import { features } from '../../db/schema/features';
import { handoffScopeChanges } from '../../db/schema/handoff';
import { initiativeFeatures, initiatives } from '../../db/schema/initiatives';
import { projects } from '../../db/schema/projects';
import { tasks } from '../../db/schema/tasks';
import { raiseChangeRequest } from '../changes/raise-change';
import { computeSchedule } from '../schedule/schedule-service';
import { writeTransaction } from '../shared/write-transaction';

/** A change request raised for a change of scope seen on the project side. */
export interface RaisedScopeChange {
  kind: ScopeChange['kind'];
  changeRequestId: string;
  number: number;
  title: string;
}

/** Days a project's forecast may run past the initiative's planned finish before the product manager hears of it. */
export const finishThresholdDays = 5;

function describe(change: ScopeChange, initiativeTitle: string): { title: string; description: string } {
  switch (change.kind) {
    case 'feature_removed':
      return {
        title: `Feature "${change.title}" dropped from the project`,
        description: `No task of the project delivers the feature "${change.title}" of initiative "${initiativeTitle}" any more.`,
      };
    case 'feature_added':
      return {
        title: `Work added for a feature outside the initiative: "${change.name}"`,
        description: `The top-level task "${change.name}" delivers a feature that is not in initiative "${initiativeTitle}".`,
      };
    case 'finish_slipped':
      return {
        title: `Forecast finish moved to ${change.forecastFinish}`,
        description: `The project now finishes ${change.slipDays} days after the planned finish ${change.plannedFinish} of initiative "${initiativeTitle}".`,
      };
  }
}

/** Who made the latest change to the project's tasks, to name as the requester (its creator when nobody did yet). */
async function lastActor(db: Database, workspaceId: string, projectId: string, fallback: string | null) {
  const [entry] = await db
    .select({ actorId: auditEntries.actorId })
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.workspaceId, workspaceId),
        eq(auditEntries.entityType, 'task'),
        isNotNull(auditEntries.actorId),
        sql`coalesce(${auditEntries.after}->>'projectId', ${auditEntries.before}->>'projectId') = ${projectId}`,
      ),
    )
    .orderBy(desc(auditEntries.at))
    .limit(1);
  return entry?.actorId ?? fallback;
}

/**
 * Compares a handed-off initiative with its project (core `scopeChanges`) and raises a change request with origin
 * `scope_change` for each change not raised before, so the product manager sees scope moving on the project side.
 * Each change is recorded with its request in the same transaction; the unique key makes a check that runs twice
 * (two servers, two writes) raise it once. A later slip of the finish is raised again, an unchanged one is not.
 */
export async function checkInitiativeScope(
  db: Database,
  initiativeId: string,
  actorId?: string,
): Promise<RaisedScopeChange[]> {
  const [initiative] = await db.select().from(initiatives).where(eq(initiatives.id, initiativeId));
  if (!initiative || initiative.projectId === null) return [];
  const projectId = initiative.projectId;
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!project || project.state === 'closed' || project.isTemplate) return [];
  const scope = await db
    .select({ id: features.id, title: features.title })
    .from(initiativeFeatures)
    .innerJoin(features, eq(features.id, initiativeFeatures.featureId))
    .where(eq(initiativeFeatures.initiativeId, initiativeId));
  const work = await db
    .select({ id: tasks.id, name: tasks.name, parentId: tasks.parentId, featureId: tasks.featureId })
    .from(tasks)
    .where(and(eq(tasks.projectId, projectId), or(isNull(tasks.parentId), isNotNull(tasks.featureId))));
  const schedule = await computeSchedule(db, projectId);
  const changes = scopeChanges({
    features: scope,
    tasks: work,
    plannedFinish: initiative.plannedFinish,
    forecastFinish: schedule.cycle === null ? schedule.finish.slice(0, 10) : null,
    thresholdDays: finishThresholdDays,
  });
  if (changes.length === 0) return [];
  const requester = actorId ?? (await lastActor(db, initiative.workspaceId, projectId, project.createdBy));
  if (requester === null) return [];
  const raised: RaisedScopeChange[] = [];
  for (const change of changes) {
    const forecastFinish = change.kind === 'finish_slipped' ? change.forecastFinish : '';
    const result = await writeTransaction(db, async (tx) => {
      if (change.kind === 'finish_slipped') {
        const [latest] = await tx
          .select({ forecastFinish: handoffScopeChanges.forecastFinish })
          .from(handoffScopeChanges)
          .where(
            and(eq(handoffScopeChanges.initiativeId, initiativeId), eq(handoffScopeChanges.key, 'finish')),
          )
          .orderBy(desc(handoffScopeChanges.forecastFinish))
          .limit(1);
        if (latest?.forecastFinish && latest.forecastFinish >= change.forecastFinish) return null;
      }
      const [noted] = await tx
        .insert(handoffScopeChanges)
        .values({
          id: newId('hsc'),
          workspaceId: initiative.workspaceId,
          initiativeId,
          projectId,
          key: change.key,
          forecastFinish,
        })
        .onConflictDoNothing()
        .returning();
      if (!noted) return null;
      const text = describe(change, initiative.title);
      const request = await raiseChangeRequest(tx, {
        workspaceId: initiative.workspaceId,
        projectId,
        title: text.title,
        description: text.description,
        reason: 'Scope change seen on the project side of a hand-off',
        requestedBy: requester,
        origin: 'scope_change',
        proposal: [],
        status: 'submitted',
      });
      await tx
        .update(handoffScopeChanges)
        .set({ changeRequestId: request.id })
        .where(eq(handoffScopeChanges.id, noted.id));
      return { kind: change.kind, changeRequestId: request.id, number: request.number, title: request.title };
    });
    if (result) raised.push(result);
  }
  return raised;
}

/** Checks every initiative handed off to a project (what runs after the project's plan changed). */
export async function checkProjectScope(db: Database, projectId: string): Promise<RaisedScopeChange[]> {
  const linked = await db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(eq(initiatives.projectId, projectId));
  const raised: RaisedScopeChange[] = [];
  for (const { id } of linked) raised.push(...(await checkInitiativeScope(db, id)));
  return raised;
}

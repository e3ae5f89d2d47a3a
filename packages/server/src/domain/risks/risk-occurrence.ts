import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { RaidPriority, RaidSeverity } from '../../db/schema/raid';
import { risks } from '../../db/schema/risks';
import { ApiError } from '../../http/errors';
import { assertVersion } from '../../http/version';
import { insertRaidItem } from '../raid/raid-service';
import type { RaidItemView } from '../raid/raid-view';
import { recordChange } from '../shared/change-log';
import { writeTransaction } from '../shared/write-transaction';
import { lockRiskForWrite, riskViewOf } from './risk-service';
import { recordRiskSnapshot } from './risk-snapshot';
import { type RiskView, riskSubject } from './risk-view';

/** What the issue raised from a risk may set; the rest comes from the risk. */
export interface OccurrenceInput {
  title?: string | undefined;
  description?: string | undefined;
  severity?: RaidSeverity | undefined;
  priority?: RaidPriority | undefined;
  dueDate?: string | null | undefined;
}

/**
 * Marks a risk as occurred and raises its issue in the RAID log, linked both ways (the risk's `issueId`, the issue's
 * `riskId`), in one transaction; a risk that already occurred is a 409 naming its issue.
 */
export async function markRiskOccurred(
  db: Database,
  userId: string,
  riskId: string,
  expectedVersion: number,
  input: OccurrenceInput,
): Promise<{ risk: RiskView; issue: RaidItemView }> {
  return writeTransaction(db, async (tx) => {
    const row = await lockRiskForWrite(tx, userId, riskId);
    const before = await riskViewOf(tx, row);
    assertVersion(`Risk ${riskId}`, before, expectedVersion);
    if (row.status === 'occurred')
      throw new ApiError(
        409,
        'CONFLICT',
        `Risk ${riskId} has already occurred (issue ${row.issueId})`,
        'status',
      );
    const issue = await insertRaidItem(
      tx,
      userId,
      { id: row.projectId, workspaceId: row.workspaceId },
      {
        kind: 'issue',
        title: input.title ?? row.title,
        description:
          input.description ??
          [`Raised when the risk "${row.title}" occurred.`, row.description].filter(Boolean).join('\n\n'),
        severity:
          input.severity ?? (before.band === 'high' ? 'high' : before.band === 'medium' ? 'medium' : 'low'),
        priority: input.priority ?? (before.band === 'high' ? 'high' : 'medium'),
        ownerId: row.ownerId,
        dueDate: input.dueDate ?? null,
        riskId,
      },
    );
    const [updated] = await tx
      .update(risks)
      .set({
        status: 'occurred',
        issueId: issue.id,
        version: sql`${risks.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(risks.id, riskId))
      .returning();
    if (!updated) throw new Error(`risk ${riskId} vanished while locked`);
    const after = { ...before, status: updated.status, issueId: issue.id, version: updated.version };
    after.updatedAt = updated.updatedAt.toISOString();
    after.reviewOverdue = false;
    await recordChange(tx, userId, riskSubject(updated), 'update', before, after);
    await recordRiskSnapshot(tx, row.projectId, row.workspaceId);
    return { risk: after, issue };
  });
}

import { and, eq, or } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { newId } from '../../db/ids';
import { type RaidLinkType, raidLinks } from '../../db/schema/raid';
import { ApiError } from '../../http/errors';
import { visibleRisk } from '../risks/risk-service';
import { recordChange } from '../shared/change-log';
import { invalid, notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { hasChangeRequests, linkTarget } from './raid-link-targets';
import { lockRaidItemForWrite, visibleRaidItem } from './raid-service';
import { raidSubject } from './raid-view';

/** A link of a RAID item as the item shows it: the far end, whichever side of the link the item is on. */
export interface RaidLinkView {
  id: string;
  /** `outgoing` when the item made the link, `incoming` when another item points at it. */
  direction: 'outgoing' | 'incoming';
  type: RaidLinkType;
  targetId: string;
  title: string;
  status: string;
  percentComplete: number | null;
  createdAt: string;
}

const typeLabel: Record<RaidLinkType, string> = {
  task: 'Task',
  risk: 'Risk',
  raid: 'RAID item',
  change_request: 'Change request',
};

/** The links of a RAID item, both ways, with the title and status of each far end; dangling ends are left out. */
export async function listRaidLinks(db: Database, userId: string, itemId: string): Promise<RaidLinkView[]> {
  await visibleRaidItem(db, userId, itemId);
  const rows = await db
    .select()
    .from(raidLinks)
    .where(
      or(
        and(eq(raidLinks.fromType, 'raid'), eq(raidLinks.fromId, itemId)),
        and(eq(raidLinks.toType, 'raid'), eq(raidLinks.toId, itemId)),
      ),
    )
    .orderBy(raidLinks.createdAt, raidLinks.id);
  const views: RaidLinkView[] = [];
  for (const row of rows) {
    const outgoing = row.fromType === 'raid' && row.fromId === itemId;
    const type = outgoing ? row.toType : row.fromType;
    const targetId = outgoing ? row.toId : row.fromId;
    // A linked task deleted from the plan leaves its link behind; it is not shown and goes with the item.
    const target = await linkTarget(db, type, targetId);
    if (!target) continue;
    views.push({
      id: row.id,
      direction: outgoing ? 'outgoing' : 'incoming',
      type,
      targetId,
      title: target.title,
      status: target.status,
      percentComplete: target.percentComplete,
      createdAt: row.createdAt.toISOString(),
    });
  }
  return views;
}

/** The RAID items that link to a risk (the issue it raised is its `issueId`), with their titles and statuses. */
export async function listRiskLinks(db: Database, userId: string, riskId: string): Promise<RaidLinkView[]> {
  await visibleRisk(db, userId, riskId);
  const rows = await db
    .select()
    .from(raidLinks)
    .where(and(eq(raidLinks.toType, 'risk'), eq(raidLinks.toId, riskId), eq(raidLinks.fromType, 'raid')))
    .orderBy(raidLinks.createdAt, raidLinks.id);
  const views: RaidLinkView[] = [];
  for (const row of rows) {
    const target = await linkTarget(db, 'raid', row.fromId);
    if (!target) continue;
    views.push({
      id: row.id,
      direction: 'incoming',
      type: 'raid',
      targetId: row.fromId,
      title: target.title,
      status: target.status,
      percentComplete: null,
      createdAt: row.createdAt.toISOString(),
    });
  }
  return views;
}

/**
 * Links a RAID item to a task, risk, other RAID item or change request of the same project: 404 for an end the caller
 * cannot see, 422 for one of another project, 409 for a link that exists already.
 */
export async function addRaidLink(
  db: Database,
  userId: string,
  itemId: string,
  input: { toType: RaidLinkType; toId: string },
): Promise<RaidLinkView> {
  return writeTransaction(db, async (tx) => {
    const item = await lockRaidItemForWrite(tx, userId, itemId);
    if (input.toType === 'change_request' && !(await hasChangeRequests(tx)))
      throw invalid('toType', 'This server keeps no change requests to link to');
    if (input.toType === 'raid' && input.toId === itemId)
      throw invalid('toId', `RAID item ${itemId} cannot be linked to itself`);
    const label = typeLabel[input.toType];
    const target = await linkTarget(tx, input.toType, input.toId);
    if (!target) throw notFound(label, input.toId);
    if (target.projectId !== item.projectId) {
      const ref = { kind: 'project' as const, id: target.projectId, workspaceId: target.workspaceId };
      if (!(await policy.canSee(tx, userId, ref))) throw notFound(label, input.toId);
      throw new ApiError(
        422,
        'INVALID_LINK',
        `${label} "${target.title}" belongs to project ${target.projectId}; RAID item ${itemId} links within project ${item.projectId}`,
        'toId',
      );
    }
    const [existing] = await tx
      .select({ id: raidLinks.id })
      .from(raidLinks)
      .where(
        or(
          and(
            eq(raidLinks.fromType, 'raid'),
            eq(raidLinks.fromId, itemId),
            eq(raidLinks.toType, input.toType),
            eq(raidLinks.toId, input.toId),
          ),
          input.toType === 'raid'
            ? and(
                eq(raidLinks.fromType, 'raid'),
                eq(raidLinks.fromId, input.toId),
                eq(raidLinks.toType, 'raid'),
                eq(raidLinks.toId, itemId),
              )
            : undefined,
        ),
      );
    if (existing) throw new ApiError(409, 'CONFLICT', `${label} ${input.toId} is already linked`, 'toId');
    const [row] = await tx
      .insert(raidLinks)
      .values({
        id: newId('rlk'),
        workspaceId: item.workspaceId,
        fromType: 'raid',
        fromId: itemId,
        toType: input.toType,
        toId: input.toId,
        createdBy: userId,
      })
      .returning();
    if (!row) throw new Error('insert into raid_links returned no row');
    const view: RaidLinkView = {
      id: row.id,
      direction: 'outgoing',
      type: input.toType,
      targetId: input.toId,
      title: target.title,
      status: target.status,
      percentComplete: target.percentComplete,
      createdAt: row.createdAt.toISOString(),
    };
    await recordChange(tx, userId, raidSubject(item), 'update', null, { link: view });
    return view;
  });
}

/** Removes a link of a RAID item (either way round). */
export async function removeRaidLink(
  db: Database,
  userId: string,
  itemId: string,
  linkId: string,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const item = await lockRaidItemForWrite(tx, userId, itemId);
    const removed = await tx
      .delete(raidLinks)
      .where(
        and(
          eq(raidLinks.id, linkId),
          or(
            and(eq(raidLinks.fromType, 'raid'), eq(raidLinks.fromId, itemId)),
            and(eq(raidLinks.toType, 'raid'), eq(raidLinks.toId, itemId)),
          ),
        ),
      )
      .returning();
    if (removed.length === 0) throw notFound('Link', linkId);
    await recordChange(tx, userId, raidSubject(item), 'update', { link: removed[0] }, null);
  });
}

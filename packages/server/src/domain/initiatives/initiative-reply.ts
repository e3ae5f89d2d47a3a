import type { Queryable } from '../../db/client';
import type { initiatives } from '../../db/schema/initiatives';
import {
  type InitiativeDelivery,
  initiativeDeliveries,
  projectsVisibleTo,
} from '../handoff/initiative-delivery';
import { type InitiativeView, toInitiativeView } from './initiative-view';

type InitiativeRow = typeof initiatives.$inferSelect;

/** An initiative as the API replies with it: its fields and the live delivery of the project it was handed off to. */
export interface InitiativeReply extends InitiativeView {
  /** Null before the hand-off; the project's id and name inside are null when the caller may not see the project. */
  delivery: InitiativeDelivery | null;
}

/**
 * The replies for initiatives the caller may see (the caller checked the product): each with its delivery, and with
 * `projectId` withheld when the caller may not see the delivering project, so no reply names a project they cannot open.
 */
export async function initiativeReplies(
  db: Queryable,
  userId: string,
  rows: readonly InitiativeRow[],
): Promise<InitiativeReply[]> {
  const deliveries = await initiativeDeliveries(db, rows, { userId });
  return rows.map((row) => {
    const delivery = deliveries.get(row.id) ?? null;
    const view = toInitiativeView(row);
    return { ...view, projectId: delivery ? delivery.projectId : view.projectId, delivery };
  });
}

/** The reply for one initiative (see `initiativeReplies`). */
export async function initiativeReply(
  db: Queryable,
  userId: string,
  row: InitiativeRow,
): Promise<InitiativeReply> {
  const [reply] = await initiativeReplies(db, userId, [row]);
  if (!reply) throw new Error(`no reply made for initiative ${row.id}`);
  return reply;
}

/**
 * The stored fields as the caller may read them, for a 409's `current`: `projectId` withheld when they may not see the
 * delivering project. No delivery is computed, so it fits inside a write's transaction.
 */
export async function initiativeAsSeen(
  db: Queryable,
  userId: string,
  row: InitiativeRow,
): Promise<InitiativeView> {
  const view = toInitiativeView(row);
  if (row.projectId === null) return view;
  const visible = await projectsVisibleTo(db, { userId }, row.workspaceId, [row.projectId]);
  return visible.has(row.projectId) ? view : { ...view, projectId: null };
}

import type { launchItems, launchPlans, launchTemplates } from '../../db/schema/launch';
import type { ChangeSubject } from '../shared/change-log';

type TemplateRow = typeof launchTemplates.$inferSelect;
type PlanRow = typeof launchPlans.$inferSelect;
type ItemRow = typeof launchItems.$inferSelect;

/** A launch template as the API shows it. */
export function toTemplateView(row: TemplateRow) {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    isDefault: row.isDefault,
    items: row.items,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** A launch template as the API shows it. */
export type LaunchTemplateView = ReturnType<typeof toTemplateView>;

/** A launch checklist item as the API shows it. */
export function toItemView(row: ItemRow) {
  return {
    id: row.id,
    launchPlanId: row.launchPlanId,
    area: row.area,
    title: row.title,
    ownerId: row.ownerId,
    dueDate: row.dueDate,
    status: row.status,
    position: row.position,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** A launch checklist item as the API shows it. */
export type LaunchItemView = ReturnType<typeof toItemView>;

/** A release's launch plan with its checklist and how much of it is done. */
export interface LaunchPlanView {
  id: string;
  releaseId: string;
  templateId: string | null;
  items: LaunchItemView[];
  progress: { done: number; total: number };
  createdAt: string;
  version: number;
}

/** The view of a plan and its items (in area, then position order). */
export function toPlanView(row: PlanRow, items: ItemRow[]): LaunchPlanView {
  return {
    id: row.id,
    releaseId: row.releaseId,
    templateId: row.templateId,
    items: items.map(toItemView),
    progress: { done: items.filter((item) => item.status === 'done').length, total: items.length },
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

/** The audit subject of a launch thing of a product, or of a workspace template. */
export function launchSubject(
  entityType: 'launchPlan' | 'launchItem' | 'launchTemplate',
  row: { id: string; workspaceId: string },
  productId?: string,
): ChangeSubject {
  return { entityType, entityId: row.id, workspaceId: row.workspaceId, ...(productId ? { productId } : {}) };
}

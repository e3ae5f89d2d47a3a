import { eq } from 'drizzle-orm';
import type { EntityRef } from '../../auth/policy';
import type { Queryable } from '../../db/client';
import type { EntityKind } from '../../db/schema/entity-members';
import { products } from '../../db/schema/products';
import { programs } from '../../db/schema/programs';
import { projects } from '../../db/schema/projects';
import { notFound } from '../shared/errors';

const tables = { product: products, program: programs, project: projects } as const;
const labels: Record<EntityKind, string> = { product: 'Product', program: 'Program', project: 'Project' };

/** The product, program or project `id` as a policy reference; 404 when it does not exist. */
export async function loadEntityRef(db: Queryable, kind: EntityKind, id: string): Promise<EntityRef> {
  const table = tables[kind];
  const [row] = await db.select({ workspaceId: table.workspaceId }).from(table).where(eq(table.id, id));
  if (!row) throw notFound(labels[kind], id);
  return { kind, id, workspaceId: row.workspaceId };
}

/** The path segment and parameter of each kind's routes (`/api/projects/{projectId}/…`). */
export const entityCollections: Record<EntityKind, { segment: string; param: string }> = {
  product: { segment: 'products', param: 'productId' },
  program: { segment: 'programs', param: 'programId' },
  project: { segment: 'projects', param: 'projectId' },
};

/** The display name of a kind, for messages. */
export function kindLabel(kind: EntityKind): string {
  return labels[kind];
}

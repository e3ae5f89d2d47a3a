import { and, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { products } from '../../db/schema/products';
import type { WorkspaceRole } from '../../db/schema/workspaces';
import { keyset, type ListQuery, type Page, parseSort, toPage } from '../../http/pagination';
import { assertVersion } from '../../http/version';
import { unlinkProjects } from '../projects/project-links';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { containsText } from '../shared/text-search';
import { visibleFilter } from '../shared/visible-filter';
import { writeTransaction } from '../shared/write-transaction';

type ProductRow = typeof products.$inferSelect;

/** A product as the API shows it. */
export interface ProductView {
  id: string;
  workspaceId: string;
  name: string;
  vision: string;
  description: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Fields a client sets when creating a product. */
export interface ProductInput {
  name: string;
  vision?: string | undefined;
  description?: string | undefined;
}

/** Fields a client may change; absent ones stay as they are. */
export type ProductChanges = Changes<ProductInput>;

const sortable = ['name', 'createdAt', 'updatedAt'] as const;

/** Maps a row to its API view. */
export function toProductView(row: ProductRow): ProductView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    vision: row.vision,
    description: row.description,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

async function lockProduct(tx: Transaction, productId: string): Promise<ProductRow> {
  const [row] = await tx.select().from(products).where(eq(products.id, productId)).for('update');
  if (!row) throw notFound('Product', productId);
  return row;
}

/** Creates a product in a workspace; its creator becomes its product manager. */
export async function createProduct(
  db: Database,
  userId: string,
  workspaceId: string,
  input: ProductInput,
): Promise<ProductView> {
  await policy.assertCanCreate(db, userId, workspaceId, 'product');
  return writeTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(products)
      .values({
        id: newId('prd'),
        workspaceId,
        name: input.name,
        vision: input.vision ?? '',
        description: input.description ?? '',
        createdBy: userId,
      })
      .returning();
    if (!row) throw new Error('insert into products returned no row');
    await policy.grantCreatorRole(tx, userId, workspaceId, 'product', row.id);
    const view = toProductView(row);
    await recordChange(
      tx,
      userId,
      { entityType: 'product', entityId: row.id, workspaceId, productId: row.id },
      'create',
      null,
      view,
    );
    return view;
  });
}

/** One product the caller may see. */
export async function getProduct(db: Database, userId: string, productId: string): Promise<ProductView> {
  const [row] = await db.select().from(products).where(eq(products.id, productId));
  if (!row) throw notFound('Product', productId);
  await policy.assertCanSee(db, userId, { kind: 'product', id: row.id, workspaceId: row.workspaceId });
  return toProductView(row);
}

/** The products of a workspace the caller may see, one page at a time. */
export async function listProducts(
  db: Database,
  userId: string,
  workspaceId: string,
  query: ListQuery,
  knownRole?: WorkspaceRole,
): Promise<Page<ProductView>> {
  const visible = await visibleFilter(db, userId, workspaceId, 'product', products.id, knownRole);
  const sort = parseSort(query.sort, sortable, { field: 'name', direction: 'asc' });
  const column = { name: products.name, createdAt: products.createdAt, updatedAt: products.updatedAt }[
    sort.field
  ];
  const page = keyset(column, products.id, sort, query.cursor);
  const rows = await db
    .select()
    .from(products)
    .where(
      and(eq(products.workspaceId, workspaceId), visible, containsText(products.name, query.q), page.where),
    )
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, sort, (row) => row[sort.field], toProductView);
}

/** Changes a product at the expected version; a stale version is a 409 carrying the current product. */
export async function updateProduct(
  db: Database,
  userId: string,
  productId: string,
  expectedVersion: number,
  changes: ProductChanges,
): Promise<ProductView> {
  return writeTransaction(db, async (tx) => {
    const row = await lockProduct(tx, productId);
    await policy.assertCanEdit(tx, userId, { kind: 'product', id: row.id, workspaceId: row.workspaceId });
    const before = toProductView(row);
    assertVersion(`Product ${productId}`, before, expectedVersion);
    const [updated] = await tx
      .update(products)
      .set({ ...definedOnly(changes), version: sql`${products.version} + 1`, updatedAt: sql`now()` })
      .where(eq(products.id, productId))
      .returning();
    if (!updated) throw new Error(`product ${productId} vanished while locked`);
    const after = toProductView(updated);
    await recordChange(
      tx,
      userId,
      { entityType: 'product', entityId: productId, workspaceId: row.workspaceId, productId },
      'update',
      before,
      after,
    );
    return after;
  });
}

/** Deletes a product at the expected version; its projects stay, unlinked from it (each a recorded update). */
export async function deleteProduct(
  db: Database,
  userId: string,
  productId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await lockProduct(tx, productId);
    await policy.assertCanManage(tx, userId, { kind: 'product', id: row.id, workspaceId: row.workspaceId });
    const before = toProductView(row);
    assertVersion(`Product ${productId}`, before, expectedVersion);
    await unlinkProjects(tx, userId, 'productId', productId);
    await tx.delete(products).where(eq(products.id, productId));
    await policy.dropEntityRoles(tx, 'product', productId);
    await recordChange(
      tx,
      userId,
      { entityType: 'product', entityId: productId, workspaceId: row.workspaceId, productId },
      'delete',
      before,
      null,
    );
  });
}

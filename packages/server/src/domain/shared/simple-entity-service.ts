import { eq, sql } from 'drizzle-orm';
import { type EntityRef, policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import type { products } from '../../db/schema/products';
import type { programs } from '../../db/schema/programs';
import { ApiError } from '../../http/errors';
import { type ListQuery, type Page, parseSort } from '../../http/pagination';
import { assertVersion } from '../../http/version';
import { kindLabel } from '../members/entity-ref';
import { unlinkProjects } from '../projects/project-links';
import { entitySubject, recordChange } from './change-log';
import type { Changes } from './changes';
import { definedOnly } from './defined-only';
import { notFound } from './errors';
import { preparedList } from './prepared-list';
import { writeTransaction } from './write-transaction';

/** The kinds that are a name, one text of their own and a description: products and programs. */
export type SimpleKind = 'product' | 'program';

/**
 * What differs between the simple kinds: the table, the id prefix and the kind's own text field, paired so that a
 * product's table goes with its vision and a program's with its objective.
 */
export type SimpleKindSpec<F extends string> = { idPrefix: string; field: F } & (
  | { kind: 'product'; table: typeof products; field: 'vision' }
  | { kind: 'program'; table: typeof programs; field: 'objective' }
);

/** A product or program as the API shows it; `F` is the kind's own text field. */
export type SimpleEntityView<F extends string> = {
  id: string;
  workspaceId: string;
  name: string;
  description: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
} & Record<F, string>;

/** Fields a client sets when creating a product or program. */
export type SimpleEntityInput<F extends string> = {
  name: string;
  description?: string | undefined;
} & Partial<Record<F, string | undefined>>;

type Row = (typeof products.$inferSelect | typeof programs.$inferSelect) & Record<string, unknown>;

type ListedRow = Omit<Row, 'createdAt' | 'updatedAt'> & { id: string; createdAt: string; updatedAt: string };

const isoText = (instant: Date | string) => (typeof instant === 'string' ? instant : instant.toISOString());

const sortable = ['name', 'createdAt', 'updatedAt'] as const;

/**
 * The rules of a simple kind, one transaction per write: creating makes the creator the kind's manager; updates and
 * deletes lock the row, check the policy and the version, and record the change; deleting unlinks the projects that
 * pointed at it.
 */
export function simpleEntityService<F extends string>(spec: SimpleKindSpec<F>) {
  const { kind, table, idPrefix, field } = spec;
  const label = kindLabel(kind);
  const link = `${kind}Id` as const;
  const refOf = (row: Row): EntityRef => ({ kind, id: row.id, workspaceId: row.workspaceId });

  /** Maps a row to its API view; a listed row carries its timestamps as ISO text already. */
  function toView(row: Row | ListedRow): SimpleEntityView<F> {
    return {
      id: row.id,
      workspaceId: row.workspaceId,
      name: row.name,
      [field]: row[field],
      description: row.description,
      createdBy: row.createdBy,
      createdAt: isoText(row.createdAt),
      updatedAt: isoText(row.updatedAt),
      version: row.version,
    } as SimpleEntityView<F>;
  }

  // The list reads the columns `toView` shows, under the names drizzle's select gives them.
  const listing = preparedList({
    kind,
    table,
    columns: {
      id: table.id,
      workspaceId: table.workspaceId,
      name: table.name,
      [field]: spec.kind === 'product' ? spec.table.vision : spec.table.objective,
      description: table.description,
      createdBy: table.createdBy,
      createdAt: table.createdAt,
      updatedAt: table.updatedAt,
      version: table.version,
    },
    id: table.id,
    workspace: table.workspaceId,
    search: table.name,
    sortable: { name: table.name, createdAt: table.createdAt, updatedAt: table.updatedAt },
    revision: kind,
  });

  async function lock(tx: Transaction, id: string): Promise<Row> {
    const [row] = await tx.select().from(table).where(eq(table.id, id)).for('update');
    if (!row) throw notFound(label, id);
    return row as Row;
  }

  return {
    kind,
    field,
    toView,

    /** Creates one in a workspace; its creator becomes its manager. */
    async create(
      db: Database,
      userId: string,
      workspaceId: string,
      input: SimpleEntityInput<F>,
    ): Promise<SimpleEntityView<F>> {
      await policy.assertCanCreate(db, userId, workspaceId, kind);
      return writeTransaction(db, async (tx) => {
        const own = (input as Record<string, string | undefined>)[field];
        const [row] = await tx
          .insert(table)
          .values({
            id: newId(idPrefix),
            workspaceId,
            name: input.name,
            [field]: own ?? '',
            description: input.description ?? '',
            createdBy: userId,
          } as typeof table.$inferInsert)
          .returning();
        if (!row) throw new Error(`insert into ${kind}s returned no row`);
        await policy.grantCreatorRole(tx, userId, workspaceId, kind, row.id);
        const view = toView(row as Row);
        await recordChange(tx, userId, entitySubject(kind, row.id, workspaceId), 'create', null, view);
        return view;
      });
    },

    /** One the caller may see. */
    async get(db: Database, userId: string, id: string): Promise<SimpleEntityView<F>> {
      const [row] = await db.select().from(table).where(eq(table.id, id));
      if (!row) throw notFound(label, id);
      await policy.assertCanSee(db, userId, refOf(row as Row));
      return toView(row as Row);
    },

    /**
     * Those of a workspace the caller may see, one page at a time; `prefetched` is the page the caller's authentication
     * already read (see `companion`).
     */
    async list(
      db: Database,
      userId: string,
      workspaceId: string,
      query: ListQuery,
      prefetched?: Page<SimpleEntityView<F>>,
    ): Promise<Page<SimpleEntityView<F>>> {
      const visibility = await policy.visibility(db, userId, workspaceId);
      if (prefetched) return prefetched;
      const sort = parseSort(query.sort, sortable, { field: 'name', direction: 'asc' });
      const request = {
        workspaceId,
        userId,
        visibility,
        sort,
        cursor: query.cursor,
        q: query.q,
        limit: query.limit,
      };
      return listing.read<ListedRow, SimpleEntityView<F>>(db, request, toView);
    },

    /**
     * The list request as a read for the caller's authentication to run in its own statement, or undefined when the
     * query is invalid (the route then answers its 400 after authenticating, as any route does).
     */
    companion(db: Database, workspaceId: string, query: ListQuery) {
      try {
        const sort = parseSort(query.sort, sortable, { field: 'name', direction: 'asc' });
        const position = { workspaceId, sort, cursor: query.cursor, q: query.q, limit: query.limit };
        return listing.companion<ListedRow, SimpleEntityView<F>>(db, position, toView);
      } catch (error) {
        if (error instanceof ApiError) return undefined;
        throw error;
      }
    },

    /** Changes one at the expected version; a stale version is a 409 carrying the current one. */
    async update(
      db: Database,
      userId: string,
      id: string,
      expectedVersion: number,
      changes: Changes<SimpleEntityInput<F>>,
    ): Promise<SimpleEntityView<F>> {
      return writeTransaction(db, async (tx) => {
        const row = await lock(tx, id);
        await policy.assertCanEdit(tx, userId, refOf(row));
        const before = toView(row);
        assertVersion(`${label} ${id}`, before, expectedVersion);
        const [updated] = await tx
          .update(table)
          .set({ ...definedOnly(changes), version: sql`${table.version} + 1`, updatedAt: sql`now()` })
          .where(eq(table.id, id))
          .returning();
        if (!updated) throw new Error(`${kind} ${id} vanished while locked`);
        const after = toView(updated as Row);
        await recordChange(tx, userId, entitySubject(kind, id, row.workspaceId), 'update', before, after);
        return after;
      });
    },

    /** Deletes one at the expected version; its projects stay, unlinked from it (each a recorded update). */
    async remove(db: Database, userId: string, id: string, expectedVersion: number): Promise<void> {
      await writeTransaction(db, async (tx) => {
        const row = await lock(tx, id);
        await policy.assertCanManage(tx, userId, refOf(row));
        const before = toView(row);
        assertVersion(`${label} ${id}`, before, expectedVersion);
        await unlinkProjects(tx, userId, link, id);
        await tx.delete(table).where(eq(table.id, id));
        await policy.dropEntityRoles(tx, kind, id);
        await recordChange(tx, userId, entitySubject(kind, id, row.workspaceId), 'delete', before, null);
      });
    },
  };
}

/** The service of one simple kind. */
export type SimpleEntityService<F extends string> = ReturnType<typeof simpleEntityService<F>>;

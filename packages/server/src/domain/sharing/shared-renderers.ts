import { eq } from 'drizzle-orm';
import type { EntityRef } from '../../auth/policy';
import type { Queryable } from '../../db/client';
import { products } from '../../db/schema/products';
import { programs } from '../../db/schema/programs';
import { projects } from '../../db/schema/projects';

/** What a share link points at, as `resolveShareLink` returns it. */
export interface SharedRef {
  entityType: string;
  entityId: string;
  workspaceId: string;
}

/** The public, read-only rendering of a shared entity as JSON; null when the entity no longer exists (then 404). */
export type SharedRenderer = (db: Queryable, ref: SharedRef) => Promise<unknown | null>;

/** A PDF of the shared entity; null when it no longer exists. */
export type SharedPdfRenderer = (db: Queryable, ref: SharedRef) => Promise<Uint8Array | null>;

/** The product, program or project whose managers may create and revoke links to the entity; null when it does not exist. */
export type SharedOwnerResolver = (db: Queryable, entityId: string) => Promise<EntityRef | null>;

/** Optional parts of a registration beyond the JSON renderer. */
export interface SharedRendererOptions {
  /** Defaults to looking the entity id up as a product, program or project id (a roadmap shares its product). */
  owner?: SharedOwnerResolver;
  pdf?: SharedPdfRenderer;
  /** Throws an `ApiError` (e.g. 409) when the entity exists but may not be shared in its state; runs after the checks. */
  assertShareable?: (db: Queryable, entityId: string) => Promise<void>;
}

interface Registration {
  render: SharedRenderer;
  owner: SharedOwnerResolver;
  pdf: SharedPdfRenderer | undefined;
  assertShareable: ((db: Queryable, entityId: string) => Promise<void>) | undefined;
}

const registrations = new Map<string, Registration>();

/** Looks an id up as a product, program or project: the owner of entities shared by the id of their container. */
export async function containerOwner(db: Queryable, entityId: string): Promise<EntityRef | null> {
  const tables = [
    ['project', projects],
    ['product', products],
    ['program', programs],
  ] as const;
  for (const [kind, table] of tables) {
    const [row] = await db
      .select({ id: table.id, workspaceId: table.workspaceId })
      .from(table)
      .where(eq(table.id, entityId));
    if (row) return { kind, id: row.id, workspaceId: row.workspaceId };
  }
  return null;
}

/**
 * Registers how an entity type is shown through `GET /api/shared/{token}` (and who may share it); call it from the
 * type's `register…Routes` so it is in place before the server answers.
 * @example registerSharedRenderer('roadmap', (db, ref) => roadmapForStakeholders(db, ref.entityId));
 */
export function registerSharedRenderer(
  entityType: string,
  render: SharedRenderer,
  options: SharedRendererOptions = {},
): void {
  registrations.set(entityType, {
    render,
    owner: options.owner ?? containerOwner,
    pdf: options.pdf,
    assertShareable: options.assertShareable,
  });
}

/** The registration of an entity type, or undefined when nothing may be shared of that type. */
export function sharedRegistration(entityType: string): Registration | undefined {
  return registrations.get(entityType);
}

/** The entity types that may be shared, for validation messages. */
export function sharedEntityTypes(): string[] {
  return [...registrations.keys()].sort();
}

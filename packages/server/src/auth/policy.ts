import { type AnyColumn, and, eq, type SQL, sql } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Database, Queryable } from '../db/client';
import { type EntityKind, type EntityRole, entityMembers } from '../db/schema/entity-members';
import type { WorkspaceRole } from '../db/schema/workspaces';
import type { AppEnv } from '../http/context';
import { ApiError } from '../http/errors';
import type { RouteRule } from '../http/route-rule';
import type { Change } from '../realtime/change';
import type { ChangeVisibility } from '../realtime/events';
import {
  type EntityAccess,
  findEntityAccess,
  findWorkspaceRole,
  heldEntityIds,
  isMemberOfAnyState,
} from './access-queries';
import type { IdentityContext } from './caller';
import type { CompanionRead } from './companion-read';
import { csrfCookie, csrfHeader } from './cookies';
import {
  type EntityAction,
  entityAllows,
  managerRole,
  mayCreateEntity,
  type WorkspaceAction,
  workspaceAllows,
} from './permissions';
import { sameSecret } from './secrets';

/** A product, program or project as the policy needs to know it: what it is, and which workspace holds it. */
export interface EntityRef {
  kind: EntityKind;
  id: string;
  workspaceId: string;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const kindLabel: Record<EntityKind, string> = { product: 'Product', program: 'Program', project: 'Project' };

function identityOf(c: Context): IdentityContext {
  const identity = c.get('identity');
  // A programming error, not a client one: the identity middleware is mounted by `identityFeatures()`.
  if (!identity)
    throw new Error('The identity middleware is not mounted: list identityFeatures() first in the features');
  return identity;
}

function workspaceNotFound(workspaceId: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', `Workspace ${workspaceId} was not found`);
}

function entityNotFound(ref: EntityRef): ApiError {
  return new ApiError(404, 'NOT_FOUND', `${kindLabel[ref.kind]} ${ref.id} was not found`);
}

/** Authenticates the request, refuses anonymous callers and cookie writes without the CSRF token. */
const signedInEnforce: MiddlewareHandler<AppEnv> = async (c, next) => {
  const found = await identityOf(c).authenticate();
  if (!found) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in first');
  if (found.caller.via === 'session' && unsafeMethods.has(c.req.method)) {
    const header = c.req.header(csrfHeader);
    const cookie = getCookie(c, csrfCookie);
    // Double submit, and the value must also be this session's own token: a cookie planted by a sibling subdomain
    // cannot be paired with a matching header.
    const valid =
      header !== undefined &&
      cookie !== undefined &&
      found.csrfToken !== null &&
      sameSecret(header, cookie) &&
      sameSecret(header, found.csrfToken);
    if (!valid) {
      throw new ApiError(
        403,
        'CSRF_FAILED',
        `This write needs the ${csrfHeader} header equal to the ${csrfCookie} cookie`,
        csrfHeader,
      );
    }
  }
  c.set('caller', found.caller);
  c.set('userId', found.caller.userId);
  await next();
};

function workspaceRule(name: string, allowed: (role: WorkspaceRole) => boolean): RouteRule {
  return {
    name,
    enforce: async (c, next) => {
      await signedInEnforce(c, async () => {
        const workspaceId = c.req.param('workspaceId');
        if (!workspaceId) throw new Error(`Rule ${name} is used on a route without a :workspaceId parameter`);
        const role = await findWorkspaceRole(identityOf(c).db, c.get('caller')!.userId, workspaceId);
        if (role === null) throw workspaceNotFound(workspaceId);
        if (!allowed(role)) {
          throw new ApiError(
            403,
            'FORBIDDEN',
            `Your role in workspace ${workspaceId} (${role}) does not allow this`,
          );
        }
        await next();
      });
    },
  };
}

/** True when the user may do `action` on the entity; false also when the entity's workspace is hidden from them. */
async function entityCheck(
  db: Queryable,
  userId: string,
  ref: EntityRef,
  action: EntityAction,
): Promise<boolean> {
  const access = await findEntityAccess(db, userId, ref.workspaceId, ref.kind, ref.id);
  return entityAllows(access.workspaceRole, access.entityRole, action);
}

/** 404 when the caller may not see the entity, 403 when they see it but may not do `action`. */
async function assertEntity(
  db: Queryable,
  userId: string,
  ref: EntityRef,
  action: EntityAction,
): Promise<void> {
  assertAccess(ref, await findEntityAccess(db, userId, ref.workspaceId, ref.kind, ref.id), action);
}

/** `assertEntity` for roles already read (by a write's first statement, say). */
function assertAccess(ref: EntityRef, access: EntityAccess, action: EntityAction): void {
  if (!entityAllows(access.workspaceRole, access.entityRole, 'see')) throw entityNotFound(ref);
  if (!entityAllows(access.workspaceRole, access.entityRole, action)) {
    const verb = action === 'manage' ? 'manage' : 'change';
    throw new ApiError(403, 'FORBIDDEN', `You may see ${ref.kind} ${ref.id} but not ${verb} it`);
  }
}

async function canSeeChange(db: Database, userId: string, change: Change): Promise<boolean> {
  // Someone removed from a workspace, or whose workspace was deleted, has no role any more but still hears the news,
  // so their open pages can leave it.
  if (change.entityType === 'workspace_member' && change.action === 'delete' && change.entityId === userId)
    return true;
  if (change.entityType === 'workspace' && change.action === 'delete') {
    return isMemberOfAnyState(db, userId, change.workspaceId);
  }
  const role = await findWorkspaceRole(db, userId, change.workspaceId);
  if (role === null) return false;
  const see = (kind: EntityKind, id: string) =>
    entityCheck(db, userId, { kind, id, workspaceId: change.workspaceId }, 'see');
  if (change.projectId) return see('project', change.projectId);
  if (change.productId) return see('product', change.productId);
  if (change.entityType === 'product' || change.entityType === 'program' || change.entityType === 'project') {
    return see(change.entityType, change.entityId);
  }
  if (change.entityType === 'invitation') return workspaceAllows(role, 'manageMembers');
  // Workspace-level changes (its name, its member list) are visible to every member, guests included.
  return true;
}

/**
 * How much of a workspace's products, programs and projects a user's lists show: `all` of them for members; for
 * guests, only those on which they hold a role (`held`).
 */
export type Visibility = 'all' | 'held';

async function visibility(db: Queryable, userId: string, workspaceId: string): Promise<Visibility> {
  const role = await findWorkspaceRole(db, userId, workspaceId);
  if (role === null) throw workspaceNotFound(workspaceId);
  return role === 'guest' ? 'held' : 'all';
}

/**
 * Authorisation, decided here and only here. Route rules (`policy.signedIn`, …) guard routes; the service checks
 * (`policy.assertCanEdit(db, userId, ref)`, …) guard entities, answering 404 for what the caller may not see and 403
 * for what they see but may not change.
 * @example defineRoute(app, policy.workspaceMember, route, async (c) => { await policy.assertCanSee(deps.db, callerId(c), ref); });
 */
export const policy = {
  /** Anyone, signed in or not. */
  public: { name: 'public', enforce: async (_c, next) => next() } satisfies RouteRule,
  /** A signed-in caller (session cookie with CSRF on writes, or bearer API token); sets `caller` and `userId`. */
  signedIn: { name: 'signed-in', enforce: signedInEnforce } satisfies RouteRule,
  /** A signed-in member (any role, guests included) of the route's `:workspaceId`; others get 404. */
  workspaceMember: workspaceRule('workspace-member', () => true),
  /**
   * `workspaceMember`, whose authentication also runs the read `prepare` makes for the request, in the same statement
   * (see `CompanionRead`). When `prepare` makes none (a request it cannot serve), the route works as with
   * `workspaceMember`.
   */
  workspaceMemberReading(prepare: (c: Context) => CompanionRead | undefined): RouteRule {
    const member = workspaceRule('workspace-member', () => true);
    return {
      name: member.name,
      enforce: async (c, next) => {
        c.set('companionRead', prepare(c));
        await member.enforce(c, next);
      },
    };
  },
  /** An owner or admin of the route's `:workspaceId`; other members get 403, non-members 404. */
  workspaceAdmin: workspaceRule('workspace-admin', (role) => role === 'owner' || role === 'admin'),
  /** An owner of the route's `:workspaceId`; other members get 403, non-members 404. */
  workspaceOwner: workspaceRule('workspace-owner', (role) => role === 'owner'),

  /** The user's role in a workspace, or null when they are not a member (or it was deleted). */
  workspaceRole: findWorkspaceRole,

  /** Returns the caller's role when they may do `action` in the workspace; 404 for non-members, 403 otherwise. */
  async assertWorkspace(
    db: Queryable,
    userId: string,
    workspaceId: string,
    action: WorkspaceAction,
  ): Promise<WorkspaceRole> {
    const role = await findWorkspaceRole(db, userId, workspaceId);
    if (role === null) throw workspaceNotFound(workspaceId);
    if (!workspaceAllows(role, action)) {
      throw new ApiError(
        403,
        'FORBIDDEN',
        `Your role in workspace ${workspaceId} (${role}) does not allow this`,
      );
    }
    return role;
  },

  /** True when the user may see the product, program or project. */
  canSee: (db: Queryable, userId: string, ref: EntityRef) => entityCheck(db, userId, ref, 'see'),
  /** True when the user may change the entity's content (its fields, its tasks). */
  canEdit: (db: Queryable, userId: string, ref: EntityRef) => entityCheck(db, userId, ref, 'edit'),
  /** True when the user may manage the entity: delete it, set who holds roles on it. */
  canManage: (db: Queryable, userId: string, ref: EntityRef) => entityCheck(db, userId, ref, 'manage'),

  /** Throws 404 unless the user may see the entity. */
  assertCanSee: (db: Queryable, userId: string, ref: EntityRef) => assertEntity(db, userId, ref, 'see'),
  /** Throws 404 when the user may not see the entity, 403 when they may see but not change it. */
  assertCanEdit: (db: Queryable, userId: string, ref: EntityRef) => assertEntity(db, userId, ref, 'edit'),
  /** Throws 404 when the user may not see the entity, 403 when they may see but not manage it. */
  assertCanManage: (db: Queryable, userId: string, ref: EntityRef) => assertEntity(db, userId, ref, 'manage'),
  /**
   * The same 404 and 403 as the `assertCan…` checks, decided from roles the caller's statement already read (see
   * `findEntityAccess` for the rule they must be read by).
   */
  assertAccess,

  /** Throws 404 for non-members of the workspace and 403 for guests, who may not create. */
  async assertCanCreate(db: Queryable, userId: string, workspaceId: string, kind: EntityKind): Promise<void> {
    const role = await findWorkspaceRole(db, userId, workspaceId);
    if (role === null) throw workspaceNotFound(workspaceId);
    if (!mayCreateEntity(role)) {
      throw new ApiError(403, 'FORBIDDEN', `Guests of workspace ${workspaceId} may not create a ${kind}`);
    }
  },

  /**
   * The condition a list query adds so that it returns only the entities of `kind` the user may see: undefined when
   * they see them all, a subquery on their entity roles for guests. Throws 404 when the workspace is hidden from them.
   * @example const visible = await policy.visibleFilter(db, userId, workspaceId, 'project', projects.id);
   */
  async visibleFilter(
    db: Queryable,
    userId: string,
    workspaceId: string,
    kind: EntityKind,
    idColumn: AnyColumn,
  ): Promise<SQL | undefined> {
    if ((await visibility(db, userId, workspaceId)) === 'all') return undefined;
    return sql`${idColumn} in (${heldEntityIds(userId, workspaceId, kind)})`;
  },

  /**
   * Which products, programs and projects of the workspace the user's lists show (see `Visibility`). Throws 404 when
   * the workspace is hidden from them.
   */
  visibility,

  /** Makes the creator of an entity its manager (product manager, program manager, project manager). */
  async grantCreatorRole(
    tx: Queryable,
    userId: string,
    workspaceId: string,
    kind: EntityKind,
    entityId: string,
  ): Promise<void> {
    await tx
      .insert(entityMembers)
      .values({ entityType: kind, entityId, userId, workspaceId, role: managerRole[kind] })
      .onConflictDoNothing();
  },

  /** Removes every role held on an entity, in the transaction that deletes it. */
  async dropEntityRoles(tx: Queryable, kind: EntityKind, entityId: string): Promise<void> {
    await tx
      .delete(entityMembers)
      .where(and(eq(entityMembers.entityType, kind), eq(entityMembers.entityId, entityId)));
  },

  /** The manager role of each kind of entity (`product_manager`, …). */
  managerRole: managerRole satisfies Record<EntityKind, EntityRole>,

  /** Which live changes a subscriber of `/api/events` may receive. */
  changeVisibility: {
    canFollowWorkspace: async (db, userId, workspaceId) =>
      (await findWorkspaceRole(db, userId, workspaceId)) !== null,
    canSeeChange,
  } satisfies ChangeVisibility,
} as const;

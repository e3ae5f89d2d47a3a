import { and, eq, or, sql } from 'drizzle-orm';
import { workspaceAllows } from '../../auth/permissions';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { type EntityKind, type EntityRole, entityMembers } from '../../db/schema/entity-members';
import { users } from '../../db/schema/users';
import { workspaceMembers } from '../../db/schema/workspaces';
import { ApiError } from '../../http/errors';
import { keyset, type ListQuery, type Page, parseSort, toPage } from '../../http/pagination';
import { assertVersion } from '../../http/version';
import { entitySubject, recordChange } from '../shared/change-log';
import { invalid } from '../shared/errors';
import { containsText } from '../shared/text-search';
import { writeTransaction } from '../shared/write-transaction';
import { kindLabel, loadEntityRef } from './entity-ref';

/** Someone's role on a product, program or project, as the API shows it. */
export interface EntityMemberView {
  user: { id: string; name: string; email?: string };
  role: EntityRole;
  version: number;
}

/** The roles that may be held on each kind: its own manager role, contributor and viewer. */
export function rolesFor(kind: EntityKind): readonly EntityRole[] {
  return [policy.managerRole[kind], 'contributor', 'viewer'];
}

const sortable = ['name', 'role'] as const;
const byName = { field: 'name', direction: 'asc' } as const;

/**
 * Everyone holding a role on the entity, one page at a time: sorted by `name` (default) or `role`, `q` matching the
 * name, or the email for callers who may see members' emails (so a search cannot probe emails it would not show).
 */
export async function listEntityMembers(
  db: Database,
  userId: string,
  kind: EntityKind,
  entityId: string,
  query: ListQuery,
): Promise<Page<EntityMemberView>> {
  const sort = parseSort(query.sort, sortable, byName);
  const ref = await loadEntityRef(db, kind, entityId);
  await policy.assertCanSee(db, userId, ref);
  const showEmails = workspaceAllows(
    await policy.workspaceRole(db, userId, ref.workspaceId),
    'seeMemberEmails',
  );
  const search = showEmails
    ? or(containsText(users.name, query.q), containsText(users.email, query.q))
    : containsText(users.name, query.q);
  const page = keyset(
    { name: users.name, role: entityMembers.role }[sort.field],
    users.id,
    sort,
    query.cursor,
  );
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: entityMembers.role,
      version: entityMembers.version,
    })
    .from(entityMembers)
    .innerJoin(users, eq(users.id, entityMembers.userId))
    .where(and(eq(entityMembers.entityType, kind), eq(entityMembers.entityId, entityId), search, page.where))
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    sort,
    (row) => row[sort.field],
    (row) => ({
      user: showEmails ? { id: row.id, name: row.name, email: row.email } : { id: row.id, name: row.name },
      role: row.role,
      version: row.version,
    }),
  );
}

/**
 * Gives a workspace member a role on the entity, or changes it. Changing an existing role needs its version (409 when
 * stale, 428 when absent); a first role needs none.
 */
export async function setEntityMember(
  db: Database,
  actorId: string,
  kind: EntityKind,
  entityId: string,
  memberId: string,
  role: EntityRole,
  expectedVersion: () => number,
): Promise<{ member: EntityMemberView; created: boolean }> {
  if (!rolesFor(kind).includes(role)) {
    throw invalid('role', `A ${kind} role is one of ${rolesFor(kind).join(', ')}, not ${role}`);
  }
  return writeTransaction(db, async (tx) => {
    const ref = await loadEntityRef(tx, kind, entityId);
    await policy.assertCanManage(tx, actorId, ref);
    const [person] = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(workspaceMembers)
      .innerJoin(users, eq(users.id, workspaceMembers.userId))
      .where(and(eq(workspaceMembers.workspaceId, ref.workspaceId), eq(workspaceMembers.userId, memberId)))
      .for('key share', { of: workspaceMembers });
    if (!person) throw new ApiError(404, 'NOT_FOUND', `User ${memberId} is not a member of this workspace`);
    const [existing] = await tx
      .select()
      .from(entityMembers)
      .where(memberWhere(kind, entityId, memberId))
      .for('update');
    let row: typeof entityMembers.$inferSelect | undefined;
    if (existing) {
      assertVersion(
        `The role of ${memberId} on ${kind} ${entityId}`,
        toView(existing, person),
        expectedVersion(),
      );
      [row] = await tx
        .update(entityMembers)
        .set({ role, version: sql`${entityMembers.version} + 1`, updatedAt: sql`now()` })
        .where(memberWhere(kind, entityId, memberId))
        .returning();
    } else {
      [row] = await tx
        .insert(entityMembers)
        .values({ entityType: kind, entityId, userId: memberId, workspaceId: ref.workspaceId, role })
        .onConflictDoNothing()
        .returning();
      // Someone else gave this person a role at the same moment: theirs stands, and this caller must reload.
      if (!row) {
        throw new ApiError(
          409,
          'CONFLICT',
          `User ${memberId} was given a role on ${kind} ${entityId} meanwhile; reload`,
        );
      }
    }
    if (!row) throw new Error('writing entity_members returned no row');
    const member = toView(row, person);
    await recordChange(
      tx,
      actorId,
      entitySubject(kind, entityId, ref.workspaceId),
      'member.set',
      existing ? { userId: memberId, role: existing.role, version: existing.version } : null,
      { userId: memberId, role: row.role, version: row.version },
    );
    return { member, created: !existing };
  });
}

/** Takes someone's role on the entity away, at the expected version. */
export async function removeEntityMember(
  db: Database,
  actorId: string,
  kind: EntityKind,
  entityId: string,
  memberId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const ref = await loadEntityRef(tx, kind, entityId);
    await policy.assertCanManage(tx, actorId, ref);
    const [existing] = await tx
      .select()
      .from(entityMembers)
      .where(memberWhere(kind, entityId, memberId))
      .for('update');
    if (!existing) {
      throw new ApiError(
        404,
        'NOT_FOUND',
        `User ${memberId} holds no role on ${kindLabel(kind).toLowerCase()} ${entityId}`,
      );
    }
    if (existing.version !== expectedVersion) {
      const [person] = await tx.select().from(users).where(eq(users.id, memberId));
      assertVersion(
        `The role of ${memberId} on ${kind} ${entityId}`,
        toView(existing, { id: memberId, name: person?.name ?? '' }),
        expectedVersion,
      );
    }
    await tx.delete(entityMembers).where(memberWhere(kind, entityId, memberId));
    await recordChange(
      tx,
      actorId,
      entitySubject(kind, entityId, ref.workspaceId),
      'member.remove',
      { userId: memberId, role: existing.role, version: existing.version },
      null,
    );
  });
}

function memberWhere(kind: EntityKind, entityId: string, userId: string) {
  return and(
    eq(entityMembers.entityType, kind),
    eq(entityMembers.entityId, entityId),
    eq(entityMembers.userId, userId),
  );
}

function toView(
  row: { role: EntityRole; version: number },
  person: { id: string; name: string; email?: string },
): EntityMemberView {
  return { user: person, role: row.role, version: row.version };
}

import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import { type EntityKind, entityRoles } from '../../db/schema/entity-members';
import type { App, AppDeps } from '../../http/context';
import { pageSchema } from '../../http/pagination';
import { defineRoute } from '../../http/route-rule';
import { expectedVersion } from '../../http/version';
import {
  deleteBodySchema,
  errorResponses,
  idSchema,
  listQuery,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { entityCollections } from './entity-ref';
import { listEntityMembers, removeEntityMember, setEntityMember } from './member-service';

const memberSchema = z
  .object({
    user: z.object({ id: z.string(), name: z.string(), email: z.string().optional() }),
    role: z.enum(entityRoles),
    version: z.number().int(),
  })
  .openapi('EntityMember');

const putBody = z.strictObject({ role: z.enum(entityRoles), version: versionSchema.optional() });
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

function registerFor(app: App, deps: AppDeps, kind: EntityKind): void {
  const { segment, param } = entityCollections[kind];
  const entityParams = z.object({ [param]: idSchema });
  const memberParams = z.object({ [param]: idSchema, userId: idSchema });
  const entityIdOf = (params: Record<string, string>) => params[param] ?? '';

  const list = createRoute({
    method: 'get',
    path: `/api/${segment}/{${param}}/members`,
    summary: `Who holds a role on the ${kind}; sort by name or role, q matches the name (or email, where shown)`,
    request: { params: entityParams, query: listQuery },
    responses: {
      200: { description: 'A page of members', ...json(pageSchema(memberSchema)) },
      ...errorResponses,
    },
  });
  const put = createRoute({
    method: 'put',
    path: `/api/${segment}/{${param}}/members/{userId}`,
    summary: `Give a workspace member a role on the ${kind} (changing a role needs its version)`,
    request: { params: memberParams, body: { required: true, ...json(putBody) } },
    responses: {
      200: { description: 'Role changed', ...json(memberSchema) },
      201: { description: 'Role given', ...json(memberSchema) },
      ...writeErrorResponses,
    },
  });
  const remove = createRoute({
    method: 'delete',
    path: `/api/${segment}/{${param}}/members/{userId}`,
    summary: `Take someone's role on the ${kind} away`,
    request: { params: memberParams, body: { required: false, ...json(deleteBodySchema) } },
    responses: { 204: { description: 'Removed' }, ...writeErrorResponses },
  });

  defineRoute(app, policy.signedIn, list, async (c) => {
    const params = c.req.valid('param') as Record<string, string>;
    return c.json(
      await listEntityMembers(deps.db, callerId(c), kind, entityIdOf(params), c.req.valid('query')),
      200,
    );
  });
  defineRoute(app, policy.signedIn, put, async (c) => {
    const params = c.req.valid('param') as Record<string, string>;
    const body = c.req.valid('json');
    const { member, created } = await setEntityMember(
      deps.db,
      callerId(c),
      kind,
      entityIdOf(params),
      params.userId ?? '',
      body.role,
      () => expectedVersion(c, body.version),
    );
    return created ? c.json(member, 201) : c.json(member, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const params = c.req.valid('param') as Record<string, string>;
    const body = (c.req.valid('json') as z.infer<typeof deleteBodySchema> | undefined) ?? {};
    const expected = expectedVersion(c, body.version);
    await removeEntityMember(deps.db, callerId(c), kind, entityIdOf(params), params.userId ?? '', expected);
    return c.body(null, 204);
  });
}

/** Registers the member routes of products, programs and projects. */
export function registerEntityMemberRoutes(app: App, deps: AppDeps): void {
  for (const kind of ['product', 'program', 'project'] as const) registerFor(app, deps, kind);
}

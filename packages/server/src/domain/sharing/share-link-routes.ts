import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { clientAddress } from '../../auth/client-address';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRawRoute, defineRoute } from '../../http/route-rule';
import { errorResponses, idSchema, longTextSchema } from '../shared/api-schemas';
import { writeTransaction } from '../shared/write-transaction';
import {
  createShareLink,
  listShareLinks,
  resolveShareLink,
  revokeShareLink,
  sharedNotFound,
} from './share-links';
import { assertShareNotThrottled, recordShareFailure } from './share-throttle';
import { sharedRegistration } from './shared-renderers';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const linkSchema = z
  .object({
    id: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    label: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    active: z.boolean(),
  })
  .openapi('ShareLink');
const entityTypeSchema = z.string().trim().min(1).max(60);
const createBody = z.strictObject({
  entityType: entityTypeSchema,
  entityId: idSchema,
  label: longTextSchema.max(200).optional(),
});

const list = createRoute({
  method: 'get',
  path: '/api/share-links',
  summary: 'The read-only links of an entity you manage (a status report, a roadmap), newest first',
  request: { query: z.object({ entityType: entityTypeSchema, entityId: idSchema }) },
  responses: {
    200: { description: 'The links', ...json(z.object({ items: z.array(linkSchema) })) },
    ...errorResponses,
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/share-links',
  summary:
    'Create a revocable read-only link; the token (and the `/s/{token}` path) is returned only this once',
  request: { body: { required: true, ...json(createBody) } },
  responses: {
    201: {
      description: 'Created',
      ...json(z.object({ link: linkSchema, token: z.string(), path: z.string() }).openapi('NewShareLink')),
    },
    ...errorResponses,
  },
});

const revoke = createRoute({
  method: 'delete',
  path: '/api/share-links/{linkId}',
  summary: 'Revoke a link: its token answers 404 from now on',
  request: { params: z.object({ linkId: idSchema }) },
  responses: { 200: { description: 'Revoked', ...json(linkSchema) }, ...errorResponses },
});

const shared = createRoute({
  method: 'get',
  path: '/api/shared/{token}',
  summary: 'What a share link shows, without signing in; 404 for an unknown or revoked token',
  request: { params: z.object({ token: z.string().min(1).max(300) }) },
  responses: {
    200: {
      description: 'The shared entity',
      ...json(z.object({ entityType: z.string(), entity: z.unknown() }).openapi('SharedEntity')),
    },
    404: errorResponses[404],
    429: {
      description: 'Too many unknown links from this address',
      ...json(z.object({ error: z.unknown() })),
    },
  },
});

/** Resolves a token and loads what it shows, counting unknown tokens against the client's address. */
async function openShared(deps: AppDeps, ip: string, token: string) {
  await assertShareNotThrottled(deps.db, ip);
  const ref = await resolveShareLink(deps.db, token);
  const registration = ref ? sharedRegistration(ref.entityType) : undefined;
  if (!ref || !registration) {
    await recordShareFailure(deps.db, ip);
    throw sharedNotFound();
  }
  return { ref, registration };
}

/** Registers the share link routes: managing links, and the public read of what a token shows. */
export function registerShareLinkRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    const { entityType, entityId } = c.req.valid('query');
    return c.json({ items: await listShareLinks(deps.db, callerId(c), entityType, entityId) }, 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const created = await writeTransaction(deps.db, (tx) =>
      createShareLink(tx, callerId(c), c.req.valid('json')),
    );
    return c.json({ ...created, path: `/s/${created.token}` }, 201);
  });
  defineRoute(app, policy.signedIn, revoke, async (c) => {
    const link = await writeTransaction(deps.db, (tx) =>
      revokeShareLink(tx, callerId(c), c.req.valid('param').linkId),
    );
    return c.json(link, 200);
  });
  defineRawRoute(app, policy.public, 'get', '/api/shared/:token/pdf', async (c) => {
    const { ref, registration } = await openShared(deps, clientAddress(c), c.req.param('token') ?? '');
    const pdf = registration.pdf ? await registration.pdf(deps.db, ref) : null;
    if (!pdf) throw sharedNotFound();
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', 'inline; filename="shared.pdf"');
    c.header('Cache-Control', 'no-store');
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200);
  });
  defineRoute(app, policy.public, shared, async (c) => {
    const { ref, registration } = await openShared(deps, clientAddress(c), c.req.valid('param').token);
    const entity = await registration.render(deps.db, ref);
    if (entity === null || entity === undefined) throw sharedNotFound();
    c.header('Cache-Control', 'no-store');
    return c.json({ entityType: ref.entityType, entity }, 200);
  });
}

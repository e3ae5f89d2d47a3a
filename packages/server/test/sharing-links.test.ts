import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSharedRenderer } from '../src/domain/sharing/shared-renderers';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, anonymous, type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Link {
  id: string;
  entityType: string;
  entityId: string;
  label: string;
  active: boolean;
  revokedAt: string | null;
}

let t: TestServer;
let owner: Caller;
let contributor: Caller;
let outsider: Caller;
let workspaceId: string;
let projectId: string;

// A type shared by the id of its project, as a roadmap is shared by its product's: the default owner lookup applies.
const entityType = 'sharing_test_project';

beforeAll(async () => {
  registerSharedRenderer(entityType, async (_db, ref) => ({ projectId: ref.entityId, shown: true }));
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Manager');
  contributor = await signUp(t, 'Contributor');
  outsider = await signUp(t, 'Outsider');
  workspaceId = await createWorkspace(t, owner);
  await addMember(t, workspaceId, contributor, 'member');
  projectId = (
    await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name: 'Shared',
      startDate: '2026-03-02',
    })
  ).id;
  await owner.json(
    'PUT',
    `/api/projects/${projectId}/members/${contributor.id}`,
    { role: 'contributor' },
    201,
  );
});
afterAll(async () => {
  await t?.close();
});

const create = (caller: Caller, body: unknown) => caller.request('POST', '/api/share-links', { body });

describe('share links', () => {
  it('creates a link whose token opens the entity without signing in, and stores only its hash', async () => {
    const response = await create(owner, { entityType, entityId: projectId, label: 'Board' });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { link: Link; token: string; path: string };
    expect(created.token).toMatch(/^tds_[A-Za-z0-9_-]{43}$/);
    expect(created.path).toBe(`/s/${created.token}`);
    expect(created.link).toMatchObject({ entityType, entityId: projectId, label: 'Board', active: true });
    const shown = await anonymous(t).json(`GET`, `/api/shared/${created.token}`);
    expect(shown).toEqual({ entityType, entity: { projectId, shown: true } });
    const rows = await sql(t, 'select token_hash from share_links where id = $1', [created.link.id]);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(created.token);
  });

  it('lists the links of an entity, newest first, never with their tokens', async () => {
    const first = await owner.json<{ link: Link }>(
      'POST',
      '/api/share-links',
      { entityType, entityId: projectId, label: 'one' },
      201,
    );
    const second = await owner.json<{ link: Link }>(
      'POST',
      '/api/share-links',
      { entityType, entityId: projectId, label: 'two' },
      201,
    );
    const listed = await owner.json<{ items: (Link & { token?: string })[] }>(
      'GET',
      `/api/share-links?entityType=${entityType}&entityId=${projectId}`,
    );
    const ids = listed.items.map((link) => link.id);
    expect(ids.indexOf(second.link.id)).toBeLessThan(ids.indexOf(first.link.id));
    expect(listed.items.every((link) => link.token === undefined)).toBe(true);
  });

  it('answers 404 once a link is revoked, and revoking again changes nothing', async () => {
    const { link, token } = await owner.json<{ link: Link; token: string }>(
      'POST',
      '/api/share-links',
      { entityType, entityId: projectId },
      201,
    );
    expect((await t.request('GET', `/api/shared/${token}`)).status).toBe(200);
    const revoked = await owner.json<Link>('DELETE', `/api/share-links/${link.id}`);
    expect(revoked).toMatchObject({ active: false });
    expect(revoked.revokedAt).not.toBeNull();
    const gone = await t.request('GET', `/api/shared/${token}`);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const again = await owner.json<Link>('DELETE', `/api/share-links/${link.id}`);
    expect(again.revokedAt).toBe(revoked.revokedAt);
  });

  it('answers 404 for an unknown or malformed token', async () => {
    for (const token of ['tds_nothing-here', 'abc', `tds_${'x'.repeat(43)}`]) {
      expect((await t.request('GET', `/api/shared/${token}`)).status).toBe(404);
    }
  });

  it('refuses sharing to whoever may not manage the entity: 403 when they see it, 404 when they do not', async () => {
    expect((await create(contributor, { entityType, entityId: projectId })).status).toBe(403);
    expect((await create(outsider, { entityType, entityId: projectId })).status).toBe(404);
    const list = await outsider.request(
      'GET',
      `/api/share-links?entityType=${entityType}&entityId=${projectId}`,
    );
    expect(list.status).toBe(404);
    const { link } = await owner.json<{ link: Link }>(
      'POST',
      '/api/share-links',
      { entityType, entityId: projectId },
      201,
    );
    expect((await contributor.request('DELETE', `/api/share-links/${link.id}`)).status).toBe(403);
    expect((await outsider.request('DELETE', `/api/share-links/${link.id}`)).status).toBe(404);
    expect(
      (await anonymous(t).request('POST', '/api/share-links', { body: { entityType, entityId: projectId } }))
        .status,
    ).toBe(401);
  });

  it('names the field of a bad request', async () => {
    const unknownType = await create(owner, { entityType: 'spaceship', entityId: projectId });
    expect(unknownType.status).toBe(400);
    expect(((await unknownType.json()) as { error: { field: string } }).error.field).toBe('entityType');
    const missing = await create(owner, { entityType });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { field: string } }).error.field).toBe('entityId');
    expect((await create(owner, { entityType, entityId: 'prj_nope' })).status).toBe(404);
    expect((await create(owner, { entityType, entityId: projectId, extra: 1 })).status).toBe(400);
    const nul = await create(owner, { entityType, entityId: projectId, label: 'a\u0000b' });
    expect(nul.status).toBe(400);
    expect(((await nul.json()) as { error: { field: string } }).error.field).toBe('label');
    expect((await owner.request('DELETE', '/api/share-links/shl_nope')).status).toBe(404);
  });

  it('refuses an address that opened too many unknown links with 429', async () => {
    const { token } = await owner.json<{ token: string }>(
      'POST',
      '/api/share-links',
      { entityType, entityId: projectId },
      201,
    );
    await sql(t, `delete from login_attempts where email = 'share-link:'`);
    let last = 0;
    for (let attempt = 0; attempt < 31; attempt++) {
      last = (await t.request('GET', `/api/shared/tds_guess${attempt}`)).status;
    }
    expect(last).toBe(429);
    expect((await t.request('GET', `/api/shared/${token}`)).status).toBe(429);
    await sql(t, `delete from login_attempts where email = 'share-link:'`);
    expect((await t.request('GET', `/api/shared/${token}`)).status).toBe(200);
  });

  it('shares an entity known by its product id, as a roadmap is, by the product managers', async () => {
    registerSharedRenderer('sharing_test_roadmap', async (_db, ref) => ({ productId: ref.entityId }));
    const product = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/products`, {
      name: 'Shared product',
    });
    const body = { entityType: 'sharing_test_roadmap', entityId: product.id };
    expect((await create(contributor, body)).status).toBe(403);
    const { token } = await owner.json<{ token: string }>('POST', '/api/share-links', body, 201);
    expect(await anonymous(t).json('GET', `/api/shared/${token}`)).toEqual({
      entityType: 'sharing_test_roadmap',
      entity: { productId: product.id },
    });
    // A type with no PDF renderer has no PDF.
    expect((await t.request('GET', `/api/shared/${token}/pdf`)).status).toBe(404);
  });

  it('documents the share link and status report routes in the OpenAPI document', async () => {
    const document = await anonymous(t).json<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/api/openapi.json',
    );
    expect(Object.keys(document.paths['/api/share-links'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(document.paths['/api/shared/{token}']?.get).toBeDefined();
    expect(document.paths['/api/projects/{projectId}/status-reports/{reportId}/publish']?.post).toBeDefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, createWorkspace, signIn, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';
import { statementsDuring } from './helpers/statements';

// Two servers over one database, as behind a load balancer: each keeps the list pages its members read.
let a: TestServer;
let b: TestServer;
let ownerOnA: Caller;
let ownerOnB: Caller;
let member: Caller;
let guest: Caller;
let outsider: Caller;
let workspaceId: string;

interface Product {
  id: string;
  name: string;
  description: string;
  version: number;
}
interface Page {
  items: Product[];
  nextCursor: string | null;
}

beforeAll(async () => {
  a = await startTestServer({ features: domainTestFeatures() });
  b = await startTestServer({ features: domainTestFeatures(), database: a.database });
  ownerOnA = await signUp(a, 'Olga Owner');
  ownerOnB = await signIn(b, ownerOnA);
  member = await signUp(a, 'Mel Member');
  guest = await signUp(a, 'Gus Guest');
  outsider = await signUp(a, 'Otto Outsider');
  workspaceId = await createWorkspace(a, ownerOnA);
  await addMember(a, workspaceId, member, 'member');
  await addMember(a, workspaceId, guest, 'guest');
  for (const name of ['Atlas', 'Beacon', 'Compass'])
    await ownerOnA.json('POST', `/api/workspaces/${workspaceId}/products`, { name }, 201);
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const listPath = (query = '') => `/api/workspaces/${workspaceId}/products${query}`;

/** The products of the workspace as the database holds them now, in the list's default order. */
async function names(): Promise<string[]> {
  const rows = await sql(a, 'select name from products where workspace_id = $1 order by name, id', [
    workspaceId,
  ]);
  return rows.map((row) => String(row.name));
}

const listed = async (caller: Caller, query = '') =>
  (await caller.json<Page>('GET', listPath(query))).items.map((item) => item.name);

async function expectBothFresh(context: string) {
  const expected = await names();
  expect(await listed(ownerOnA, '?limit=50'), `${context}, on A`).toEqual(expected);
  expect(await listed(ownerOnB, '?limit=50'), `${context}, on B`).toEqual(expected);
}

describe('list pages kept between reads', () => {
  it('answers a repeated read with the same bytes, in one statement, without reading the rows again', async () => {
    const first = await ownerOnA.request('GET', listPath('?limit=2'));
    const body = await first.text();
    let again = '';
    const statements = await statementsDuring(a, async () => {
      again = await (await ownerOnA.request('GET', listPath('?limit=2'))).text();
    });
    expect(again).toBe(body);
    expect(statements).toHaveLength(1);
    expect(JSON.parse(body).nextCursor).toEqual(expect.any(String));
    // The next page is a request of its own, kept under its own cursor.
    const next = await ownerOnA.json<Page>('GET', listPath(`?limit=2&cursor=${JSON.parse(body).nextCursor}`));
    expect(next.items.map((item) => item.name)).toEqual((await names()).slice(2, 4));
  });

  it('is never stale on either of two servers after a write through the API on the other', async () => {
    await expectBothFresh('before');
    const created = await ownerOnB.json<Product>('POST', listPath(), { name: 'Dynamo' }, 201);
    await expectBothFresh('created on B');
    const renamed = await ownerOnA.json<Product>('PATCH', `/api/products/${created.id}`, {
      name: 'Aardvark',
      version: created.version,
    });
    await expectBothFresh('renamed on A');
    const fullRow = await ownerOnB.json<Page>('GET', listPath('?limit=50'));
    expect(fullRow.items.find((item) => item.id === created.id)).toEqual(renamed);
    await ownerOnB.request('DELETE', `/api/products/${created.id}`, {
      body: { version: renamed.version },
    });
    await expectBothFresh('deleted on B');
  });

  it('sees a write made straight to the database, which no server took part in', async () => {
    await expectBothFresh('before');
    const [row] = await sql(a, 'select id from products where workspace_id = $1 order by name limit 1', [
      workspaceId,
    ]);
    await sql(a, `update products set description = 'changed outside' where id = $1`, [row?.id]);
    for (const caller of [ownerOnA, ownerOnB]) {
      const page = await caller.json<Page>('GET', listPath('?limit=50'));
      expect(page.items.find((item) => item.id === row?.id)?.description).toBe('changed outside');
    }
  });

  it('shares a page among members but never with a guest or someone outside the workspace', async () => {
    const all = await names();
    expect(await listed(ownerOnA, '?limit=50')).toEqual(all);
    expect(await listed(member, '?limit=50')).toEqual(all);
    // The guest holds a role on one product only, and sees that one although members' pages are kept.
    const [held] = await sql(
      a,
      'select id, name from products where workspace_id = $1 order by name limit 1',
      [workspaceId],
    );
    await ownerOnA.json('PUT', `/api/products/${held?.id}/members/${guest.id}`, { role: 'viewer' }, 201);
    expect(await listed(guest, '?limit=50')).toEqual([held?.name]);
    expect((await outsider.request('GET', listPath('?limit=50'))).status).toBe(404);
    // A member made a guest loses the page members share at once.
    await sql(a, `update workspace_members set role = 'guest' where workspace_id = $1 and user_id = $2`, [
      workspaceId,
      member.id,
    ]);
    expect(await listed(member, '?limit=50')).toEqual([]);
    await sql(a, 'delete from workspace_members where workspace_id = $1 and user_id = $2', [
      workspaceId,
      member.id,
    ]);
    expect((await member.request('GET', listPath('?limit=50'))).status).toBe(404);
  });
});

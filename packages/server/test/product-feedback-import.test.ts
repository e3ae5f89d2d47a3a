import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let owner: Caller;
let workspaceId: string;
let productId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Ivy Importer');
  workspaceId = await createWorkspace(t, owner);
  productId = (
    await owner.json<{ id: string }>(
      'POST',
      `/api/workspaces/${workspaceId}/products`,
      { name: 'Atlas' },
      201,
    )
  ).id;
  await owner.json(
    'POST',
    `/api/workspaces/${workspaceId}/customers`,
    { name: 'Acme Corp', tier: 'strategic' },
    201,
  );
});
afterAll(async () => {
  await t?.close();
});

const upload = (csv: string) =>
  owner.request('POST', `/api/products/${productId}/feedback/import?fileName=feedback.csv`, {
    body: csv,
    headers: { 'content-type': 'text/csv' },
  });

const count = async () =>
  (
    (await sql(t, 'select count(*)::int as n from feedback where product_id = $1', [productId])) as [
      { n: number },
    ]
  )[0].n;

describe('feedback CSV import', () => {
  it('imports every row, matches customers by name in any case and creates the unknown ones', async () => {
    const csv = [
      'Title,Body,Customer,Email,Date,Region',
      'Export to PDF,"We need PDF exports, for the board",acme corp,cfo@acme.example,2026-10-02,EU',
      'Faster search,Search is slow,Globex,,2026-10-03T09:30:00Z,US',
      'No customer,Anonymous note,,,,',
    ].join('\n');
    const response = await upload(csv);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      imported: 3,
      createdCustomers: ['Globex'],
      ignoredColumns: ['Region'],
    });
    const rows = await sql(
      t,
      `select f.title, f.source, f.email, to_char(f.received_at at time zone 'UTC', 'YYYY-MM-DD') as day, c.name
       from feedback f left join customers c on c.id = f.customer_id where f.product_id = $1 order by f.title`,
      [productId],
    );
    expect(rows).toEqual([
      {
        title: 'Export to PDF',
        source: 'csv',
        email: 'cfo@acme.example',
        day: '2026-10-02',
        name: 'Acme Corp',
      },
      { title: 'Faster search', source: 'csv', email: '', day: '2026-10-03', name: 'Globex' },
      { title: 'No customer', source: 'csv', email: '', day: expect.any(String), name: null },
    ]);
  });

  it('refuses the whole file for one bad date, naming the row and the column, and imports nothing', async () => {
    const before = await count();
    const csv = ['title,customer,date', 'Good row,Newco,2026-10-01', 'Bad row,Newco,31/10/2026'].join('\n');
    const response = await upload(csv);
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { field: string; message: string };
      row: number;
      column: string;
    };
    expect(body.error.field).toBe('date');
    expect(body.error.message).toContain('Row 2 (line 3), column "date"');
    expect(body).toMatchObject({ row: 2, line: 3, column: 'date' });
    expect(await count()).toBe(before);
    expect(await sql(t, "select id from customers where name = 'Newco'")).toHaveLength(0);
  });

  it.each([
    { case: 'an empty title', csv: 'title,body\n,text', field: 'title' },
    { case: 'a malformed email', csv: 'title,email\nHi,not-an-address', field: 'email' },
    { case: 'no title column', csv: 'body\nsomething', field: 'title' },
    { case: 'an unclosed quote', csv: 'title\n"open', field: 'file' },
    { case: 'a header alone', csv: 'title,body', field: 'file' },
  ])('refuses $case naming $field', async ({ csv, field }) => {
    const before = await count();
    const response = await upload(csv);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field);
    expect(await count()).toBe(before);
  });
});

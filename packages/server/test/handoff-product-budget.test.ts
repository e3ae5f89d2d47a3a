import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, signUp, sql } from './helpers/domain-world';
import { send } from './helpers/plan-world';
import { createProduct, handoffWorld, insertFeature, insertInitiative } from './helpers/release-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Budget {
  lines: { id: string; initiativeId: string | null; amountCents: number; version: number }[];
  initiatives: {
    initiativeId: string;
    projectId: string | null;
    budgetCents: number;
    actualCents: number;
    varianceCents: number;
  }[];
  totals: { budgetCents: number; productLevelCents: number; actualCents: number; varianceCents: number };
}

let t: TestServer;
let owner: Caller;
let manager: Caller;
let workspaceId: string;
let product: { id: string; workspaceId: string };

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  ({ owner, manager, workspaceId, product } = await handoffWorld(t, 'Budget'));
});
afterAll(async () => {
  await t?.close();
});

const addLine = (body: Record<string, unknown>) =>
  send(owner, 'POST', `/api/products/${product.id}/budget-lines`, body);

describe('product budget', () => {
  it("sets budget lines per product and per initiative, with actuals from the initiative's project", async () => {
    const handedOff = await insertInitiative(t, product, 'Offline', [
      await insertFeature(t, product, 'Offline maps'),
    ]);
    const waiting = await insertInitiative(t, product, 'Later', []);
    expect((await addLine({ name: 'Research', category: 'other', amountCents: 500_000 })).status).toBe(201);
    expect(
      (await addLine({ name: 'Build', category: 'labour', amountCents: 2_000_000, initiativeId: handedOff }))
        .status,
    ).toBe(201);
    expect(
      (
        await addLine({
          name: 'Campaign',
          category: 'marketing',
          amountCents: 300_000,
          initiativeId: waiting,
        })
      ).status,
    ).toBe(201);
    const started = await owner.json<{ project: { id: string } }>(
      'POST',
      `/api/initiatives/${handedOff}/start-project`,
      { name: 'Offline delivery', projectManagerId: manager.id, startDate: '2026-03-02' },
      201,
    );
    // An expense booked on the project is an actual cost of the initiative.
    await sql(
      t,
      "insert into expenses (id, workspace_id, project_id, day, category, amount_cents, note) values ($1, $2, $3, '2026-03-03', 'materials', 125000, 'Devices')",
      [newId('exp'), workspaceId, started.project.id],
    );
    const budget = await owner.json<Budget>('GET', `/api/products/${product.id}/budget`);
    expect(budget.totals).toEqual({
      budgetCents: 2_800_000,
      productLevelCents: 500_000,
      actualCents: 125_000,
      varianceCents: 2_675_000,
    });
    expect(budget.initiatives.find((row) => row.initiativeId === handedOff)).toMatchObject({
      projectId: started.project.id,
      budgetCents: 2_000_000,
      actualCents: 125_000,
      varianceCents: 1_875_000,
    });
    expect(budget.initiatives.find((row) => row.initiativeId === waiting)).toMatchObject({
      projectId: null,
      budgetCents: 300_000,
      actualCents: 0,
    });
  });

  it('refuses a negative or fractional amount, an unknown category and a foreign initiative, naming the field', async () => {
    const other = await createProduct(owner, workspaceId, 'Other');
    const foreign = await insertInitiative(t, other, 'Not ours', []);
    const cases = [
      [{ name: 'x', category: 'labour', amountCents: -1 }, 'amountCents'],
      [{ name: 'x', category: 'labour', amountCents: 1.5 }, 'amountCents'],
      [{ name: 'x', category: 'travel', amountCents: 1 }, 'category'],
      [{ name: '', category: 'labour', amountCents: 1 }, 'name'],
      [{ name: 'x', category: 'labour', amountCents: 1, initiativeId: foreign }, 'initiativeId'],
    ] as const;
    for (const [body, field] of cases) {
      const response = await addLine(body);
      expect(response.status, field).toBe(400);
      expect(response.body.error?.field).toBe(field);
    }
  });

  it('changes and deletes a line at its version, 409 when stale', async () => {
    const created = (await addLine({ name: 'Tools', category: 'materials', amountCents: 1000 })).body as {
      id: string;
    };
    const updated = await send(owner, 'PATCH', `/api/product-budget-lines/${created.id}`, {
      amountCents: 2000,
      version: 1,
    });
    expect(updated.body).toMatchObject({ amountCents: 2000, version: 2 });
    expect(
      (await send(owner, 'PATCH', `/api/product-budget-lines/${created.id}`, { amountCents: 3, version: 1 }))
        .status,
    ).toBe(409);
    expect(
      (await send(owner, 'DELETE', `/api/product-budget-lines/${created.id}`, { version: 2 })).status,
    ).toBe(204);
  });

  it('answers 404 to someone outside the product', async () => {
    const stranger = await signUp(t, 'Budget Stranger');
    expect((await send(stranger, 'GET', `/api/products/${product.id}/budget`)).status).toBe(404);
    expect(
      (
        await send(stranger, 'POST', `/api/products/${product.id}/budget-lines`, {
          name: 'x',
          category: 'labour',
          amountCents: 1,
        })
      ).status,
    ).toBe(404);
  });
});

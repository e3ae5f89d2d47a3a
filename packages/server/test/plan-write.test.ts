import { sql as drizzleSql, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tasks } from '../src/db/schema/tasks';
import { commitPlanChange } from '../src/domain/schedule/plan-revision';
import { planWriteTransaction } from '../src/domain/schedule/plan-write';
import { writeTransaction } from '../src/domain/shared/write-transaction';
import { domainTestFeatures } from './helpers/domain-features';
import { sql } from './helpers/domain-world';
import { type PlanTask, type PlanWorld, planWorld } from './helpers/plan-world';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let w: PlanWorld;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  w = await planWorld(t);
});
afterAll(async () => {
  await t?.close();
});

async function revisionOf(projectId: string): Promise<number> {
  const [row] = await sql(t, 'select plan_revision from projects where id = $1', [projectId]);
  return row?.plan_revision as number;
}

async function nameOf(taskId: string): Promise<string> {
  const [row] = await sql(t, 'select name from tasks where id = $1', [taskId]);
  return row?.name as string;
}

async function fixture(): Promise<{ projectId: string; task: PlanTask }> {
  const projectId = await w.newProject({ name: 'Writes' });
  return { projectId, task: await w.addTask(projectId, { name: 'Draft', durationMinutes: 480 }) };
}

const renamed = (tx: Parameters<Parameters<typeof planWriteTransaction>[1]>[0], id: string, name: string) =>
  tx.update(tasks).set({ name }).where(eq(tasks.id, id));

describe('a plan write committed by its revision statement', () => {
  it('keeps the write, its audit entry and one new revision, committed once that statement returns', async () => {
    const { projectId, task } = await fixture();
    const before = await revisionOf(projectId);
    const db = t.server.deps.db;
    const revision = await planWriteTransaction(db, async (tx) => {
      await renamed(tx, task.id, 'Final');
      const next = await commitPlanChange(tx, projectId, [
        w.owner.id,
        { entityType: 'task', entityId: task.id, workspaceId: w.workspaceId, projectId },
        'update',
        { name: 'Draft' },
        { name: 'Final' },
      ]);
      // The write is committed here: a statement after it runs outside any transaction of the write's.
      const [open] = (await tx.execute(drizzleSql`select now() = statement_timestamp() as "outside"`)).rows;
      expect(open?.outside).toBe(true);
      return next;
    });
    expect(revision).toBe(before + 1);
    expect(await revisionOf(projectId)).toBe(before + 1);
    expect(await nameOf(task.id)).toBe('Final');
    const audit = await sql(t, `select after from audit_entries where entity_id = $1 and action = 'update'`, [
      task.id,
    ]);
    expect(audit.map((row) => row.after)).toEqual([{ name: 'Final' }]);
  });

  it('rolls everything back when the write fails before its committing statement', async () => {
    const { projectId, task } = await fixture();
    const before = await revisionOf(projectId);
    await expect(
      planWriteTransaction(t.server.deps.db, async (tx) => {
        await renamed(tx, task.id, 'Half done');
        throw new Error('refused after the first statement');
      }),
    ).rejects.toThrow('refused after the first statement');
    expect(await nameOf(task.id)).toBe('Draft');
    expect(await revisionOf(projectId)).toBe(before);
  });

  it('commits nothing and answers not found when the project is gone', async () => {
    const { projectId, task } = await fixture();
    await expect(
      planWriteTransaction(t.server.deps.db, async (tx) => {
        await renamed(tx, task.id, 'Orphan');
        return commitPlanChange(tx, 'prj_missing', [
          w.owner.id,
          { entityType: 'task', entityId: task.id, workspaceId: w.workspaceId, projectId },
          'update',
          null,
          { name: 'Orphan' },
        ]);
      }),
    ).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await nameOf(task.id)).toBe('Draft');
    const audit = await sql(t, 'select 1 from audit_entries where entity_id = $1 and after @> $2', [
      task.id,
      JSON.stringify({ name: 'Orphan' }),
    ]);
    expect(audit).toHaveLength(0);
  });

  it('refuses to commit from inside a nested transaction, and the outer one rolls back', async () => {
    const { projectId, task } = await fixture();
    const before = await revisionOf(projectId);
    await expect(
      writeTransaction(t.server.deps.db, async (tx) => {
        await renamed(tx, task.id, 'Nested');
        await tx.transaction((nested) =>
          commitPlanChange(nested, projectId, [
            w.owner.id,
            { entityType: 'task', entityId: task.id, workspaceId: w.workspaceId, projectId },
            'update',
            null,
            { name: 'Nested' },
          ]),
        );
      }),
    ).rejects.toThrow(/nested transaction/);
    expect(await nameOf(task.id)).toBe('Draft');
    expect(await revisionOf(projectId)).toBe(before);
  });

  it('refuses to commit inside an ordinary write transaction, which then rolls back', async () => {
    const { projectId, task } = await fixture();
    const before = await revisionOf(projectId);
    await expect(
      writeTransaction(t.server.deps.db, async (tx) => {
        await renamed(tx, task.id, 'Shipped');
        await commitPlanChange(tx, projectId, [
          w.owner.id,
          { entityType: 'task', entityId: task.id, workspaceId: w.workspaceId, projectId },
          'update',
          null,
          { name: 'Shipped' },
        ]);
      }),
    ).rejects.toThrow(/only inside planWriteTransaction/);
    expect(await nameOf(task.id)).toBe('Draft');
    expect(await revisionOf(projectId)).toBe(before);
  });

  it('writes quotes, backslashes, dollar signs and any script into the audit entry exactly as sent', async () => {
    const { task } = await fixture();
    const name = `O'Brien's \\ "plan" $1 $$ é 日本 🚀 '); drop table tasks; --`;
    const updated = await w.owner.json<PlanTask>('PATCH', `/api/tasks/${task.id}`, {
      name,
      version: task.version,
    });
    expect(updated.name).toBe(name);
    const history = await w.owner.json<{ items: { action: string; after: PlanTask | null }[] }>(
      'GET',
      `/api/history/task/${task.id}`,
    );
    expect(history.items.find((entry) => entry.action === 'update')?.after?.name).toBe(name);
    expect(await nameOf(task.id)).toBe(name);
  });
});

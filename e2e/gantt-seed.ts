/** The plan the Gantt benchmarks open: 10,000 tasks and 15,000 links by default, written with SQL. */
import pg from 'pg';
import type { Page } from 'playwright-core';
import { apiPost, workspaceIdOf } from './harness/api';
import { ui } from './harness/ui';

const taskCount = Number(process.env.BENCH_TASKS ?? 10_000);
const linkCount = Number(process.env.BENCH_LINKS ?? 15_000);

/** Ten children under each summary; links within a workstream of ten summaries, always forward, so no cycle. */
export async function seedPlan(connectionString: string, workspaceId: string, projectId: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('begin');
    const tasks: (string | number | null)[][] = [];
    const leaves: string[] = [];
    const perSummary = 10;
    let summaryId = '';
    for (let i = 0; i < taskCount; i++) {
      const id = `tsk_bench${String(i).padStart(6, '0')}`;
      if (i % perSummary === 0) {
        summaryId = id;
        tasks.push([id, null, `Phase ${i / perSummary + 1}`, 0, i / perSummary + 1]);
      } else {
        leaves.push(id);
        tasks.push([
          id,
          summaryId,
          `Task ${String(i).padStart(5, '0')}`,
          480 * (1 + (i % 4)),
          i % perSummary,
        ]);
      }
    }
    for (let start = 0; start < tasks.length; start += 1000) {
      const batch = tasks.slice(start, start + 1000);
      const values = batch.map(
        (_, j) =>
          `($${j * 5 + 1}, $${j * 5 + 2}, $${j * 5 + 3}, $${j * 5 + 4}, $${j * 5 + 5}, '${workspaceId}', '${projectId}')`,
      );
      await client.query(
        `insert into tasks (id, parent_id, name, duration_minutes, position, workspace_id, project_id) values ${values.join(', ')}`,
        batch.flat(),
      );
    }
    // Chains inside each summary, then cross links to a later task of the same workstream of ninety leaves.
    const pairs: [string, string][] = [];
    const workstream = 90;
    for (let k = 0; k + 1 < leaves.length && pairs.length < linkCount; k++) {
      if ((k + 1) % 9 !== 0) pairs.push([leaves[k] ?? '', leaves[k + 1] ?? '']);
    }
    for (let base = 0; base + workstream <= leaves.length && pairs.length < linkCount; base += workstream) {
      for (let c = 0; c < 70 && pairs.length < linkCount; c++) {
        pairs.push([leaves[base + c] ?? '', leaves[base + c + 9 + ((c * 7) % 11)] ?? '']);
      }
    }
    for (let start = 0; start < pairs.length; start += 1000) {
      const batch = pairs.slice(start, start + 1000);
      const values = batch.map(
        (_, j) =>
          `('lnk_bench${String(start + j).padStart(6, '0')}', $${j * 2 + 1}, $${j * 2 + 2}, '${workspaceId}', '${projectId}')`,
      );
      await client.query(
        `insert into task_links (id, predecessor_id, successor_id, workspace_id, project_id) values ${values.join(', ')}`,
        batch.flat(),
      );
    }
    await client.query('update projects set plan_revision = plan_revision + 1 where id = $1', [projectId]);
    await client.query('commit');
    return { tasks: tasks.length, links: pairs.length, leaf: leaves[0] ?? '' };
  } finally {
    await client.end();
  }
}

/** Signs a planner up on a fresh Tandem, makes the first workspace and an empty project for the plan. */
export async function benchProject(page: Page): Promise<{ workspaceId: string; project: { id: string } }> {
  await page.goto('/setup');
  const app = ui(page);
  await app.signUp({
    name: 'Bench Planner',
    email: 'planner@example.com',
    password: 'benchmark-password-1',
  });
  await app.createFirstWorkspace('Bench');
  const workspaceId = workspaceIdOf(page);
  const project = await apiPost(page, `/api/workspaces/${workspaceId}/projects`, {
    name: 'Ten thousand tasks',
    startDate: '2026-01-05',
  });
  return { workspaceId, project };
}

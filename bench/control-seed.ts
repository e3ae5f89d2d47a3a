/**
 * A project-control world for the benchmarks: a 10,000-task project (500 phases of 19 tasks, chained in 20 streams),
 * 50 people with hourly rates assigned to every leaf, 50,000 time entries, a baseline, budget lines and expenses,
 * written straight to PostgreSQL (the API would take minutes to take that many writes). Other control benchmarks
 * (change request impact, status reports) seed through it too.
 */
import type pg from 'pg';
import { newId } from '../packages/server/src/db/ids';
import { seededRandom } from './seeded-random';

/** What was seeded: the API token of its owner and the ids a benchmark drives. */
export interface ControlWorld {
  token: string;
  workspaceId: string;
  projectId: string;
  /** The leaf tasks, in outline order. */
  leaves: string[];
  /** The 50 people (users with a resource each). */
  people: string[];
}

/** How much to seed; the defaults are the figures. */
export interface ControlSize {
  phases?: number;
  perPhase?: number;
  people?: number;
  timeEntries?: number;
}

async function json(base: string, method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
}

/** Signs a bench user up on the server at `base` and returns an API token of theirs. */
export async function benchToken(base: string, email = 'control-bench@example.com'): Promise<string> {
  const signup = await fetch(`${base}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, name: 'Bench', password: 'correct horse battery staple' }),
  });
  const cookies = signup.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const csrf = cookies.find((cookie) => cookie?.startsWith('tandem_csrf='))?.split('=')[1] ?? '';
  const tokenResponse = await fetch(`${base}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
    body: JSON.stringify({ name: 'bench' }),
  });
  return ((await tokenResponse.json()) as { secret: string }).secret;
}

/** Seeds the control world through the server at `base` (owner, workspace, project) and `pool` (everything else). */
export async function seedControlProject(
  base: string,
  pool: pg.Pool,
  size: ControlSize = {},
): Promise<ControlWorld> {
  const phases = size.phases ?? 500;
  const perPhase = size.perPhase ?? 19;
  const peopleCount = size.people ?? 50;
  const entryCount = size.timeEntries ?? 50_000;
  const token = await benchToken(base);
  const workspace = await json(base, 'POST', '/api/workspaces', token, { name: 'Control bench' });
  const project = await json(base, 'POST', `/api/workspaces/${workspace.id}/projects`, token, {
    name: 'Ten thousand tasks under control',
    startDate: '2026-01-05',
  });
  const workspaceId = String(workspace.id);
  const projectId = String(project.id);
  const random = seededRandom(4242);

  const ids: string[] = [];
  const parents: (string | null)[] = [];
  const positions: number[] = [];
  const durations: number[] = [];
  const progress: number[] = [];
  const leaves: string[] = [];
  for (let p = 0; p < phases; p++) {
    const phase = newId('tsk');
    ids.push(phase);
    parents.push(null);
    positions.push(p + 1);
    durations.push(0);
    progress.push(0);
    for (let c = 0; c < perPhase; c++) {
      const id = newId('tsk');
      ids.push(id);
      parents.push(phase);
      positions.push(c + 1);
      durations.push(480 * (1 + Math.floor(random() * 5)));
      // The first phases are done or under way, the rest not started: a plan at its status date.
      progress.push(p < phases / 5 ? 100 : p < phases / 4 ? Math.floor(random() * 100) : 0);
      leaves.push(id);
    }
  }
  await pool.query(
    `insert into tasks (id, workspace_id, project_id, parent_id, name, position, duration_minutes, percent_complete)
     select id, $1, $2, parent, 'Task ' || ord, position, duration, pc
     from unnest($3::text[], $4::text[], $5::float8[], $6::int[], $7::int[])
          with ordinality as t(id, parent, position, duration, pc, ord)`,
    [workspaceId, projectId, ids, parents, positions, durations, progress],
  );
  // Twenty streams side by side: each phase a chain, each after the previous phase of its stream.
  const from: string[] = [];
  const to: string[] = [];
  const leafOf = (phase: number, child: number) => leaves[phase * perPhase + child] as string;
  for (let p = 0; p < phases; p++) {
    for (let c = 0; c + 1 < perPhase; c++) {
      from.push(leafOf(p, c));
      to.push(leafOf(p, c + 1));
    }
    if (p + 20 < phases) {
      from.push(leafOf(p, perPhase - 1));
      to.push(leafOf(p + 20, 0));
    }
  }
  await pool.query(
    `insert into task_links (id, workspace_id, project_id, predecessor_id, successor_id)
     select 'lnk_' || md5(a || b), $1, $2, a, b from unnest($3::text[], $4::text[]) as l(a, b)`,
    [workspaceId, projectId, from, to],
  );

  const people = Array.from({ length: peopleCount }, () => newId('usr'));
  const resources = people.map(() => newId('res'));
  await pool.query(
    `insert into users (id, email, name, password_hash)
     select id, 'person' || ord || '.' || id || '@example.com', 'Person ' || ord, 'no login'
     from unnest($1::text[]) with ordinality as u(id, ord)`,
    [people],
  );
  await pool.query(
    `insert into workspace_members (workspace_id, user_id, role) select $1, id, 'member' from unnest($2::text[]) as u(id)`,
    [workspaceId, people],
  );
  await pool.query(
    `insert into resources (id, workspace_id, name, kind, user_id, standard_rate_cents)
     select id, $1, 'Person ' || ord, 'person', person, 5000 + (ord::int % 10) * 1000
     from unnest($2::text[], $3::text[]) with ordinality as r(id, person, ord)`,
    [workspaceId, resources, people],
  );
  await pool.query(
    `insert into assignments (id, workspace_id, project_id, task_id, resource_id)
     select 'asg_' || md5(task), $1, $2, task, ($3::text[])[1 + (ord::int % $4::int)]
     from unnest($5::text[]) with ordinality as a(task, ord)`,
    [workspaceId, projectId, resources, resources.length, leaves],
  );
  // Time on the started tasks, on working days of the first weeks.
  const started = leaves.slice(0, Math.floor(leaves.length / 4));
  const entryTasks: string[] = [];
  const entryUsers: string[] = [];
  const entryDays: string[] = [];
  const entryMinutes: number[] = [];
  const firstDay = Date.UTC(2026, 0, 5);
  for (let i = 0; i < entryCount; i++) {
    const task = Math.floor(random() * started.length);
    entryTasks.push(started[task] as string);
    entryUsers.push(people[(task + 1) % people.length] as string);
    const week = Math.floor(random() * 20);
    const weekday = Math.floor(random() * 5);
    entryDays.push(new Date(firstDay + (week * 7 + weekday) * 86_400_000).toISOString().slice(0, 10));
    entryMinutes.push(60 * (1 + Math.floor(random() * 8)));
  }
  await pool.query(
    `insert into time_entries (id, workspace_id, project_id, task_id, user_id, day, minutes)
     select 'tme_' || md5($1 || ord), $1, $2, task, person, day::date, minutes
     from unnest($3::text[], $4::text[], $5::text[], $6::int[]) with ordinality as e(task, person, day, minutes, ord)`,
    [workspaceId, projectId, entryTasks, entryUsers, entryDays, entryMinutes],
  );
  await pool.query(
    `update projects set plan_revision = plan_revision + 1, status_date = '2026-05-15' where id = $1`,
    [projectId],
  );
  await json(base, 'POST', `/api/projects/${projectId}/baselines`, token, { name: 'Approved' });
  for (let p = 0; p < 20; p++) {
    await json(base, 'POST', `/api/projects/${projectId}/budget-lines`, token, {
      taskId: ids[p * (perPhase + 1) * Math.floor(phases / 20)],
      category: p % 3 === 0 ? 'materials' : 'labour',
      name: `Phase budget ${p + 1}`,
      amountCents: 5_000_000 + p * 100_000,
    });
  }
  for (let e = 0; e < 200; e++) {
    await pool.query(
      `insert into expenses (id, workspace_id, project_id, day, category, amount_cents, note)
       values ($1, $2, $3, $4::date, 'materials', $5, 'Bench expense')`,
      [newId('exp'), workspaceId, projectId, entryDays[e], 10_000 + e * 100],
    );
  }
  // Fresh statistics, as autovacuum would have gathered on a database that grew over months rather than seconds.
  await pool.query('analyze');
  return { token, workspaceId, projectId, leaves, people };
}
